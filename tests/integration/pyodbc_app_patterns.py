#!/usr/bin/python3
"""Everyday pyodbc patterns that applications written for psqlODBC or the Amazon driver rely on
(issue 13): a clean-up loop with autocommit off (pyodbc's default) that ignores a failed DROP and
goes on.

Usage: pyodbc_app_patterns.py CONNSTR TABLE_PREFIX
Exit status 0 when every check passes, 1 with a message per failed check otherwise.
Every check holds for psqlODBC too (RSODBC_TEST_DIFFERENTIAL=1).
"""
import sys

import pyodbc

from pyodbc_checks import check, failures


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


def main():
    connstr, prefix = sys.argv[1], sys.argv[2]
    cleanup_loop(connstr, prefix)
    if failures:
        print(f"pyodbc_app_patterns: {len(failures)} checks failed")
        return 1
    print("pyodbc_app_patterns: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
