#include "catalog/functions.h"

#include <algorithm>
#include <array>

namespace rsodbc::catalog {

namespace {

// Every function exported by api/ with a working body. Keep in step with api/*.cpp: the
// integration suite checks that each function listed here answers.
constexpr std::array implemented = {
    SQL_API_SQLALLOCHANDLE,    SQL_API_SQLFREEHANDLE,    SQL_API_SQLFREESTMT,
    SQL_API_SQLSETENVATTR,     SQL_API_SQLGETENVATTR,    SQL_API_SQLCONNECT,
    SQL_API_SQLDRIVERCONNECT,  SQL_API_SQLDISCONNECT,    SQL_API_SQLEXECDIRECT,
    SQL_API_SQLPREPARE,        SQL_API_SQLEXECUTE,       SQL_API_SQLNUMRESULTCOLS,
    SQL_API_SQLDESCRIBECOL,    SQL_API_SQLCOLATTRIBUTE,  SQL_API_SQLFETCH,
    SQL_API_SQLGETDATA,        SQL_API_SQLBINDCOL,       SQL_API_SQLROWCOUNT,
    SQL_API_SQLCLOSECURSOR,    SQL_API_SQLGETDIAGREC,    SQL_API_SQLGETDIAGFIELD,
    SQL_API_SQLGETINFO,        SQL_API_SQLGETFUNCTIONS,  SQL_API_SQLSETCONNECTATTR,
    SQL_API_SQLGETCONNECTATTR, SQL_API_SQLENDTRAN,       SQL_API_SQLSETSTMTATTR,
    SQL_API_SQLGETSTMTATTR,    SQL_API_SQLMORERESULTS,   SQL_API_SQLBINDPARAMETER,
    SQL_API_SQLNUMPARAMS,      SQL_API_SQLDESCRIBEPARAM, SQL_API_SQLPARAMDATA,
    SQL_API_SQLPUTDATA,        SQL_API_SQLCANCEL,        SQL_API_SQLFETCHSCROLL,
    SQL_API_SQLEXTENDEDFETCH,  SQL_API_SQLGETDESCFIELD,  SQL_API_SQLSETDESCFIELD,
    SQL_API_SQLGETDESCREC,     SQL_API_SQLSETDESCREC,    SQL_API_SQLCOPYDESC,
    SQL_API_SQLGETTYPEINFO,    SQL_API_SQLSETPOS,        SQL_API_SQLNATIVESQL,
    SQL_API_SQLGETCURSORNAME,  SQL_API_SQLSETCURSORNAME,
};

// The catalog functions that work (api/catalog_api.cpp). SQLTablePrivileges and
// SQLColumnPrivileges are left out on purpose: they answer HYC00 (see catalog_api.cpp).
constexpr std::array catalog_functions = {
    SQL_API_SQLTABLES,      SQL_API_SQLCOLUMNS,          SQL_API_SQLPRIMARYKEYS,
    SQL_API_SQLFOREIGNKEYS, SQL_API_SQLSTATISTICS,       SQL_API_SQLSPECIALCOLUMNS,
    SQL_API_SQLPROCEDURES,  SQL_API_SQLPROCEDURECOLUMNS,
};

bool listed(SQLUSMALLINT function_id) {
    return std::find(implemented.begin(), implemented.end(), function_id) != implemented.end()
           || std::find(catalog_functions.begin(), catalog_functions.end(), function_id)
                  != catalog_functions.end();
}

}  // namespace

bool function_supported(SQLUSMALLINT function_id) {
    return listed(function_id);
}

void fill_odbc3_bitmap(SQLUSMALLINT* bitmap) {
    std::fill_n(bitmap, SQL_API_ODBC3_ALL_FUNCTIONS_SIZE, SQLUSMALLINT{0});
    for (const auto id : implemented) {
        bitmap[id >> 4] |= static_cast<SQLUSMALLINT>(1U << (id & 0xF));
    }
    for (const auto id : catalog_functions) {
        bitmap[id >> 4] |= static_cast<SQLUSMALLINT>(1U << (id & 0xF));
    }
}

void fill_odbc2_array(SQLUSMALLINT* array) {
    std::fill_n(array, 100, SQLUSMALLINT{0});
    for (const auto id : implemented) {
        if (id < 100) {
            array[id] = SQL_TRUE;
        }
    }
    for (const auto id : catalog_functions) {
        array[id] = SQL_TRUE;  // all below 100
    }
}

}  // namespace rsodbc::catalog
