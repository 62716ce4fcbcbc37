#pragma once
// SHA-256 and HMAC-SHA256 over OpenSSL's EVP interface, the only hashing SigV4 needs. Kept apart
// from the signer so the signer stays a pure text function and these stay the only OpenSSL calls.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace rsodbc::auth {

using Digest = std::array<unsigned char, 32>;

Digest sha256(std::string_view data);

Digest hmac_sha256(std::string_view key, std::string_view data);

// Lower-case hexadecimal, as SigV4 writes hashes and signatures.
std::string hex(const unsigned char* data, std::size_t size);

inline std::string hex(const Digest& digest) {
    return hex(digest.data(), digest.size());
}

inline std::string_view as_text(const Digest& digest) {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): bytes viewed as a key
    return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

}  // namespace rsodbc::auth
