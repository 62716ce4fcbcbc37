#pragma once
// Record numbers 1..count (parameters, columns, descriptor records) as the SQLUSMALLINT that ODBC
// numbers them with. A loop counting in SQLUSMALLINT itself never ends when count is 65,535, the
// largest number it can hold and a real parameter count: the counter wraps to 0 (issue 11). This
// range counts in a wider type, so every loop over record numbers is written one safe way:
//     for (const SQLUSMALLINT number : record_numbers(count)) { ... }
#include <sql.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>

namespace rsodbc::odbc {

class RecordNumbers {
public:
    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = SQLUSMALLINT;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = SQLUSMALLINT;

        iterator() = default;

        explicit iterator(std::uint32_t at) : at_(at) {}

        SQLUSMALLINT operator*() const { return static_cast<SQLUSMALLINT>(at_); }

        iterator& operator++() {
            ++at_;
            return *this;
        }

        iterator operator++(int) {
            const iterator before = *this;
            ++at_;
            return before;
        }

        bool operator==(const iterator&) const = default;

    private:
        std::uint32_t at_ = 1;  // wider than SQLUSMALLINT: one past 65,535 is 65,536, not 0
    };

    // Numbers above 65,535 cannot name a record: callers refuse such counts before (the statement
    // parameter limit), and the range stops at 65,535 rather than repeating numbers.
    explicit RecordNumbers(std::size_t count)
        : end_(static_cast<std::uint32_t>(std::min<std::size_t>(count, max_number)) + 1) {}

    [[nodiscard]] iterator begin() const { return iterator(1); }

    [[nodiscard]] iterator end() const { return iterator(end_); }

    static constexpr std::size_t max_number = 65535;

private:
    std::uint32_t end_;
};

// 1, 2, ..., count (nothing when count is 0).
inline RecordNumbers record_numbers(std::size_t count) {
    return RecordNumbers(count);
}

}  // namespace rsodbc::odbc
