#pragma once

#include <string_view>

namespace rsodbc::config {

// True for an Amazon Redshift endpoint host name: a provisioned cluster
// (*.redshift.amazonaws.com), a serverless workgroup (*.redshift-serverless.amazonaws.com) or
// their China-region forms (*.amazonaws.com.cn). Such a host gets SSLMode=verify-full by default,
// since its certificate is publicly trusted and names the endpoint.
bool is_redshift_endpoint(std::string_view host);

}  // namespace rsodbc::config
