// SQLSetEnvAttr, SQLGetEnvAttr.
#include "api/entry.h"
#include "api/value_out.h"
#include "core/call_trace.h"
#include "core/environment.h"

#include <sql.h>
#include <sqlext.h>

using rsodbc::api::entry;
using rsodbc::api::value_out;
using rsodbc::core::Environment;

extern "C" {

SQLRETURN SQL_API SQLSetEnvAttr(SQLHENV environment, SQLINTEGER attribute, SQLPOINTER value,
                                SQLINTEGER /*length*/) {
    RSODBC_API_CALL(environment, attribute, value);
    return entry<Environment>(environment,
                              [&](Environment& e) { e.set_attribute(attribute, value); });
}

SQLRETURN SQL_API SQLGetEnvAttr(SQLHENV environment, SQLINTEGER attribute, SQLPOINTER value,
                                SQLINTEGER /*capacity*/, SQLINTEGER* length) {
    RSODBC_API_CALL(environment, attribute, value, length);
    return entry<Environment>(
        environment, [&](Environment& e) { value_out(e.get_attribute(attribute), value, length); });
}

}  // extern "C"
