#pragma once
// A failed connection attempt told in plain words. libpq's text names the symptom of a TLS failure
// ("certificate verify failed", "tlsv1 alert protocol version"); users need the cause and what to
// change. libpq's own text stays at the end of the message for support.
#include <string>
#include <string_view>

namespace rsodbc::wire {

struct ConnectParams;

// `root_cert` is the CA file the attempt trusted (empty: libpq's default).
std::string explain_connect_failure(std::string_view libpq_message, const ConnectParams& params,
                                    const std::string& root_cert);

}  // namespace rsodbc::wire
