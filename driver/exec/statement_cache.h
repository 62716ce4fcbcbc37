#pragma once
// Per-connection LRU of server-side prepared statements, keyed by the final SQL text and the
// parameter types: preparing the same SQL on any statement handle of the connection reuses the
// server statement (supports_statement_cache). Capacity 0 disables caching: every prepare then
// uses a fresh name that is deallocated when replaced.
#include "wire/session.h"

#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace rsodbc::exec {

struct CachedStatement {
    std::string name;
    // Filled on request only: describing a statement with thousands of parameters is a large
    // message (libpq 15 refuses ParameterDescription messages over 30,000 bytes), and executing
    // never needs it.
    std::optional<wire::StatementShape> shape;
};

class StatementCache {
public:
    explicit StatementCache(std::size_t capacity = 128) : capacity_(capacity) {}

    void set_capacity(std::size_t capacity) { capacity_ = capacity; }

    // Statements prepared or reused since the last call stay prepared until the next call, even
    // beyond the capacity: one execution may need several (a 100-row batch, the last partial
    // batch, single-row retries).
    void begin_execution() { ++epoch_; }

    // After an execution: with the cache off (capacity 0) nothing stays prepared on the server.
    void end_execution(wire::Session& session) {
        if (capacity_ == 0) {
            ++epoch_;
            evict_beyond(session, 0);
        }
    }

    // The prepared statement for `sql` with these parameter types, preparing it on a miss.
    CachedStatement& prepare(wire::Session& session, const std::string& sql,
                             const std::vector<unsigned>& parameter_types);
    // Executes `sql` through its cached statement; on a miss the statement is prepared and
    // executed in one round trip (wire::Session::prepare_and_execute) and stays cached.
    wire::Results execute(wire::Session& session, const std::string& sql,
                          const std::vector<unsigned>& parameter_types,
                          const wire::ParamValues& parameters);
    // The shape (result columns, parameter types) of a cached statement, described once.
    static const wire::StatementShape& shape(wire::Session& session, CachedStatement& statement);
    // Forgets (and deallocates, when possible) the statement for `sql`: after the server said
    // its cached plan no longer fits (a table changed), the next prepare starts afresh.
    void forget(wire::Session& session, const std::string& sql,
                const std::vector<unsigned>& parameter_types);

    // True when `sql` with these parameter types is prepared already (a hit needs no round trip).
    [[nodiscard]] bool contains(const std::string& sql,
                                const std::vector<unsigned>& parameter_types) const {
        return index_.contains(make_key(sql, parameter_types));
    }

    // Statements whose loosely typed form the server could not prepare (42P18: SELECT ?): the
    // next execution prepares the declared types at once instead of failing again first.
    [[nodiscard]] bool needs_declared_types(const std::string& sql,
                                            const std::vector<unsigned>& loose_types) const {
        return needs_declared_types_.contains(make_key(sql, loose_types));
    }

    void mark_needs_declared_types(const std::string& sql,
                                   const std::vector<unsigned>& loose_types) {
        if (needs_declared_types_.size() >= 4096) {
            needs_declared_types_.clear();  // bounded: forgetting costs one failed prepare each
        }
        needs_declared_types_.insert(make_key(sql, loose_types));
    }

    // After DDL on this connection: a prepared statement keeps the parameter types the server
    // inferred for the old table, so every statement the DDL can affect is prepared
    // afresh (the old ones are deallocated before the next prepare): those naming the table for
    // CREATE/DROP TABLE, all of them for any other DDL (sql/ddl_targets.h says why).
    // `tables` as sql::created_or_dropped_tables gives them (AnalysedStatement::ddl_tables).
    void invalidate(const std::optional<std::vector<std::string>>& tables);
    void invalidate();
    // The session is gone: names mean nothing any more.
    void clear();
    // Forgets every statement and returns the names known to be prepared on the server, for the
    // caller to drop in one round trip (SQL_ATTR_RESET_CONNECTION).
    std::vector<std::string> take_names();

    [[nodiscard]] std::size_t size() const { return entries_.size(); }

    [[nodiscard]] std::size_t prepares() const { return prepares_; }

private:
    using Key = std::string;

    struct Entry {
        Key key;
        CachedStatement statement;
        std::size_t epoch = 0;
    };

    // Makes room for one more statement and returns the name for it.
    std::string name_for_new(wire::Session& session);
    CachedStatement& remember(Key key, CachedStatement statement);
    static Key make_key(const std::string& sql, const std::vector<unsigned>& parameter_types);
    void evict_beyond(wire::Session& session, std::size_t limit);
    void deallocate(wire::Session& session, const std::string& name);

    std::size_t capacity_;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<Key, std::list<Entry>::iterator> index_;
    std::unordered_set<Key> needs_declared_types_;
    std::vector<std::string> doomed_;  // names whose DEALLOCATE could not run yet
    std::size_t next_id_ = 0;
    std::size_t epoch_ = 0;
    std::size_t prepares_ = 0;
};

}  // namespace rsodbc::exec
