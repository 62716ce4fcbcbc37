#pragma once
// Parameter values in libpq's form: NUL-terminated text (or NULL) sent out of band, never in
// SQL text. All values live in one arena, so a 100-row batch costs a few allocations, not 500.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::wire {

class ParamValues {
public:
    void add_null() {
        offsets_.push_back(arena_.size());
        lengths_.push_back(-1);
    }

    // Text-format values must be NUL-terminated for libpq; the text itself holds no NUL.
    void add(std::string_view text) {
        offsets_.push_back(arena_.size());
        lengths_.push_back(static_cast<int>(text.size()));
        arena_.append(text);
        arena_.push_back('\0');
    }

    // Drops the values after the first `count` (undoes a row that failed half-way).
    void truncate(int count) {
        if (count >= this->count()) {
            return;
        }
        arena_.resize(offsets_[static_cast<std::size_t>(count)]);
        offsets_.resize(static_cast<std::size_t>(count));
        lengths_.resize(static_cast<std::size_t>(count));
    }

    // Values [first, first + count) as a set of their own (one row of a batch).
    [[nodiscard]] ParamValues slice(int first, int count) const {
        ParamValues part;
        for (int i = first; i < first + count; ++i) {
            const auto at = static_cast<std::size_t>(i);
            if (lengths_[at] < 0) {
                part.add_null();
            } else {
                part.add(std::string_view(arena_).substr(offsets_[at],
                                                         static_cast<std::size_t>(lengths_[at])));
            }
        }
        return part;
    }

    [[nodiscard]] int count() const { return static_cast<int>(offsets_.size()); }

    // Pointer/length arrays for libpq; valid while this object is unchanged.
    void fill_pointers(std::vector<const char*>& values, std::vector<int>& lengths) const {
        values.resize(offsets_.size());
        lengths.resize(offsets_.size());
        for (std::size_t i = 0; i < offsets_.size(); ++i) {
            values[i] = lengths_[i] < 0 ? nullptr : arena_.data() + offsets_[i];
            lengths[i] = lengths_[i] < 0 ? 0 : lengths_[i];
        }
    }

private:
    std::string arena_;
    std::vector<std::size_t> offsets_;
    std::vector<int> lengths_;  // -1: NULL
};

}  // namespace rsodbc::wire
