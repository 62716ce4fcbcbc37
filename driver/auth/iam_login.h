#pragma once
// The IAM flow as one call for the connection: resolve the target (no network), look in the
// process-wide cache, else find AWS credentials and ask Redshift for a database password.
// Database credentials are cached in memory per (credential source, API, endpoint, region,
// cluster or workgroup, database, user, groups, AutoCreate, duration) until 60 s before they
// expire, unless DisableCache=1; the cache is safe across threads.
#include "auth/aws_call.h"
#include "config/settings.h"

#include <functional>
#include <string>

namespace rsodbc::auth {

struct DatabaseLogin {
    std::string user;
    std::string password;
    bool from_cache = false;
};

using EnvReader = std::function<std::string(const char*)>;

// Throws AuthError.
DatabaseLogin iam_database_login(const config::Settings& settings, const EnvReader& env,
                                 Clock::time_point now);

// Forgets every cached database password (tests).
void clear_iam_cache();

}  // namespace rsodbc::auth
