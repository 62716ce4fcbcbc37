#pragma once
// One class for the four descriptor kinds (ARD, APD, IRD, IPD). Binding calls and the row/param
// array statement attributes are writes into these; fetch and execute read only descriptors.
// core/descriptor_fields.h is the table of SQL_DESC_* fields that SQLGetDescField and
// SQLSetDescField go through.
#include "core/handle.h"
#include "odbc/descriptor_records.h"

#include <sql.h>
#include <sqlext.h>

#include <functional>

namespace rsodbc::core {

class Connection;

enum class DescriptorKind { ard, apd, ird, ipd };

class Descriptor final : public Handle, public odbc::DescriptorRecords {
public:
    static constexpr HandleKind handle_kind = HandleKind::descriptor;

    // An implicit descriptor of a statement.
    Descriptor(DescriptorKind kind, std::recursive_mutex& lock)
        : Handle(HandleKind::descriptor, lock), kind_(kind) {}

    // An explicitly allocated (SQLAllocHandle) application descriptor of `owner` (a connection).
    Descriptor(std::recursive_mutex& lock, Connection* owner)
        : Handle(HandleKind::descriptor, lock), kind_(DescriptorKind::ard), owner_(owner) {}

    [[nodiscard]] DescriptorKind descriptor_kind() const { return kind_; }

    [[nodiscard]] bool explicitly_allocated() const { return owner_ != nullptr; }

    // The connection of an explicitly allocated descriptor, else nullptr.
    [[nodiscard]] Connection* owner() const { return owner_; }

    // The IRD reads its records from the statement's result when they are asked for.
    void set_refresh(std::function<void(Descriptor&)> refresh) { refresh_ = std::move(refresh); }

    void refresh() {
        if (refresh_) {
            refresh_(*this);
        }
    }

    // SQLCopyDesc: every field but SQL_DESC_ALLOC_TYPE.
    void copy_from(const Descriptor& source);

private:
    DescriptorKind kind_;
    Connection* owner_ = nullptr;
    std::function<void(Descriptor&)> refresh_;
};

// A statement's ARD or APD: its implicit descriptor, or an explicitly allocated one the
// application set with SQL_ATTR_APP_ROW_DESC / SQL_ATTR_APP_PARAM_DESC. Forwards to the one in use.
class DescriptorSlot {
public:
    DescriptorSlot(DescriptorKind kind, std::recursive_mutex& lock)
        : implicit_(kind, lock), current_(&implicit_) {}

    Descriptor& get() { return *current_; }

    [[nodiscard]] const Descriptor& get() const { return *current_; }

    operator Descriptor&() { return *current_; }  // NOLINT(google-explicit-constructor)

    Descriptor& implicit() { return implicit_; }

    // nullptr restores the implicit descriptor.
    void use(Descriptor* descriptor) { current_ = descriptor != nullptr ? descriptor : &implicit_; }

    odbc::DescriptorHeader& header() { return current_->header(); }

    odbc::DescriptorRecord& record(SQLUSMALLINT number) { return current_->record(number); }

    [[nodiscard]] const odbc::DescriptorRecord* bound_record(SQLUSMALLINT number) const {
        return current_->bound_record(number);
    }

    void unbind(SQLUSMALLINT number) { current_->unbind(number); }

    void unbind_all() { current_->unbind_all(); }

    [[nodiscard]] SQLSMALLINT count() const { return current_->count(); }

    SQLHANDLE as_raw() { return current_->as_raw(); }

private:
    Descriptor implicit_;
    Descriptor* current_;
};

}  // namespace rsodbc::core
