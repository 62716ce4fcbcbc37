#include "exec/executor.h"

#include "exec/param_encoder.h"
#include "odbc/record_numbers.h"

namespace rsodbc::exec {

Plan choose(const sql::AnalysedStatement& statement, const odbc::DescriptorRecords& apd,
            const odbc::DescriptorRecords& ipd, const Settings& settings, std::size_t runs) {
    Plan plan;
    plan.sets = apd.header().array_size;
    plan.markers = statement.question_markers();
    if (plan.markers == 0 && ipd.count() != 0) {  // != 0: 32,768+ records read negative
        plan.markers = statement.parameter_count();
    }
    // UseDeclareFetch: one forward-only query runs through a server-side cursor (static cursors
    // need the whole result, parameter arrays several executions).
    const auto server_cursor = [&] {
        return settings.use_declare_fetch && settings.forward_only && plan.sets <= 1
               && statement.declarable_as_cursor();
    };
    // One forward-only query streams its rows; anything else (commands, several statements for
    // SQLMoreResults, a static cursor) is read whole.
    const auto streams = [&] {
        return settings.forward_only && statement.kind() == sql::StatementKind::query;
    };
    const auto reuses_server_statement = [&] {
        return runs > 0 && settings.statement_cache && statement.declarable_as_cursor()
               && statement.without_parameters();
    };
    if (plan.sets > 1) {
        plan.path = Path::parameter_array;
    } else if (plan.markers > 0) {
        plan.path = server_cursor() ? Path::parameters_cursor
                    : streams()     ? Path::parameters_stream
                                    : Path::parameters;
    } else {
        if (server_cursor()) {
            plan.path = Path::server_cursor;
        } else if (reuses_server_statement()) {
            plan.path = settings.forward_only ? Path::prepared_stream : Path::prepared;
        } else {
            plan.path = streams() ? Path::streamed : Path::simple;
        }
    }
    return plan;
}

std::string describe(const Plan& plan, const Settings& settings) {
    switch (plan.path) {
        case Path::simple:
            return "simple query";
        case Path::streamed:
            return "streamed";
        case Path::server_cursor:
            return "server cursor";
        case Path::prepared:
        case Path::prepared_stream:
            return "prepared statement";
        case Path::parameters_cursor:
            return "prepared, server cursor";
        case Path::parameters:
        case Path::parameters_stream:
            return "prepared, " + std::to_string(plan.markers) + " parameters";
        case Path::parameter_array:
            return "parameter array of " + std::to_string(plan.sets) + " sets, batches of "
                   + std::to_string(settings.batch_size);
    }
    return {};
}

Outcome Executor::run(const Plan& plan, const sql::AnalysedStatement& statement, Link& link,
                      const Bindings& bindings, const Settings& settings) {
    Outcome outcome;
    switch (plan.path) {
        case Path::simple:
            outcome.results = link.execute(statement, settings.query_timeout);
            break;
        case Path::streamed:
            outcome.results = link.execute_streaming(statement.text(), settings.query_timeout);
            break;
        case Path::server_cursor:
            outcome.results = link.execute_cursor(statement.text(), settings.query_timeout);
            break;
        case Path::prepared:
        case Path::prepared_stream: {
            ExecutionContext context = context_for(link, bindings, settings);
            ParamExecutor executor(context);
            outcome.results = executor.execute_one(statement, plan.path == Path::prepared_stream);
            break;
        }
        default:
            return run_parameters(plan, statement, link, bindings, settings);
    }
    return outcome;
}

ExecutionContext Executor::context_for(Link& link, const Bindings& bindings,
                                       const Settings& settings) {
    return ExecutionContext{link.begin_work(settings.query_timeout),
                            link.statement_cache(),
                            bindings.diagnostics,
                            bindings.apd,
                            bindings.ipd,
                            settings.autocommit,
                            settings.pipeline,
                            settings.batch_size,
                            bindings.supplied,
                            &array_shape_,
                            settings.driver_rolls_back,
                            settings.savepoints,
                            bindings.cancel_requested,
                            settings.query_timeout};
}

Outcome Executor::run_parameters(const Plan& plan, const sql::AnalysedStatement& statement,
                                 Link& link, const Bindings& bindings, const Settings& settings) {
    ExecutionContext context = context_for(link, bindings, settings);
    ParamExecutor executor(context);
    Outcome outcome;
    if (plan.path == Path::parameter_array) {
        const ArrayResult result = executor.execute_array(statement);
        outcome.rc = result.rc;
        outcome.rows_applied = result.rows_applied;
        return outcome;
    }
    // A single parameter set still reports through the status and processed pointers.
    odbc::DescriptorHeader& ipd = bindings.ipd.header();
    if (ipd.rows_processed_ptr != nullptr) {
        *ipd.rows_processed_ptr = 1;
    }
    if (ipd.array_status_ptr != nullptr) {
        ipd.array_status_ptr[0] = SQL_PARAM_ERROR;  // until the execution below succeeds
    }
    outcome.results = plan.path == Path::parameters_cursor
                          ? executor.execute_cursor(statement, settings.fetch_rows)
                          : executor.execute_one(statement, plan.path == Path::parameters_stream);
    return outcome;
}

void Executor::single_set_adopted(odbc::DescriptorRecords& ipd) {
    if (SQLUSMALLINT* status = ipd.header().array_status_ptr) {
        status[0] = SQL_PARAM_SUCCESS;
    }
}

std::vector<SQLUSMALLINT> Executor::data_at_execution(odbc::DescriptorRecords& apd,
                                                      odbc::DescriptorRecords& ipd,
                                                      SQLUSMALLINT count) {
    std::vector<SQLUSMALLINT> numbers;
    ParamEncoder encoder(apd, ipd);
    if (!encoder.needs_data_at_execution(count)) {
        return numbers;
    }
    for (const SQLUSMALLINT number : odbc::record_numbers(count)) {
        if (encoder.cell(number, 0).at_execution) {
            numbers.push_back(number);
        }
    }
    return numbers;
}

}  // namespace rsodbc::exec
