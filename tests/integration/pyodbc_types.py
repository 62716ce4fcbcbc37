#!/usr/bin/python3
"""Debian's python3-pyodbc reading every type the driver maps from a PostgreSQL server: the Python
value and its type for each, edge values, a row of NULLs, parameters echoed back, and the same
through UseDeclareFetch (both result paths: streamed and server cursor).

Usage: pyodbc_types.py CONNSTR
Exit status 0 when every check passes, 1 with a message per failed check otherwise.
RSODBC_TEST_DIFFERENTIAL=1: the registered driver is psqlODBC; our-driver-only checks are skipped.
"""
import datetime
import decimal
import sys
import uuid

import pyodbc

from pyodbc_checks import check, differential, failures


# (SQL expression, expected Python value, expected Python type). The session runs in UTC so
# timestamptz values are what they say.
CASES = [
    ("(-32768)::smallint", -32768, int),
    ("2147483647::integer", 2147483647, int),
    ("(-9223372036854775808)::bigint", -9223372036854775808, int),
    ("12345678901234567890.0123456789::numeric(38,10)",
     decimal.Decimal("12345678901234567890.0123456789"), decimal.Decimal),
    ("(-99999999999999999999999999999999999999)::numeric(38,0)",
     decimal.Decimal("-99999999999999999999999999999999999999"), decimal.Decimal),
    ("0.001::numeric(10,3)", decimal.Decimal("0.001"), decimal.Decimal),
    ("1.5::real", 1.5, float),
    ("(-2.25e300)::double precision", -2.25e300, float),
    ("true", True, bool),
    ("false", False, bool),
    ("'ab'::char(5)", "ab   ", str),
    ("'vä'::varchar(10)", "vä", str),
    ("'long ' || repeat('text', 5000)", "long " + "text" * 5000, str),
    ("''::text", "", str),
    ("'2024-02-29'::date", datetime.date(2024, 2, 29), datetime.date),
    ("'0001-01-01'::date", datetime.date(1, 1, 1), datetime.date),
    ("'13:14:15.123456'::time", datetime.time(13, 14, 15, 123456), datetime.time),
    # timetz is character data with its offset (README, "Time zones"), as with psqlODBC.
    ("'23:59:59+02'::timetz", "23:59:59+02", str),
    ("'2024-02-29 13:14:15.123456'::timestamp",
     datetime.datetime(2024, 2, 29, 13, 14, 15, 123456), datetime.datetime),
    ("'2024-02-29 13:14:15.5+00'::timestamptz",
     datetime.datetime(2024, 2, 29, 13, 14, 15, 500000), datetime.datetime),
    ("'1 day 02:03:04'::interval", "1 day 02:03:04", str),
    ("'\\x00ff10'::bytea", b"\x00\xff\x10", bytes),
    ("''::bytea", b"", bytes),
    ("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", str),
    ("'{\"a\": [1, 2]}'::json", '{"a": [1, 2]}', str),
]

# psqlODBC's defaults differ where its documented behaviour differs from ours.
DIFFERENTIAL_SKIPS = {"true", "false", "'1 day 02:03:04'::interval", "''::bytea",
                      "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid"}


def select_all(cursor):
    cursor.execute("SELECT " + ", ".join(expr for expr, _, _ in CASES))
    return cursor.fetchall()


def check_values(row, label):
    for (expr, expected, kind), actual in zip(CASES, row):
        if differential and expr in DIFFERENTIAL_SKIPS:
            continue
        if check(type(actual) is kind or (kind is bytes and isinstance(actual, (bytes, bytearray))),
                 f"{label}: {expr} is {type(actual).__name__}, expected {kind.__name__}"):
            check(actual == expected, f"{label}: {expr} is {actual!r:.80}, expected {expected!r:.80}")


def check_nulls(cursor, label):
    # A NULL of every type is None, whatever the type.
    cursor.execute("SELECT " + ", ".join(f"NULL::{expr.rsplit('::', 1)[1]}" if "::" in expr
                                         else "NULL::boolean" for expr, _, _ in CASES))
    row = cursor.fetchone()
    check(all(value is None for value in row), f"{label}: NULLs came back as {row!r:.200}")


def run(connstr, label):
    connection = pyodbc.connect(connstr, autocommit=True)
    cursor = connection.cursor()
    cursor.execute("SET TIME ZONE 'UTC'")
    rows = select_all(cursor)
    check(len(rows) == 1, f"{label}: {len(rows)} rows")
    check_values(rows[0], label)
    check_nulls(cursor, label)
    # Column descriptions: the names and the Python types pyodbc derives from SQLDescribeCol.
    cursor.execute("SELECT 1::integer AS i, 'x'::varchar(7) AS v, 1.5::numeric(9,2) AS n")
    described = {d[0]: (d[1], d[3], d[5]) for d in cursor.description}
    check(described["i"][0] is int, f"{label}: integer described as {described['i']}")
    check(described["v"][0] is str and described["v"][1] == 7,
          f"{label}: varchar(7) described as {described['v']}")
    check(described["n"][0] is decimal.Decimal and described["n"][1:] == (9, 2),
          f"{label}: numeric(9,2) described as {described['n']}")
    cursor.fetchall()
    if not differential:
        # SQL_GUID: pyodbc gives uuid.UUID when asked to.
        pyodbc.native_uuid = True
        try:
            value = cursor.execute("SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid").fetchval()
            check(value == uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                  f"{label}: native uuid is {value!r}")
        finally:
            pyodbc.native_uuid = False
        # Parameters come back as the same values (out of band, typed by pyodbc).
        params = [decimal.Decimal("-1234.5678"), datetime.date(2024, 2, 29), b"\x00\x01",
                  "ü'; --", 2 ** 62]
        echoed = cursor.execute("SELECT ?::numeric(12,4), ?::date, ?::bytea, ?::text, ?::bigint",
                                *params).fetchone()
        check(list(echoed) == params, f"{label}: parameters echoed as {echoed!r}")
    connection.close()


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    connstr = sys.argv[1]
    run(connstr, "streamed")
    if not differential:
        run(connstr + ";UseDeclareFetch=1;Fetch=3", "declare/fetch")
    if failures:
        print(f"pyodbc_types: {len(failures)} failed checks", flush=True)
        return 1
    print(f"pyodbc_types: {len(CASES)} types checked, all passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
