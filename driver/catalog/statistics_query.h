#pragma once
// SQLStatistics. PostgreSQL: the SQL_TABLE_STAT row (reltuples, relpages) and one row per index
// key column. Redshift has no indexes: the correctly shaped empty set, or, with
// SortKeysAsStatistics=1, the sort key and the distribution key as SQL_INDEX_OTHER rows named
// SORTKEY and DISTKEY (non-unique), so tools that read SQLStatistics learn the physical layout.
#include "catalog/catalog_call.h"

namespace rsodbc::catalog {

Plan statistics_plan(const StatisticsArgs& args, const Context& context);

}  // namespace rsodbc::catalog
