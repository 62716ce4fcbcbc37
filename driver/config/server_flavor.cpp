#include "config/server_flavor.h"

#include "config/connection_string.h"
#include "config/keywords.h"

#include <string>

namespace rsodbc::config {

ServerFlavor parse_server_flavor(std::string_view text) {
    for (ServerFlavor flavor :
         {ServerFlavor::automatic, ServerFlavor::redshift, ServerFlavor::postgresql}) {
        if (iequals(text, to_string(flavor))) {
            return flavor;
        }
    }
    throw ConfigError("invalid ServerFlavor '" + std::string(text)
                      + "': expected auto, redshift or postgresql");
}

std::string_view to_string(ServerFlavor flavor) {
    switch (flavor) {
        case ServerFlavor::automatic:
            return "auto";
        case ServerFlavor::redshift:
            return "redshift";
        case ServerFlavor::postgresql:
            return "postgresql";
    }
    return "auto";
}

}  // namespace rsodbc::config
