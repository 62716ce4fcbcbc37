#pragma once

#include <string>

namespace rsodbc::wire {

// The CA file verify-ca/verify-full use when the DSN names none. libpq 15 knows only
// ~/.postgresql/root.crt (or PGSSLROOTCERT); when neither exists the system's CA store is used
// (Debian's ca-certificates bundle, or the RHEL/SUSE/Alpine one), which carries the Amazon roots
// Redshift's ACM-issued certificates chain to. Empty: leave libpq's default alone.
std::string default_root_cert();

}  // namespace rsodbc::wire
