#!/usr/bin/python3
"""Debian's python3-pyodbc using the catalog and the escapes the way applications do: the
pyodbc Cursor.tables(), .columns(), .primaryKeys(), .foreignKeys(), .statistics(), .procedures()
and .getTypeInfo() calls (SQLTables ... SQLGetTypeInfo through their W forms), Connection.getinfo(),
and an {fn} / {d} / {oj} query with a bound parameter.

Usage: pyodbc_catalog.py CONNSTR SCHEMA
Exit status 0 when every check passes, 1 with a message per failed check otherwise.
RSODBC_TEST_DIFFERENTIAL=1: the registered driver is psqlODBC; our-driver-only checks are skipped.
"""
import datetime
import sys

import pyodbc

from pyodbc_checks import check, differential, failures


def main():
    connstr, schema = sys.argv[1], sys.argv[2]
    cnxn = pyodbc.connect(connstr, autocommit=True)
    cur = cnxn.cursor()
    cur.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    cur.execute(f'CREATE SCHEMA "{schema}"')
    cur.execute(f'CREATE TABLE "{schema}".customers (id integer PRIMARY KEY,'
                ' name varchar(40) NOT NULL, joined date)')
    cur.execute(f'CREATE TABLE "{schema}".orders (id integer PRIMARY KEY,'
                f' customer_id integer REFERENCES "{schema}".customers (id),'
                ' total numeric(10,2))')
    cur.execute(f'CREATE INDEX orders_customer ON "{schema}".orders (customer_id)')
    cur.execute(f'CREATE VIEW "{schema}".big_orders AS'
                f' SELECT * FROM "{schema}".orders WHERE total > 100')
    cur.execute(f'INSERT INTO "{schema}".customers VALUES (1, \'ada\', \'2024-02-29\'),'
                ' (2, \'bob\', NULL)')
    cur.execute(f'INSERT INTO "{schema}".orders VALUES (10, 1, 250.00), (11, 1, 5.00)')

    tables = cur.tables(schema=schema).fetchall()
    names = sorted((row.table_name, row.table_type) for row in tables)
    check(names == [("big_orders", "VIEW"), ("customers", "TABLE"), ("orders", "TABLE")],
          f"tables(): {names}")

    views = cur.tables(schema=schema, tableType="VIEW").fetchall()
    check([row.table_name for row in views] == ["big_orders"], "tables(tableType=VIEW)")

    columns = cur.columns(table="customers", schema=schema).fetchall()
    check([row.column_name for row in columns] == ["id", "name", "joined"],
          f"columns(): {[row.column_name for row in columns]}")
    by_name = {row.column_name: row for row in columns}
    check(by_name["name"].data_type == pyodbc.SQL_VARCHAR and by_name["name"].column_size == 40,
          "columns(): name is VARCHAR(40)")
    check(by_name["name"].nullable == pyodbc.SQL_NO_NULLS, "columns(): name is NOT NULL")
    check(by_name["joined"].data_type == pyodbc.SQL_TYPE_DATE, "columns(): joined is DATE")

    keys = cur.primaryKeys(table="orders", schema=schema).fetchall()
    check([row.column_name for row in keys] == ["id"], "primaryKeys()")

    foreign = cur.foreignKeys(table="customers", schema=schema).fetchall()
    check([(row.fktable_name, row.fkcolumn_name) for row in foreign]
          == [("orders", "customer_id")], f"foreignKeys(): {foreign}")

    statistics = cur.statistics(table="orders", schema=schema).fetchall()
    check(any(row.index_name == "orders_customer" for row in statistics), "statistics()")

    types = {row.type_name for row in cur.getTypeInfo().fetchall()}
    check({"int4", "varchar", "numeric", "date", "bool"} <= types, f"getTypeInfo(): {types}")

    if not differential:
        check(cnxn.getinfo(pyodbc.SQL_DBMS_NAME) == "PostgreSQL", "getinfo(SQL_DBMS_NAME)")
        check(cnxn.getinfo(pyodbc.SQL_MAX_TABLE_NAME_LEN) == 63, "getinfo(SQL_MAX_TABLE_NAME_LEN)")
        check(cnxn.getinfo(pyodbc.SQL_SEARCH_PATTERN_ESCAPE) == "\\",
              "getinfo(SQL_SEARCH_PATTERN_ESCAPE)")

    rows = cur.execute(
        'SELECT {fn UCASE(c.name)}, {fn YEAR(c.joined)}, o.total'
        f' FROM {{oj "{schema}".customers c LEFT OUTER JOIN "{schema}".orders o'
        '  ON o.customer_id = c.id}'
        ' WHERE c.joined >= {d \'2024-01-01\'} AND o.total > ? ORDER BY o.total', 1).fetchall()
    check([tuple(row) for row in rows] == [("ADA", 2024, 5), ("ADA", 2024, 250)],
          f"escapes with a parameter: {rows}")
    check(isinstance(rows[0][0], str) and rows[0][1] == 2024, "escape result types")

    cur.execute(f'DROP SCHEMA "{schema}" CASCADE')
    cnxn.close()


if __name__ == "__main__":
    try:
        main()
    except pyodbc.Error as error:
        failures.append(f"pyodbc error: {error}")
        print("FAIL: pyodbc error:", error, flush=True)
    if failures:
        print(f"pyodbc_catalog: {len(failures)} check(s) failed")
        sys.exit(1)
    print("pyodbc_catalog: passed")
