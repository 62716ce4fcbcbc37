#include "catalog/key_positions.h"

namespace rsodbc::catalog {

std::string key_positions(int first, int last, const char* alias) {
    return "(SELECT pg_catalog.generate_series(" + std::to_string(first) + ", "
           + std::to_string(last) + ") AS i) " + alias;
}

}  // namespace rsodbc::catalog
