#include "auth/iam_login.h"

#include "auth/credentials.h"
#include "auth/iam_target.h"
#include "auth/redshift_credentials.h"
#include "log/logger.h"

#include <map>
#include <mutex>

namespace rsodbc::auth {

namespace {

// Reused only while this far from expiry, so a connection never starts with a password that
// expires during the login exchange.
constexpr auto expiry_margin = std::chrono::seconds(60);

struct Cache {
    std::mutex mutex;
    std::map<std::string, DatabaseCredentials> entries;
};

Cache& cache() {
    static Cache instance;
    return instance;
}

}  // namespace

void clear_iam_cache() {
    Cache& shared = cache();
    const std::lock_guard lock(shared.mutex);
    shared.entries.clear();
}

DatabaseLogin iam_database_login(const config::Settings& settings, const EnvReader& env,
                                 Clock::time_point now) {
    const config::IamSettings& iam = settings.iam;
    const IamTarget target = resolve_iam_target(iam, settings.host);
    ProviderContext context;
    context.env = env;
    context.http.timeout_seconds = iam.http_timeout;
    context.http.ca_file = settings.ssl_root_cert;
    context.http.proxy_host = iam.proxy_host;
    context.http.proxy_port = iam.proxy_port;
    context.http.proxy_user = iam.proxy_user;
    context.http.proxy_password = iam.proxy_password;
    context.sts_endpoint_url = iam.sts_endpoint_url;
    context.region = target.region;
    context.now = now;
    // The request is built before anything is sent, so a missing DbUser fails without network.
    const AwsCall call = database_credentials_call(target, iam, settings.database, settings.user);

    std::string key = credential_identity(iam, context) + "\n" + call.url + "\n" + call.what + "\n"
                      + call.region + "\n" + call.body;
    Cache& shared = cache();
    if (!iam.disable_cache) {
        const std::lock_guard lock(shared.mutex);
        const auto found = shared.entries.find(key);
        if (found != shared.entries.end() && found->second.expiration - expiry_margin > now) {
            RSODBC_LOG(info, "IAM: reusing the database password of {} from {} (cached)",
                       found->second.user, call.what);
            return {found->second.user, found->second.password, true};
        }
    }
    const ResolvedCredentials credentials = resolve_credentials(iam, context);
    RSODBC_LOG(info, "IAM: AWS credentials from {}; calling {}", credentials.source, call.what);
    const DatabaseCredentials database = fetch_database_credentials(
        target, iam, settings.database, settings.user, credentials, context.http, now);
    RSODBC_LOG(info, "IAM: {} gave database user {}", call.what, database.user);
    if (!iam.disable_cache) {
        const std::lock_guard lock(shared.mutex);
        std::erase_if(shared.entries,
                      [&](const auto& entry) { return entry.second.expiration <= now; });
        shared.entries[key] = database;
    }
    return {database.user, database.password, false};
}

}  // namespace rsodbc::auth
