"""The driver under Qt's QODBC plugin (python3-pyqt5.qtsql + libqt5sql5-odbc), as a Qt application
uses it: QSqlDatabase with a connection string, QSqlQuery.prepare/addBindValue with a bool into an
integer column and a float into money (issue 13's coercion), a long text, rows back with their
types, QSqlQuery.size/numRowsAffected, a transaction rolled back, the driver's features.
Usage: python3 qt_app.py CONNSTR TABLE   Exit 0 when every check passes."""
import sys

from PyQt5.QtCore import QCoreApplication
from PyQt5.QtSql import QSqlDatabase, QSqlDriver, QSqlQuery

connstr, table = sys.argv[1], sys.argv[2]
app = QCoreApplication(sys.argv)
failures = 0


def check(what, ok, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + what + ("" if ok else " (%s)" % (detail,)))
    if not ok:
        failures += 1


db = QSqlDatabase.addDatabase("QODBC")
db.setDatabaseName(connstr)
if not db.open():
    print("qt_app: open failed: " + db.lastError().text())
    sys.exit(1)
check("the driver has transactions", db.driver().hasFeature(QSqlDriver.Transactions))
check("the driver has prepared queries", db.driver().hasFeature(QSqlDriver.PreparedQueries))

q = QSqlQuery(db)
q.exec_("DROP TABLE IF EXISTS %s" % table)
check("create table",
      q.exec_("CREATE TABLE %s (id integer, flag integer, price money, body text)" % table),
      q.lastError().text())
q.prepare("INSERT INTO %s (id, flag, price, body) VALUES (?, ?, ?, ?)" % table)
q.addBindValue(1)
q.addBindValue(True)
q.addBindValue(2.25)
q.addBindValue("z" * 80000)
check("a bool into integer, a float into money, a long text", q.exec_(), q.lastError().text())
check("numRowsAffected after the insert", q.numRowsAffected() == 1, q.numRowsAffected())

check("select", q.exec_("SELECT id, flag, price::numeric, length(body) FROM %s" % table),
      q.lastError().text())
check("a row", q.next(), q.lastError().text())
check("id is 1", q.value(0) == 1, repr(q.value(0)))
check("the bool went in as 1", q.value(1) == 1, repr(q.value(1)))
check("the float went into money", float(q.value(2)) == 2.25, repr(q.value(2)))
check("the long text arrived whole", int(q.value(3)) == 80000, repr(q.value(3)))
q.finish()

check("transaction", db.transaction(), db.lastError().text())
q.exec_("INSERT INTO %s (id) VALUES (2)" % table)
check("rollback", db.rollback(), db.lastError().text())
q.exec_("SELECT count(*) FROM %s" % table)
q.next()
check("a rolled-back insert left no row", q.value(0) == 1, repr(q.value(0)))
q.finish()

q.exec_("DROP TABLE %s" % table)
del q
db.close()
sys.exit(0 if failures == 0 else 1)
