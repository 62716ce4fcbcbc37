#include "config/endpoint.h"

#include "config/keywords.h"

#include <array>

namespace rsodbc::config {

bool is_redshift_endpoint(std::string_view host) {
    if (!host.empty() && host.back() == '.') {
        host.remove_suffix(1);  // a fully qualified name with its root dot
    }
    static constexpr std::array<std::string_view, 4> suffixes{
        ".redshift.amazonaws.com", ".redshift-serverless.amazonaws.com",
        ".redshift.amazonaws.com.cn", ".redshift-serverless.amazonaws.com.cn"};
    for (std::string_view suffix : suffixes) {
        if (host.size() > suffix.size()
            && iequals(host.substr(host.size() - suffix.size()), suffix)) {
            return true;
        }
    }
    return false;
}

}  // namespace rsodbc::config
