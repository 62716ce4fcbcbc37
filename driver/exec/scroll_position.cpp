#include "exec/scroll_position.h"

namespace rsodbc::exec {

namespace {

ScrollTarget absolute(std::int64_t offset, std::int64_t last, std::int64_t size) {
    if (offset < 0) {
        if (-offset <= last) {
            return {last + offset + 1, false};
        }
        // A rowset ending inside the result that would begin before row 1 starts at row 1.
        return -offset > size ? ScrollTarget{0, false} : ScrollTarget{1, true};
    }
    if (offset == 0) {
        return {0, false};
    }
    return {offset <= last ? offset : last + 1, false};
}

ScrollTarget relative(const ScrollRequest& r) {
    const std::int64_t start = r.current_start;
    const std::int64_t after_end = r.last_row + 1;
    if ((start == 0 && r.offset > 0) || (start >= after_end && r.offset < 0)) {
        return absolute(r.offset, r.last_row, r.rowset_size);
    }
    if (start == 0 || (start >= after_end && r.offset >= 0)) {
        return {start == 0 ? 0 : after_end, false};
    }
    const std::int64_t target = start + r.offset;
    if (target < 1) {
        if (start == 1 || -r.offset > r.rowset_size) {
            return {0, false};
        }
        return {1, true};
    }
    return {target <= r.last_row ? target : after_end, false};
}

ScrollTarget prior(const ScrollRequest& r) {
    const std::int64_t start = r.current_start;
    if (start <= 1) {
        return {0, false};
    }
    if (start > r.last_row) {  // after end
        return r.last_row < r.rowset_size ? ScrollTarget{1, true}
                                          : ScrollTarget{r.last_row - r.rowset_size + 1, false};
    }
    return start <= r.rowset_size ? ScrollTarget{1, true}
                                  : ScrollTarget{start - r.rowset_size, false};
}

}  // namespace

ScrollTarget scroll_target(const ScrollRequest& request) {
    const std::int64_t last = request.last_row;
    ScrollTarget target;
    switch (request.orientation) {
        case SQL_FETCH_NEXT:
            if (request.current_start == 0) {
                target = {1, false};
            } else if (request.current_start > last) {
                target = {last + 1, false};
            } else {
                target = {request.current_start + request.previous_size, false};
            }
            break;
        case SQL_FETCH_PRIOR:
            target = prior(request);
            break;
        case SQL_FETCH_FIRST:
            target = {1, false};
            break;
        case SQL_FETCH_LAST:
            target = {request.rowset_size <= last ? last - request.rowset_size + 1 : 1, false};
            break;
        case SQL_FETCH_ABSOLUTE:
            target = absolute(request.offset, last, request.rowset_size);
            break;
        default:  // SQL_FETCH_RELATIVE
            target = relative(request);
            break;
    }
    // An empty result has no row 1: every rowset that would start there is after the end.
    if (target.start > last) {
        target = {last + 1, false};
    }
    return target;
}

}  // namespace rsodbc::exec
