# The driver under Ruby's ruby-odbc, as a Ruby application uses it: connect to a DSN, a prepared
# INSERT with Integer, Float into numeric (issue 13's coercion) and a long String, rows back as arrays, row count after a SELECT, autocommit off with rollback, and
# SQLSetCursorName/SQLGetCursorName through Statement#cursorname.
# Usage: ruby ruby_app.rb DSN TABLE   Exit 0 when every check passes.
require "odbc"

dsn, table = ARGV
$failures = 0
def check(what, ok, detail = "")
  puts((ok ? "ok   " : "FAIL ") + what + (ok ? "" : " (#{detail})"))
  $failures += 1 unless ok
end

c = ODBC.connect(dsn)
c.do("DROP TABLE IF EXISTS #{table}")
c.do("CREATE TABLE #{table} (id integer, flag integer, amount numeric(10,2), body text)")
insert = c.prepare("INSERT INTO #{table} (id, flag, amount, body) VALUES (?, ?, ?, ?)")
long = "y" * 70_000
insert.execute(1, 1, 12.5, long)
# ruby-odbc itself cannot bind true/false (TypeError before the driver is called).
begin
  insert.execute(2, 0, 0.25, "short")
  check("a second row through the same prepared statement", true)
rescue ODBC::Error => e
  check("a second row through the same prepared statement", false, e.message)
end
insert.drop

s = c.run("SELECT id, flag, amount, length(body) FROM #{table} ORDER BY id")
check("row count after a SELECT", s.nrows == 2, s.nrows)
rows = s.fetch_all
s.drop
check("two rows back", rows.length == 2, rows.inspect)
check("the long text arrived whole", rows[0][3].to_i == 70_000, rows[0][3].inspect)
check("the float went into numeric", rows[0][2].to_f == 12.5, rows[0][2].inspect)

s = c.prepare("SELECT 1")
s.cursorname = "ruby_cursor"
check("cursor name set and read back", s.cursorname == "ruby_cursor", s.cursorname)
s.drop

c.autocommit = false
c.do("INSERT INTO #{table} (id) VALUES (3)")
c.rollback
c.autocommit = true
s = c.run("SELECT count(*) FROM #{table}")
n = s.fetch[0].to_i
s.drop
check("a rolled-back insert left no row", n == (rows.length), n)

c.do("DROP TABLE #{table}")
c.disconnect
exit($failures.zero? ? 0 : 1)
