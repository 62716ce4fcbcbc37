#include "exec/statement_cache.h"

#include "sql/ddl_targets.h"
#include "wire/server_error.h"

namespace rsodbc::exec {

StatementCache::Key StatementCache::make_key(const std::string& sql,
                                             const std::vector<unsigned>& parameter_types) {
    Key key;
    key.reserve(sql.size() + parameter_types.size() * 5 + 1);
    for (const unsigned type : parameter_types) {
        key += std::to_string(type);
        key += ',';
    }
    key += '\n';
    key += sql;
    return key;
}

CachedStatement& StatementCache::prepare(wire::Session& session, const std::string& sql,
                                         const std::vector<unsigned>& parameter_types) {
    Key key = make_key(sql, parameter_types);
    if (const auto found = index_.find(key); found != index_.end()) {
        entries_.splice(entries_.begin(), entries_, found->second);  // now most recent
        entries_.front().epoch = epoch_;
        return entries_.front().statement;
    }
    CachedStatement statement{name_for_new(session), {}};
    session.prepare(statement.name, sql, parameter_types);
    return remember(std::move(key), std::move(statement));
}

wire::Results StatementCache::execute(wire::Session& session, const std::string& sql,
                                      const std::vector<unsigned>& parameter_types,
                                      const wire::ParamValues& parameters) {
    Key key = make_key(sql, parameter_types);
    if (const auto found = index_.find(key); found != index_.end()) {
        entries_.splice(entries_.begin(), entries_, found->second);  // now most recent
        entries_.front().epoch = epoch_;
        return session.execute_prepared(entries_.front().statement.name, parameters);
    }
    CachedStatement statement{name_for_new(session), {}};
    try {
        wire::Results results =
            session.prepare_and_execute(statement.name, sql, parameter_types, parameters);
        remember(std::move(key), std::move(statement));
        return results;
    } catch (const wire::ServerError&) {
        // The Parse may have succeeded and only the execution failed: the name must not linger.
        doomed_.push_back(statement.name);
        throw;
    }
}

std::string StatementCache::name_for_new(wire::Session& session) {
    // Names whose DEALLOCATE failed earlier (inside a failed transaction) go first.
    std::vector<std::string> pending;
    pending.swap(doomed_);
    for (const auto& name : pending) {
        deallocate(session, name);
    }
    evict_beyond(session, capacity_ == 0 ? 0 : capacity_ - 1);
    return "rsodbc_" + std::to_string(next_id_++);
}

CachedStatement& StatementCache::remember(Key key, CachedStatement statement) {
    ++prepares_;
    entries_.push_front(Entry{std::move(key), std::move(statement), epoch_});
    index_[entries_.front().key] = entries_.begin();
    return entries_.front().statement;
}

const wire::StatementShape& StatementCache::shape(wire::Session& session,
                                                  CachedStatement& statement) {
    if (!statement.shape) {
        statement.shape = session.describe_statement(statement.name);
    }
    return *statement.shape;
}

void StatementCache::forget(wire::Session& session, const std::string& sql,
                            const std::vector<unsigned>& parameter_types) {
    const auto found = index_.find(make_key(sql, parameter_types));
    if (found == index_.end()) {
        return;
    }
    const std::string name = found->second->statement.name;
    entries_.erase(found->second);
    index_.erase(found);
    deallocate(session, name);
}

void StatementCache::evict_beyond(wire::Session& session, std::size_t limit) {
    // Least recently used first; statements of the current execution are never evicted.
    auto victim = entries_.end();
    while (entries_.size() > limit && victim != entries_.begin()) {
        --victim;
        if (victim->epoch == epoch_) {
            continue;
        }
        const std::string name = victim->statement.name;
        index_.erase(victim->key);
        victim = entries_.erase(victim);
        deallocate(session, name);
    }
}

void StatementCache::deallocate(wire::Session& session, const std::string& name) {
    if (session.transaction_status() == wire::TransactionStatus::in_error) {
        doomed_.push_back(name);  // the server accepts nothing but ROLLBACK now
        return;
    }
    try {
        session.deallocate(name);
    } catch (const wire::ServerError&) {
        doomed_.push_back(name);
    }
}

void StatementCache::invalidate(const std::optional<std::vector<std::string>>& tables) {
    if (!tables) {
        invalidate();
        return;
    }
    if (tables->empty()) {
        return;
    }
    // The key is "<parameter types>\n<sql>".
    const auto affected = [&](const Key& key) {
        return sql::names_any(std::string_view(key).substr(key.find('\n') + 1), *tables);
    };
    for (auto entry = entries_.begin(); entry != entries_.end();) {
        if (affected(entry->key)) {
            doomed_.push_back(entry->statement.name);
            index_.erase(entry->key);
            entry = entries_.erase(entry);
        } else {
            ++entry;
        }
    }
    std::erase_if(needs_declared_types_, affected);
}

void StatementCache::invalidate() {
    for (const Entry& entry : entries_) {
        doomed_.push_back(entry.statement.name);
    }
    entries_.clear();
    index_.clear();
    needs_declared_types_.clear();
}

std::vector<std::string> StatementCache::take_names() {
    // Not the doomed ones: whether they still exist is unknown, and a DEALLOCATE of a missing
    // name would fail the caller's whole batch.
    std::vector<std::string> names;
    for (const Entry& entry : entries_) {
        names.push_back(entry.statement.name);
    }
    clear();
    return names;
}

void StatementCache::clear() {
    entries_.clear();
    index_.clear();
    doomed_.clear();
}

}  // namespace rsodbc::exec
