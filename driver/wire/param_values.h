#pragma once
// One parameter set in libpq's form: text values (or NULL) sent out of band, never in SQL text.
#include <string>
#include <vector>

namespace rsodbc::wire {

class ParamValues {
public:
    void clear() {
        texts_.clear();
        nulls_.clear();
    }

    void add_null() {
        texts_.emplace_back();
        nulls_.push_back(true);
    }

    void add(std::string text) {
        texts_.push_back(std::move(text));
        nulls_.push_back(false);
    }

    // Appends another set's values (a multi-row statement carries several sets).
    void append(const ParamValues& other) {
        texts_.insert(texts_.end(), other.texts_.begin(), other.texts_.end());
        nulls_.insert(nulls_.end(), other.nulls_.begin(), other.nulls_.end());
    }

    [[nodiscard]] int count() const { return static_cast<int>(texts_.size()); }

    // Pointer/length arrays for libpq; valid while this object is unchanged.
    void fill_pointers(std::vector<const char*>& values, std::vector<int>& lengths) const {
        values.resize(texts_.size());
        lengths.resize(texts_.size());
        for (std::size_t i = 0; i < texts_.size(); ++i) {
            values[i] = nulls_[i] ? nullptr : texts_[i].c_str();
            lengths[i] = static_cast<int>(texts_[i].size());
        }
    }

private:
    std::vector<std::string> texts_;
    std::vector<bool> nulls_;
};

}  // namespace rsodbc::wire
