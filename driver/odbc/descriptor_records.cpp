#include "odbc/descriptor_records.h"

namespace rsodbc::odbc {

DescriptorRecord& DescriptorRecords::record(SQLUSMALLINT number) {
    if (number > records_.size()) {
        records_.resize(number);
    }
    return records_[number - 1];
}

const DescriptorRecord* DescriptorRecords::bound_record(SQLUSMALLINT number) const {
    if (number == 0 || number > records_.size() || !records_[number - 1].bound()) {
        return nullptr;
    }
    return &records_[number - 1];
}

const DescriptorRecord* DescriptorRecords::existing_record(SQLUSMALLINT number) const {
    if (number == 0 || number > records_.size()) {
        return nullptr;
    }
    return &records_[number - 1];
}

void DescriptorRecords::unbind(SQLUSMALLINT number) {
    if (number == 0 || number > records_.size()) {
        return;
    }
    records_[number - 1] = DescriptorRecord{};
    // SQL_DESC_COUNT is the highest bound record: trailing unbound records go away.
    while (!records_.empty() && !records_.back().bound()) {
        records_.pop_back();
    }
}

void DescriptorRecords::unbind_all() {
    records_.clear();
}

SQLSMALLINT DescriptorRecords::count() const {
    return static_cast<SQLSMALLINT>(records_.size());
}

void DescriptorRecords::set_count(SQLSMALLINT count) {
    records_.resize(static_cast<std::size_t>(count < 0 ? 0 : count));
}

}  // namespace rsodbc::odbc
