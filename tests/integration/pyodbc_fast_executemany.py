#!/usr/bin/python3
"""Debian's python3-pyodbc against the driver: fast_executemany (parameter arrays), plain
executemany (one SQLExecute per row) and a parameterised SELECT, with the values checked.

Usage: pyodbc_fast_executemany.py CONNSTR TABLE
Exit status 0 when every check passes, 1 with a message per failed check otherwise.
RSODBC_TEST_DIFFERENTIAL=1: the registered driver is psqlODBC; our-driver-only checks are skipped.
"""
import datetime
import decimal
import sys

import pyodbc

from pyodbc_checks import check, differential, failures

ROWS = 10_000
PLAIN_ROWS = 500


def row_values(i):
    """The row with id i: int, str (non-ASCII), Decimal, datetime with microseconds, bool."""
    return (
        i,
        f"name-{i} ü",
        decimal.Decimal(f"{i - 5000}.{i % 100:02d}"),
        datetime.datetime(2024, 1, 1) + datetime.timedelta(seconds=i * 37, microseconds=(i * 7919) % 1_000_000),
        i % 3 == 0,
    )


def as_bool(value):
    # psqlODBC (BoolsAsChar=1, its default) answers booleans as '1'/'0' text; ours as SQL_BIT.
    if differential and isinstance(value, str):
        return value == "1"
    return value


def fast_ts(value):
    # psqlODBC + pyodbc fast_executemany garble the microseconds of a timestamp parameter
    # (123456 arrives as 121293: the digits it describes for the parameter); our driver keeps them.
    return value.replace(microsecond=0) if differential else value


def check_rows(cursor, table, ids, label, fast=False):
    cursor.execute(f"SELECT id, name, amount, ts, flag FROM {table} ORDER BY id")
    got = cursor.fetchall()
    check(len(got) == len(ids), f"{label}: {len(got)} rows, expected {len(ids)}")
    bad = 0
    for row, i in zip(got, ids):
        expected = row_values(i)
        actual = (row[0], row[1], row[2], row[3], as_bool(row[4]))
        if fast:
            expected = expected[:3] + (fast_ts(expected[3]),) + expected[4:]
            actual = actual[:3] + (fast_ts(actual[3]),) + actual[4:]
        if actual != expected or not isinstance(row[2], decimal.Decimal):
            bad += 1
            if bad <= 5:
                check(False, f"{label}: row {i} is {actual!r}, expected {expected!r}")
    check(bad == 0, f"{label}: {bad} rows differ")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    connstr, table = sys.argv[1], sys.argv[2]
    plain_table = table + "_plain"
    print(f"pyodbc {pyodbc.version}, {'psqlODBC (differential)' if differential else 'our driver'}")

    conn = pyodbc.connect(connstr)  # pyodbc's default: autocommit off, so commit() matters
    cur = conn.cursor()
    for t in (table, plain_table):
        cur.execute(f"DROP TABLE IF EXISTS {t}")
        cur.execute(
            f"CREATE TABLE {t} (id int4 PRIMARY KEY, name varchar(50), amount numeric(12,2), "
            "ts timestamp, flag boolean)"
        )
    conn.commit()

    # fast_executemany: pyodbc binds the whole list as parameter arrays (SQL_ATTR_PARAMSET_SIZE).
    rows = [row_values(i) for i in range(ROWS)]
    cur.fast_executemany = True
    cur.executemany(f"INSERT INTO {table} (id, name, amount, ts, flag) VALUES (?, ?, ?, ?, ?)", rows)
    if not differential:
        # The array path rewrote the rows into multi-row VALUES statements of 100 rows (5 × 100
        # parameters), still cached on this connection.
        cur.execute("SELECT count(*) FROM pg_prepared_statements WHERE cardinality(parameter_types) = 500")
        check(cur.fetchone()[0] == 1, "fast_executemany did not go through 100-row batches (pg_prepared_statements)")
    conn.commit()

    # Seen from a second connection: the rows were committed.
    other = pyodbc.connect(connstr, autocommit=True)
    ocur = other.cursor()
    ocur.execute(f"SELECT count(*), sum(amount), count(*) FILTER (WHERE flag) FROM {table}")
    count, total, flagged = ocur.fetchone()
    check(count == ROWS, f"fast_executemany: count(*) = {count}, expected {ROWS}")
    expected_total = sum(r[2] for r in rows)
    check(total == expected_total, f"fast_executemany: sum(amount) = {total}, expected {expected_total}")
    expected_flagged = sum(1 for r in rows if r[4])
    check(flagged == expected_flagged, f"fast_executemany: {flagged} flagged rows, expected {expected_flagged}")
    check_rows(ocur, table, list(range(ROWS)), "fast_executemany", fast=True)

    # Plain executemany: one execution per row.
    cur.fast_executemany = False
    plain_ids = list(range(0, PLAIN_ROWS * 3, 3))
    cur.executemany(
        f"INSERT INTO {plain_table} (id, name, amount, ts, flag) VALUES (?, ?, ?, ?, ?)",
        [row_values(i) for i in plain_ids],
    )
    conn.commit()
    check_rows(ocur, plain_table, plain_ids, "executemany")

    # A parameterised SELECT: a number, a string and a Decimal as parameters.
    cur.execute(
        f"SELECT id, name, amount, ts, flag FROM {table} WHERE id = ? OR name = ? OR amount = ? ORDER BY id",
        42,
        "name-4242 ü",
        decimal.Decimal("4999.99"),
    )
    got = cur.fetchall()
    check([r[0] for r in got] == [42, 4242, 9999], f"parameterised SELECT: ids {[r[0] for r in got]}")
    if got:
        first = got[0]
        check(first[1] == "name-42 ü", f"parameterised SELECT: name {first[1]!r}")
        check(first[2] == decimal.Decimal("-4958.42"), f"parameterised SELECT: amount {first[2]!r}")
        check(fast_ts(first[3]) == fast_ts(row_values(42)[3]), f"parameterised SELECT: ts {first[3]!r}")
        check(as_bool(first[4]) is True, f"parameterised SELECT: flag {first[4]!r}")
    cur.execute(f"SELECT count(*) FROM {table} WHERE ts < ? AND flag = ?", datetime.datetime(2024, 1, 1, 1, 0, 0), True)
    expected = sum(1 for r in rows if r[3] < datetime.datetime(2024, 1, 1, 1, 0, 0) and r[4])
    n = cur.fetchone()[0]
    check(n == expected, f"parameterised SELECT with a datetime and a bool: {n}, expected {expected}")
    conn.commit()

    for t in (table, plain_table):
        ocur.execute(f"DROP TABLE {t}")
    other.close()
    conn.close()
    print(f"pyodbc: {len(failures)} failed checks")
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except pyodbc.Error as e:
        print(f"FAIL: pyodbc error: {e}", file=sys.stderr)
        sys.exit(1)
