#!/usr/bin/python3
"""Everyday pyodbc patterns that applications written for psqlODBC or the Amazon driver rely on
(issue 13): a clean-up loop with autocommit off (pyodbc's default) that ignores a failed DROP and
goes on; cursor.rowcount after a SELECT (empty, small, streamed); SQLGetTypeInfo(SQL_LONGVARCHAR)
giving a type that holds long text; a Python True into an integer column and a float into money.

Usage: pyodbc_app_patterns.py CONNSTR TABLE_PREFIX
Exit status 0 when every check passes, 1 with a message per failed check otherwise.
RSODBC_TEST_DIFFERENTIAL=1: the registered driver is psqlODBC; our-driver-only checks are skipped.
"""
import sys

import pyodbc

from pyodbc_checks import check, differential, failures


def table_exists(cur, name):
    cur.execute("SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = ?", name)
    return cur.fetchone()[0] == 1


def cleanup_loop(connstr, prefix):
    setup = pyodbc.connect(connstr, autocommit=True)
    scur = setup.cursor()
    names = [f"{prefix}_t{i}" for i in range(3)]
    for name in names:
        scur.execute(f"DROP TABLE IF EXISTS {name}")
    for name in names[1:]:
        scur.execute(f"CREATE TABLE {name} (i int)")

    cnxn = pyodbc.connect(connstr)  # autocommit off, as pyodbc defaults
    cursor = cnxn.cursor()
    cursor.execute(f"INSERT INTO {names[1]} VALUES (1)")  # uncommitted, lost with the failure
    failed = 0
    for name in names:  # the first does not exist
        try:
            cursor.execute("drop table " + name)
            cnxn.commit()
        except pyodbc.Error:  # pyodbc shows the first record only: the server's error
            failed += 1
    check(failed == 1, f"clean-up loop: {failed} drops failed, expected 1")
    for name in names:
        check(not table_exists(scur, name), f"clean-up loop: {name} still exists")
    cnxn.close()
    setup.close()


def select_rowcount(connstr, prefix):
    cnxn = pyodbc.connect(connstr, autocommit=True)
    cur = cnxn.cursor()
    table = f"{prefix}_rc"
    cur.execute(f"DROP TABLE IF EXISTS {table}")
    cur.execute(f"CREATE TABLE {table} (i int)")
    cur.execute(f"SELECT * FROM {table}")
    check(cur.rowcount == 0, f"rowcount of an empty SELECT: {cur.rowcount}")
    cur.fetchall()
    cur.execute(f"INSERT INTO {table} SELECT g FROM generate_series(1, 3) g")
    cur.execute(f"SELECT * FROM {table} WHERE i > ?", 0)
    check(cur.rowcount == 3, f"rowcount of a 3-row SELECT: {cur.rowcount}")
    check(len(cur.fetchall()) == 3, "3 rows fetched")
    cur.execute("SELECT g FROM generate_series(1, 50000) g")
    if not differential:  # psqlODBC reads the whole result first and says 50000 here
        check(cur.rowcount == -1, f"rowcount of a streamed SELECT before the end: {cur.rowcount}")
    rows = cur.fetchall()
    check(len(rows) == 50000, f"streamed rows fetched: {len(rows)}")
    # pyodbc reads SQLRowCount only at execute; row_count_test.cpp checks it after the last fetch.
    cnxn.close()


def long_type_info(connstr, prefix):
    cnxn = pyodbc.connect(connstr, autocommit=True)
    cur = cnxn.cursor()
    rows = cur.getTypeInfo(pyodbc.SQL_LONGVARCHAR).fetchall()
    check(len(rows) > 0, "getTypeInfo(SQL_LONGVARCHAR) offers no type")
    if rows:
        table = f"{prefix}_long"
        cur.execute(f"DROP TABLE IF EXISTS {table}")
        cur.execute(f"CREATE TABLE {table} (t {rows[0].type_name})")
        text = "x" * 100000
        cur.execute(f"INSERT INTO {table} (t) VALUES (?)", text)
        value = cur.execute(f"SELECT t FROM {table}").fetchone()[0]
        check(value == text, f"long text through {rows[0].type_name}: {len(value or '')} chars")
        cur.execute(f"DROP TABLE {table}")
    cnxn.close()


def loose_parameters(connstr, prefix):
    cnxn = pyodbc.connect(connstr)  # autocommit off, as pyodbc defaults
    cur = cnxn.cursor()
    table = f"{prefix}_coerce"
    cur.execute(f"DROP TABLE IF EXISTS {table}")
    cur.execute(f"CREATE TABLE {table} (i integer, m money)")
    try:
        cur.execute(f"INSERT INTO {table} (i, m) VALUES (?, ?)", True, 2.25)  # SQL_BIT, SQL_DOUBLE
        cnxn.commit()
    except pyodbc.Error as error:
        check(False, f"True into integer, 2.25 into money: {error}")
        cnxn.rollback()
    row = cur.execute(f"SELECT i, m::numeric FROM {table}").fetchone()
    check(row is not None and row[0] == 1 and float(row[1]) == 2.25, f"read back: {row}")
    cur.execute(f"DROP TABLE {table}")
    cnxn.commit()
    cnxn.close()


def main():
    connstr, prefix = sys.argv[1], sys.argv[2]
    cleanup_loop(connstr, prefix)
    select_rowcount(connstr, prefix)
    long_type_info(connstr, prefix)
    loose_parameters(connstr, prefix)
    if failures:
        print(f"pyodbc_app_patterns: {len(failures)} checks failed")
        return 1
    print("pyodbc_app_patterns: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
