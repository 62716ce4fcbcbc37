#include "core/descriptor.h"

namespace rsodbc::core {

DescriptorRecord& Descriptor::record(SQLUSMALLINT number) {
    if (number > records_.size()) {
        records_.resize(number);
    }
    return records_[number - 1];
}

const DescriptorRecord* Descriptor::bound_record(SQLUSMALLINT number) const {
    if (number == 0 || number > records_.size() || !records_[number - 1].bound()) {
        return nullptr;
    }
    return &records_[number - 1];
}

const DescriptorRecord* Descriptor::existing_record(SQLUSMALLINT number) const {
    if (number == 0 || number > records_.size()) {
        return nullptr;
    }
    return &records_[number - 1];
}

void Descriptor::unbind(SQLUSMALLINT number) {
    if (number == 0 || number > records_.size()) {
        return;
    }
    records_[number - 1] = DescriptorRecord{};
    // SQL_DESC_COUNT is the highest bound record: trailing unbound records go away.
    while (!records_.empty() && !records_.back().bound()) {
        records_.pop_back();
    }
}

void Descriptor::unbind_all() {
    records_.clear();
}

SQLSMALLINT Descriptor::count() const {
    return static_cast<SQLSMALLINT>(records_.size());
}

void Descriptor::set_count(SQLSMALLINT count) {
    records_.resize(static_cast<std::size_t>(count < 0 ? 0 : count));
}

void Descriptor::copy_from(const Descriptor& source) {
    header_ = source.header_;
    records_ = source.records_;
    if (kind_ == DescriptorKind::ipd) {
        for (DescriptorRecord& record : records_) {
            record.bound_ = true;  // a described parameter, whatever it was copied from
        }
    }
}

}  // namespace rsodbc::core
