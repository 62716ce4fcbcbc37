#include "auth/crypto.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdexcept>

namespace rsodbc::auth {

Digest sha256(std::string_view data) {
    Digest out{};
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &size, EVP_sha256(), nullptr) != 1
        || size != out.size()) {
        throw std::runtime_error("SHA-256 failed in OpenSSL");
    }
    return out;
}

Digest hmac_sha256(std::string_view key, std::string_view data) {
    Digest out{};
    unsigned int size = 0;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): OpenSSL takes bytes
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), bytes, data.size(), out.data(),
             &size)
            == nullptr
        || size != out.size()) {
        throw std::runtime_error("HMAC-SHA256 failed in OpenSSL");
    }
    return out;
}

std::string hex(const unsigned char* data, std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(digits[data[i] >> 4U]);
        out.push_back(digits[data[i] & 0x0FU]);
    }
    return out;
}

}  // namespace rsodbc::auth
