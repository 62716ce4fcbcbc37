#pragma once
// The AWS shared files (~/.aws/credentials and ~/.aws/config, shared/IAM.md §5) as profiles:
// INI sections of key = value lines, '#' and ';' comments, indented lines (sub-sections of
// service settings) skipped. In the config file a profile is [profile name] or [default]; a
// plain [name] there is not a profile. Keys are lower-cased; values trimmed.
#include <map>
#include <string>
#include <string_view>

namespace rsodbc::auth {

using Profile = std::map<std::string, std::string>;
using ProfileMap = std::map<std::string, Profile>;

ProfileMap parse_shared_file(std::string_view text, bool config_file);

}  // namespace rsodbc::auth
