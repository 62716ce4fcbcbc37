#include "auth/credentials.h"

#include "auth/auth_error.h"
#include "auth/crypto.h"
#include "auth/shared_config.h"
#include "auth/xml_reader.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace rsodbc::auth {

namespace {

[[noreturn]] void fail(const std::string& message) {
    throw AuthError(AuthFailure::credentials, message);
}

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string home_file(const ProviderContext& context, const char* variable, const char* leaf) {
    std::string path = context.env(variable);
    if (path.empty()) {
        path = context.env("HOME") + "/.aws/" + leaf;
    } else if (path.starts_with("~/")) {
        path = context.env("HOME") + path.substr(1);
    }
    return path;
}

std::string session_name(const ProviderContext& context) {
    return "redshift-odbc-"
           + std::to_string(
               std::chrono::duration_cast<std::chrono::seconds>(context.now.time_since_epoch())
                   .count());
}

std::string json_string(const nlohmann::json& json, const char* key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// {"AccessKeyId", "SecretAccessKey", "Token" | "SessionToken", "Expiration"} answers of
// credential_process, ECS and IMDS.
ResolvedCredentials from_json(std::string_view body, const std::string& source) {
    const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object()) {
        throw AuthError(AuthFailure::network, source + " answered something that is not JSON");
    }
    ResolvedCredentials result;
    result.source = source;
    result.keys.access_key_id = json_string(json, "AccessKeyId");
    result.keys.secret_access_key = json_string(json, "SecretAccessKey");
    result.keys.session_token = json_string(json, "Token");
    if (result.keys.session_token.empty()) {
        result.keys.session_token = json_string(json, "SessionToken");
    }
    if (result.keys.access_key_id.empty() || result.keys.secret_access_key.empty()) {
        fail(source + " gave no AccessKeyId/SecretAccessKey");
    }
    const std::string expiration = json_string(json, "Expiration");
    if (!expiration.empty()) {
        result.expiration = parse_iso8601(expiration);
        if (!result.expiration) {
            fail(source + " gave an unreadable Expiration '" + expiration + "'");
        }
    }
    return result;
}

struct SharedFiles {
    std::string credentials_path;
    std::string config_path;
    ProfileMap credentials;
    ProfileMap config;
};

SharedFiles load_shared_files(const ProviderContext& context) {
    SharedFiles files;
    files.credentials_path = home_file(context, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
    files.config_path = home_file(context, "AWS_CONFIG_FILE", "config");
    if (auto text = read_file(files.credentials_path)) {
        files.credentials = parse_shared_file(*text, false);
    }
    if (auto text = read_file(files.config_path)) {
        files.config = parse_shared_file(*text, true);
    }
    return files;
}

// The credentials file wins over the config file key by key.
std::optional<Profile> find_profile(const SharedFiles& files, const std::string& name) {
    const auto in_credentials = files.credentials.find(name);
    const auto in_config = files.config.find(name);
    if (in_credentials == files.credentials.end() && in_config == files.config.end()) {
        return std::nullopt;
    }
    Profile merged;
    if (in_config != files.config.end()) {
        merged = in_config->second;
    }
    if (in_credentials != files.credentials.end()) {
        for (const auto& [key, value] : in_credentials->second) {
            merged[key] = value;
        }
    }
    return merged;
}

std::string get(const Profile& profile, const char* key) {
    const auto it = profile.find(key);
    return it != profile.end() ? it->second : std::string();
}

std::optional<ResolvedCredentials> static_profile_keys(const Profile& profile,
                                                       const std::string& source) {
    ResolvedCredentials result;
    result.keys.access_key_id = get(profile, "aws_access_key_id");
    result.keys.secret_access_key = get(profile, "aws_secret_access_key");
    result.keys.session_token = get(profile, "aws_session_token");
    result.source = source;
    if (result.keys.access_key_id.empty() || result.keys.secret_access_key.empty()) {
        return std::nullopt;
    }
    return result;
}

bool metadata_disabled(const ProviderContext& context) {
    const std::string value = context.env("AWS_EC2_METADATA_DISABLED");
    return value == "true" || value == "TRUE" || value == "True" || value == "1";
}

ResolvedCredentials profile_chain(const std::string& name, const ProviderContext& context,
                                  const SharedFiles& files, std::set<std::string>& visited) {
    const std::string source = "profile '" + name + "'";
    const std::optional<Profile> profile = find_profile(files, name);
    if (!profile) {
        fail(source + " not found in " + files.credentials_path + " or " + files.config_path);
    }
    if (!visited.insert(name).second) {
        fail(source + " is part of a source_profile loop");
    }
    const std::string role_arn = get(*profile, "role_arn");
    if (!role_arn.empty()) {
        const std::string source_profile = get(*profile, "source_profile");
        const std::string credential_source = get(*profile, "credential_source");
        const std::string token_file = get(*profile, "web_identity_token_file");
        std::string role_session = get(*profile, "role_session_name");
        if (role_session.empty()) {
            role_session = session_name(context);
        }
        if (!source_profile.empty() && !credential_source.empty()) {
            fail(source + " has both source_profile and credential_source; keep one");
        }
        ResolvedCredentials base;
        if (!source_profile.empty()) {
            // A profile naming itself uses its own static keys (the AWS CLI does the same).
            if (source_profile == name) {
                auto own = static_profile_keys(*profile, source);
                if (!own) {
                    fail(source + " is its own source_profile but has no static keys");
                }
                base = *own;
            } else {
                base = profile_chain(source_profile, context, files, visited);
            }
        } else if (!credential_source.empty()) {
            if (credential_source == "Environment") {
                auto env = environment_credentials(context);
                if (!env) {
                    fail(source + ": credential_source=Environment but AWS_ACCESS_KEY_ID and "
                                  "AWS_SECRET_ACCESS_KEY are not set");
                }
                base = *env;
            } else if (credential_source == "Ec2InstanceMetadata") {
                base = instance_metadata_credentials(context);
            } else if (credential_source == "EcsContainer") {
                base = container_credentials(context);
            } else {
                fail(source + ": unknown credential_source '" + credential_source
                     + "' (expected Environment, Ec2InstanceMetadata or EcsContainer)");
            }
        } else if (!token_file.empty()) {
            return web_identity_credentials(token_file, role_arn, role_session, context);
        } else {
            fail(source + " has role_arn but neither source_profile nor credential_source");
        }
        return assume_role(base, role_arn, role_session, get(*profile, "external_id"), context);
    }
    if (!get(*profile, "credential_source").empty()) {
        fail(source + " has credential_source without role_arn");
    }
    if (auto keys = static_profile_keys(*profile, source)) {
        return *keys;
    }
    if (const std::string process = get(*profile, "credential_process"); !process.empty()) {
        return process_credentials(process);
    }
    fail(source + " has no credentials (aws_access_key_id, role_arn or credential_process)");
}

}  // namespace

std::string process_env(const char* name) {
    const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read only
    return value != nullptr ? value : "";
}

std::optional<ResolvedCredentials> environment_credentials(const ProviderContext& context) {
    ResolvedCredentials result;
    result.keys.access_key_id = context.env("AWS_ACCESS_KEY_ID");
    result.keys.secret_access_key = context.env("AWS_SECRET_ACCESS_KEY");
    result.keys.session_token = context.env("AWS_SESSION_TOKEN");
    result.source = "environment (AWS_ACCESS_KEY_ID)";
    if (result.keys.access_key_id.empty() || result.keys.secret_access_key.empty()) {
        return std::nullopt;
    }
    return result;
}

ResolvedCredentials profile_credentials(const std::string& name, const ProviderContext& context) {
    const SharedFiles files = load_shared_files(context);
    std::set<std::string> visited;
    return profile_chain(name, context, files, visited);
}

namespace {

// AssumeRole and AssumeRoleWithWebIdentity differ only in their form fields and whether the call
// is signed; the endpoint, the answer's shape and "no keys in the answer" are the same.
ResolvedCredentials sts_credentials(const std::vector<std::pair<std::string, std::string>>& fields,
                                    const std::string& what, const AwsCredentials* signing_keys,
                                    std::string source, const ProviderContext& context) {
    AwsCall call;
    call.url = !context.sts_endpoint_url.empty() ? context.sts_endpoint_url
                                                 : service_url("sts", context.region);
    call.region = context.region;
    call.service = "sts";
    call.content_type = "application/x-www-form-urlencoded; charset=utf-8";
    call.body = form_body(fields);
    call.what = what;
    const std::string body = send_aws_call(call, signing_keys, context.http, context.now);
    const auto xml = parse_xml(body);
    ResolvedCredentials result;
    result.source = std::move(source);
    if (xml) {
        result.keys.access_key_id = xml->find_text("AccessKeyId");
        result.keys.secret_access_key = xml->find_text("SecretAccessKey");
        result.keys.session_token = xml->find_text("SessionToken");
        result.expiration = parse_iso8601(xml->find_text("Expiration"));
    }
    if (result.keys.access_key_id.empty() || result.keys.secret_access_key.empty()) {
        throw AuthError(AuthFailure::network, call.what + " answered without credentials");
    }
    return result;
}

}  // namespace

ResolvedCredentials assume_role(const ResolvedCredentials& source, const std::string& role_arn,
                                const std::string& session_name, const std::string& external_id,
                                const ProviderContext& context) {
    std::vector<std::pair<std::string, std::string>> fields{{"Action", "AssumeRole"},
                                                            {"Version", "2011-06-15"},
                                                            {"RoleArn", role_arn},
                                                            {"RoleSessionName", session_name}};
    if (!external_id.empty()) {
        fields.emplace_back("ExternalId", external_id);
    }
    return sts_credentials(fields, "STS AssumeRole (" + role_arn + ")", &source.keys,
                           "role " + role_arn, context);
}

ResolvedCredentials web_identity_credentials(const std::string& token_file,
                                             const std::string& role_arn,
                                             const std::string& session_name,
                                             const ProviderContext& context) {
    const std::optional<std::string> token = read_file(token_file);
    if (!token || token->empty()) {
        fail("web identity token file '" + token_file + "' cannot be read");
    }
    // Unsigned: the web identity token is the credential.
    return sts_credentials({{"Action", "AssumeRoleWithWebIdentity"},
                            {"Version", "2011-06-15"},
                            {"RoleArn", role_arn},
                            {"RoleSessionName", session_name},
                            {"WebIdentityToken", *token}},
                           "STS AssumeRoleWithWebIdentity (" + role_arn + ")", nullptr,
                           "web identity role " + role_arn, context);
}

ResolvedCredentials container_credentials(const ProviderContext& context) {
    std::string url;
    if (const std::string relative = context.env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        !relative.empty()) {
        url = "http://169.254.170.2" + relative;
    } else {
        url = context.env("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }
    if (url.empty()) {
        fail(
            "no container credentials: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and "
            "AWS_CONTAINER_CREDENTIALS_FULL_URI are not set");
    }
    HttpRequest request;
    request.method = "GET";
    request.url = url;
    std::string token;
    if (const std::string token_file = context.env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        !token_file.empty()) {
        token = read_file(token_file).value_or("");
        while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) {
            token.pop_back();
        }
    } else {
        token = context.env("AWS_CONTAINER_AUTHORIZATION_TOKEN");
    }
    if (token.find_first_of("\r\n") != std::string::npos) {
        fail("the container authorization token contains a line break");
    }
    if (!token.empty()) {
        request.headers.push_back({"Authorization", token});
    }
    HttpOptions options = context.http;
    options.allow_link_local = true;
    options.timeout_seconds = std::min(options.timeout_seconds, 5);
    const HttpResponse response = http_send(request, options);
    if (response.status != 200) {
        fail("container credentials endpoint answered HTTP " + std::to_string(response.status));
    }
    return from_json(response.body, "container credentials");
}

ResolvedCredentials instance_metadata_credentials(const ProviderContext& context) {
    if (metadata_disabled(context)) {
        fail("instance metadata is disabled (AWS_EC2_METADATA_DISABLED)");
    }
    std::string base = context.env("AWS_EC2_METADATA_SERVICE_ENDPOINT");
    if (base.empty()) {
        base = context.env("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE") == "IPv6"
                   ? "http://[fd00:ec2::254]"
                   : "http://169.254.169.254";
    }
    while (base.ends_with('/')) {
        base.pop_back();
    }
    HttpOptions options = context.http;
    options.allow_link_local = true;
    options.timeout_seconds = std::min(options.timeout_seconds, 2);
    HttpRequest token_request;
    token_request.method = "PUT";
    token_request.url = base + "/latest/api/token";
    token_request.headers.push_back({"X-aws-ec2-metadata-token-ttl-seconds", "21600"});
    const HttpResponse token = http_send(token_request, options);
    if (token.status != 200 || token.body.empty()) {
        fail("instance metadata refused an IMDSv2 token (HTTP " + std::to_string(token.status)
             + ")");
    }
    HttpRequest role_request;
    role_request.method = "GET";
    role_request.url = base + "/latest/meta-data/iam/security-credentials/";
    role_request.headers.push_back({"X-aws-ec2-metadata-token", token.body});
    const HttpResponse role = http_send(role_request, options);
    std::string role_name = role.body.substr(0, role.body.find('\n'));
    if (role.status != 200 || role_name.empty()) {
        fail("the instance has no IAM role (instance metadata HTTP " + std::to_string(role.status)
             + ")");
    }
    HttpRequest keys_request = role_request;
    keys_request.url += role_name;
    const HttpResponse keys = http_send(keys_request, options);
    if (keys.status != 200) {
        fail("instance metadata answered HTTP " + std::to_string(keys.status)
             + " for the credentials of role " + role_name);
    }
    return from_json(keys.body, "instance role " + role_name);
}

ResolvedCredentials resolve_credentials(const config::IamSettings& iam,
                                        const ProviderContext& context) {
    const bool keys_given = !iam.access_key_id.empty() || !iam.secret_access_key.empty();
    if (iam.auth_type == "Static"
        || (iam.auth_type.empty() && !iam.instance_profile && iam.profile.empty() && keys_given)) {
        if (iam.access_key_id.empty() || iam.secret_access_key.empty()) {
            throw AuthError(AuthFailure::settings,
                            "IAM with static keys needs both AccessKeyID and SecretAccessKey");
        }
        return {{iam.access_key_id, iam.secret_access_key, iam.session_token},
                std::nullopt,
                "AccessKeyID " + iam.access_key_id};
    }
    if (iam.auth_type == "InstanceProfile" || iam.instance_profile) {
        return instance_metadata_credentials(context);
    }
    if (!iam.profile.empty()) {
        return profile_credentials(iam.profile, context);
    }
    if (iam.auth_type == "Profile") {
        // AuthType=Profile with no Profile: the default profile, as the Amazon driver does.
    }
    // The default chain.
    if (auto env = environment_credentials(context)) {
        return *env;
    }
    if (const std::string token_file = context.env("AWS_WEB_IDENTITY_TOKEN_FILE");
        !token_file.empty() && !context.env("AWS_ROLE_ARN").empty()) {
        std::string name = context.env("AWS_ROLE_SESSION_NAME");
        return web_identity_credentials(token_file, context.env("AWS_ROLE_ARN"),
                                        name.empty() ? session_name(context) : name, context);
    }
    std::string profile = context.env("AWS_PROFILE");
    if (profile.empty()) {
        profile = context.env("AWS_DEFAULT_PROFILE");
    }
    const bool profile_named = !profile.empty();
    if (!profile_named) {
        profile = "default";
    }
    const SharedFiles files = load_shared_files(context);
    if (profile_named || find_profile(files, profile)) {
        std::set<std::string> visited;
        return profile_chain(profile, context, files, visited);
    }
    if (!context.env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").empty()
        || !context.env("AWS_CONTAINER_CREDENTIALS_FULL_URI").empty()) {
        return container_credentials(context);
    }
    if (!metadata_disabled(context)) {
        try {
            return instance_metadata_credentials(context);
        } catch (const AuthError& error) {
            fail(std::string("no AWS credentials found: no AccessKeyID/SecretAccessKey or Profile "
                             "keyword, no AWS_ACCESS_KEY_ID, no profile in ")
                 + files.credentials_path + " or " + files.config_path
                 + ", no container credentials, and instance metadata failed: " + error.what());
        }
    }
    fail(
        "no AWS credentials found: no AccessKeyID/SecretAccessKey or Profile keyword, no "
        "AWS_ACCESS_KEY_ID, no profile in "
        + files.credentials_path + " or " + files.config_path
        + ", no container credentials, instance metadata disabled");
}

std::string credential_identity(const config::IamSettings& iam, const ProviderContext& context) {
    // Secrets enter the key only hashed, so two connection strings with the same key id but
    // different secrets never share cached database passwords.
    auto keyed = [](std::string_view kind, std::string_view id, std::string_view secret,
                    std::string_view token) {
        return std::string(kind) + ":" + std::string(id) + ":"
               + hex(sha256(std::string(secret) + "\n" + std::string(token)));
    };
    if (!iam.access_key_id.empty() && iam.auth_type != "Profile"
        && iam.auth_type != "InstanceProfile" && !iam.instance_profile && iam.profile.empty()) {
        return keyed("static", iam.access_key_id, iam.secret_access_key, iam.session_token);
    }
    if (iam.auth_type == "InstanceProfile" || iam.instance_profile) {
        return "instance";
    }
    if (!iam.profile.empty()) {
        return "profile:" + iam.profile;
    }
    if (!context.env("AWS_ACCESS_KEY_ID").empty()) {
        return keyed("env", context.env("AWS_ACCESS_KEY_ID"), context.env("AWS_SECRET_ACCESS_KEY"),
                     context.env("AWS_SESSION_TOKEN"));
    }
    return "default:" + context.env("AWS_ROLE_ARN") + ":" + context.env("AWS_PROFILE") + ":"
           + context.env("AWS_DEFAULT_PROFILE");
}

}  // namespace rsodbc::auth
