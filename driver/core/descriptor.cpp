#include "core/descriptor.h"

namespace rsodbc::core {

void Descriptor::copy_from(const Descriptor& source) {
    static_cast<odbc::DescriptorRecords&>(*this) = source;
    if (kind_ == DescriptorKind::ipd) {
        for (odbc::DescriptorRecord& record : records()) {
            record.bound_ = true;  // a described parameter, whatever it was copied from
        }
    }
}

}  // namespace rsodbc::core
