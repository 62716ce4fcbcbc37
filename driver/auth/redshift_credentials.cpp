#include "auth/redshift_credentials.h"

#include "auth/auth_error.h"
#include "auth/xml_reader.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace rsodbc::auth {

namespace {

std::string_view api_name(IamApi api) {
    switch (api) {
        case IamApi::get_cluster_credentials:
            return "GetClusterCredentials";
        case IamApi::get_cluster_credentials_with_iam:
            return "GetClusterCredentialsWithIAM";
        case IamApi::serverless_get_credentials:
            break;
    }
    return "redshift-serverless GetCredentials";
}

}  // namespace

AwsCall database_credentials_call(const IamTarget& target, const config::IamSettings& iam,
                                  const std::string& database, const std::string& uid) {
    AwsCall call;
    call.region = target.region;
    call.what = std::string(api_name(target.api));
    if (target.api == IamApi::serverless_get_credentials) {
        call.url = !iam.endpoint_url.empty() ? iam.endpoint_url
                                             : service_url("redshift-serverless", target.region);
        call.service = "redshift-serverless";
        call.content_type = "application/x-amz-json-1.1";
        call.target = "RedshiftServerless.GetCredentials";
        nlohmann::json body = {{"workgroupName", target.workgroup}};
        if (!database.empty()) {
            body["dbName"] = database;
        }
        body["durationSeconds"] = iam.duration;
        call.body = body.dump();
        call.what += " (workgroup " + target.workgroup + ")";
        return call;
    }
    call.url =
        !iam.endpoint_url.empty() ? iam.endpoint_url : service_url("redshift", target.region);
    call.service = "redshift";
    call.content_type = "application/x-www-form-urlencoded; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> fields{{"Action", call.what},
                                                            {"Version", "2012-12-01"}};
    if (target.api == IamApi::get_cluster_credentials) {
        const std::string& db_user = !iam.db_user.empty() ? iam.db_user : uid;
        if (db_user.empty()) {
            throw AuthError(AuthFailure::settings,
                            "IAM needs the DbUser keyword (or UID): GetClusterCredentials "
                            "asks for a password of a named database user");
        }
        fields.emplace_back("DbUser", db_user);
    }
    if (!database.empty()) {
        fields.emplace_back("DbName", database);
    }
    fields.emplace_back("ClusterIdentifier", target.cluster_id);
    fields.emplace_back("DurationSeconds", std::to_string(iam.duration));
    if (target.api == IamApi::get_cluster_credentials) {
        fields.emplace_back("AutoCreate", iam.auto_create ? "true" : "false");
        // The list member's locationName is DbGroup (not member): DbGroups.DbGroup.N.
        for (std::size_t i = 0; i < iam.db_groups.size(); ++i) {
            fields.emplace_back("DbGroups.DbGroup." + std::to_string(i + 1), iam.db_groups[i]);
        }
    }
    call.body = form_body(fields);
    call.what += " (cluster " + target.cluster_id + ")";
    return call;
}

DatabaseCredentials parse_cluster_credentials(std::string_view xml, std::string_view what) {
    const auto document = parse_xml(xml);
    DatabaseCredentials result;
    std::optional<Clock::time_point> expiration;
    if (document) {
        result.user = document->find_text("DbUser");
        result.password = document->find_text("DbPassword");
        expiration = parse_iso8601(document->find_text("Expiration"));
    }
    if (result.user.empty() || result.password.empty() || !expiration) {
        throw AuthError(AuthFailure::network,
                        std::string(what) + " answered without DbUser, DbPassword or Expiration");
    }
    result.expiration = *expiration;
    return result;
}

DatabaseCredentials parse_serverless_credentials(std::string_view json_text) {
    const nlohmann::json json = nlohmann::json::parse(json_text, nullptr, false);
    DatabaseCredentials result;
    bool ok = json.is_object();
    if (ok) {
        const auto user = json.find("dbUser");
        const auto password = json.find("dbPassword");
        const auto expiration = json.find("expiration");
        ok = user != json.end() && user->is_string() && password != json.end()
             && password->is_string() && expiration != json.end() && expiration->is_number();
        if (ok) {
            result.user = user->get<std::string>();
            result.password = password->get<std::string>();
            const double seconds = expiration->get<double>();
            ok = std::isfinite(seconds) && seconds > 0 && seconds < 1e11;
            if (ok) {
                result.expiration = Clock::time_point(std::chrono::duration_cast<Clock::duration>(
                    std::chrono::duration<double>(seconds)));
            }
        }
    }
    if (!ok || result.user.empty() || result.password.empty()) {
        throw AuthError(AuthFailure::network,
                        "redshift-serverless GetCredentials answered without dbUser, dbPassword "
                        "or expiration");
    }
    return result;
}

DatabaseCredentials fetch_database_credentials(const IamTarget& target,
                                               const config::IamSettings& iam,
                                               const std::string& database, const std::string& uid,
                                               const ResolvedCredentials& credentials,
                                               const HttpOptions& options, Clock::time_point now) {
    const AwsCall call = database_credentials_call(target, iam, database, uid);
    const std::string body = send_aws_call(call, &credentials.keys, options, now);
    return target.api == IamApi::serverless_get_credentials
               ? parse_serverless_credentials(body)
               : parse_cluster_credentials(body, call.what);
}

}  // namespace rsodbc::auth
