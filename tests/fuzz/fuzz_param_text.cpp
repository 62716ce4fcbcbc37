// libFuzzer target: character parameter data into every target SQL type. See check_param_text in
// param_text_properties.h for what it checks beyond "no crash", and param_text_case.h for how
// the input is read.
#include "param_text_properties.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer hands over bytes.
    rsodbc::fuzz::check_param_text(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
