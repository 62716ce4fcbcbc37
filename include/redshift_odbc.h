// Public header of redshift-odbc: the driver-specific attributes an application (or the
// `redshift-odbc` CLI) may ask for with SQLGetConnectAttr or SQLGetStmtAttr. Installed with the
// driver.
#ifndef REDSHIFT_ODBC_H
#define REDSHIFT_ODBC_H

#include <sqlext.h>

// Read-only, character string (SQLGetConnectAttr with a buffer): the TLS state of the open
// connection as semicolon-separated key=value pairs, e.g.
//   "tls=1;protocol=TLSv1.3;cipher=TLS_AES_256_GCM_SHA384;verified=full"
// verified is one of none (no certificate check), ca (chain checked, host name not), full (chain
// and host name). Without TLS: "tls=0". 08003 when not connected.
#define SQL_ATTR_RSODBC_TLS_STATE (SQL_DRIVER_CONN_ATTR_BASE + 1)

// Read-only, SQLULEN (SQLGetStmtAttr): how many times the driver's SQL scanner has passed over
// statement text in this statement's SQLPrepare, SQLExecDirect, SQLExecute and SQLParamData calls
// so far. The text is analysed once when SQLPrepare or SQLExecDirect receives it (once more when it
// holds ODBC escapes to translate); SQLExecute of a prepared statement adds nothing.
#define SQL_ATTR_RSODBC_TEXT_SCANS (SQL_DRIVER_STMT_ATTR_BASE + 1)

#endif  // REDSHIFT_ODBC_H
