// libFuzzer target: see check_ddl_targets in properties.h for what it checks beyond "no crash".
#include "properties.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer hands over bytes.
    rsodbc::fuzz::check_ddl_targets(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
