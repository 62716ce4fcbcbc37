#include "catalog/auto_unique.h"

namespace rsodbc::catalog {

std::string auto_unique_expression(bool redshift) {
    // pg_get_expr prints the call as Redshift stores it: "identity"(...) (quoted, IDENTITY is a
    // reserved word there) or default_identity(...), quoted or not depending on the release. The
    // pattern is anchored, and [(] avoids a backslash whose meaning in a literal depends on
    // standard_conforming_strings.
    const std::string text = "coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid), '')";
    if (redshift) {
        return "(" + text + " ~ '^\"?(default_)?identity\"?[(]')";
    }
    return "(a.attidentity <> '' OR " + text + " LIKE 'nextval(%')";
}

}  // namespace rsodbc::catalog
