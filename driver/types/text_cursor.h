#pragma once
// Reading date, time and interval text left to right. The one cursor the readers of both
// directions share: server output (to_c/datetime.cpp, to_c/interval.cpp) and the application's
// literals (from_c/datetime.cpp). Each reader keeps its own grammar; digits, fractions and words
// are read here, the same way for all of them.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rsodbc::types {

class TextCursor {
public:
    explicit TextCursor(std::string_view text) : text_(text) {}

    [[nodiscard]] static bool is_digit(char c) { return c >= '0' && c <= '9'; }

    [[nodiscard]] bool done() const { return at_ >= text_.size(); }

    [[nodiscard]] char peek() const { return done() ? '\0' : text_[at_]; }

    // What is left to read.
    [[nodiscard]] std::string_view rest() const { return text_.substr(at_); }

    bool accept(char c) {
        if (peek() != c) {
            return false;
        }
        ++at_;
        return true;
    }

    void skip_spaces() {
        while (peek() == ' ') {
            ++at_;
        }
    }

    // Up to `max_digits` decimal digits as a number; false when there were fewer than
    // `min_digits` (what was read stays read). `count`, when given, is how many were read.
    bool digits(std::size_t min_digits, std::size_t max_digits, unsigned& value,
                std::size_t* count = nullptr) {
        value = 0;
        std::size_t read = 0;
        while (read < max_digits && is_digit(peek())) {
            value = value * 10 + static_cast<unsigned>(text_[at_++] - '0');
            ++read;
        }
        if (count != nullptr) {
            *count = read;
        }
        return read >= min_digits;
    }

    struct Fraction {
        std::uint32_t value = 0;  // the first `kept` digits, as a number of 10^-kept units
        std::size_t count = 0;    // every digit read, kept or not
        bool lost = false;        // a digit past the kept ones was not zero
    };

    // The digits after a decimal point (all of them are read), scaled to `kept` digits: 9 for
    // nanoseconds, 6 for microseconds.
    Fraction fraction(std::size_t kept) {
        Fraction f;
        while (is_digit(peek())) {
            const auto digit = static_cast<std::uint32_t>(text_[at_++] - '0');
            if (f.count < kept) {
                f.value = f.value * 10 + digit;
            } else if (digit != 0) {
                f.lost = true;
            }
            ++f.count;
        }
        for (std::size_t scaled = f.count; scaled < kept; ++scaled) {
            f.value *= 10;
        }
        return f;
    }

    // ASCII letters (a unit name such as "days", "ago").
    std::string_view word() {
        const std::size_t start = at_;
        while ((peek() >= 'a' && peek() <= 'z') || (peek() >= 'A' && peek() <= 'Z')) {
            ++at_;
        }
        return text_.substr(start, at_ - start);
    }

private:
    std::string_view text_;
    std::size_t at_ = 0;
};

}  // namespace rsodbc::types
