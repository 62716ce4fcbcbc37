"""The driver log at each level (issue 15 item 6); run by log_levels_test.sh.

Each session runs in a process of its own (the driver's log is per process): connect,
a parameterized SELECT, a failing statement, an array insert, a failed connect, disconnect.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

import pyodbc

SECRET_KEY = "wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY42"
SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN4242"
WRONG_PASSWORD = "wrong-pw-Zq81x"
PARAMETER = 424242


def session(connstr):
    """One session of the kind a support case is about."""
    conn = pyodbc.connect(connstr, autocommit=True)
    cur = conn.cursor()
    table = "log_levels_%d" % os.getpid()
    cur.execute("DROP TABLE IF EXISTS " + table)
    cur.execute("CREATE TABLE " + table + " (id int, name varchar(20))")
    assert cur.execute("SELECT ? + 1", PARAMETER).fetchone()[0] == PARAMETER + 1
    try:
        cur.execute("SELECT * FROM no_such_table_for_the_log")
        raise AssertionError("the failing statement succeeded")
    except pyodbc.ProgrammingError:
        pass
    cur.fast_executemany = True
    cur.executemany("INSERT INTO " + table + " VALUES (?, ?)", [(i, "n%d" % i) for i in range(25)])
    assert cur.execute("SELECT count(*) FROM " + table).fetchone()[0] == 25
    cur.execute("DROP TABLE " + table)
    cur.close()
    conn.close()
    try:
        pyodbc.connect(wrong_password(connstr), autocommit=True)
        raise AssertionError("the connect with a wrong password succeeded")
    except pyodbc.Error:
        pass


def wrong_password(connstr):
    parts = [p for p in connstr.split(";") if p and not p.upper().startswith(("PWD=", "PASSWORD="))]
    return ";".join(parts + ["PWD=" + WRONG_PASSWORD])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--connstr", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--password", default="")
    parser.add_argument("--session", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.session:
        session(args.session)
        return 0

    failures = []

    def check(condition, what):
        if not condition:
            failures.append(what)

    def run(extra, env=None):
        connstr = args.connstr.rstrip(";") + ";" + extra
        result = subprocess.run([sys.executable, __file__, "--connstr", "-", "--work", "-",
                                 "--session", connstr], env=env, capture_output=True, text=True)
        check(result.returncode == 0, "session %r failed: %s" % (extra, result.stderr[-2000:]))

    def read(path):
        text = ""
        for name in sorted(glob.glob(os.path.join(path, "*.log"))):
            with open(name, encoding="utf-8", errors="replace") as f:
                text += f.read()
        return text

    secrets = [SECRET_KEY, SESSION_TOKEN, WRONG_PASSWORD]
    if args.password:
        secrets.append(args.password)
    # An unknown keyword is a warning (01S00); the AWS secrets are what IAM users put there.
    common = "NoSuchKeywordForTheLog=1;SecretAccessKey=%s;SessionToken=%s" % (SECRET_KEY,
                                                                           SESSION_TOKEN)
    levels = ["error", "warn", "info", "debug", "trace"]
    logs = {}
    for level in levels:
        directory = os.path.join(args.work, level)
        os.mkdir(directory)
        run("%s;LogLevel=%s;LogPath=%s" % (common, level, directory))
        logs[level] = read(directory)
    for level in levels:
        log = logs[level]
        rank = levels.index(level)
        name = "LogLevel=" + level

        def has(text, at_from, what):
            # The W forms are what pyodbc calls: SQLExecDirect(W).
            present = re.search(re.escape(text).replace("SQLExecDirect", "SQLExecDirectW?"),
                                log) is not None
            wanted = rank >= levels.index(at_from)
            check(present == wanted, "%s: %s %s (%r)" % (
                name, what, "missing" if wanted else "logged below its level", text))

        for secret in secrets:
            check(secret not in log, "%s: a secret appears in the log: %s..." % (name, secret[:6]))
        # error: the failed statement with its SQLSTATE, server message and call; the failed connect
        has("SQLExecDirect on handle", "error", "the failing call")
        has("SQLSTATE 42P01", "error", "the failing statement's SQLSTATE")
        has("no_such_table_for_the_log\" does not exist", "error", "the server's message")
        has("failed (streamed) after", "error", "the failed statement with its path")
        has("SQLSTATE 28", "error", "the failed connect's SQLSTATE")
        has("failed after", "error", "the failed connect with its time")
        has("password authentication failed", "error", "the failed connect's cause")
        # warn: warnings with their SQLSTATE and call
        has("SQLSTATE 01S00", "warn", "the unknown keyword's warning")
        has("returned SQL_SUCCESS_WITH_INFO: SQLSTATE 01S00", "warn", "the warning's call")
        # info: connect and disconnect with server, flavour, TLS state and time
        has("connected to ", "info", "the connect")
        has("PostgreSQL server version", "info", "the flavour")
        has("TLS", "info", "the TLS state")
        has("disconnected from", "info", "the disconnect")
        # debug: every statement, its path, rows and time
        has("ran (prepared, 1 parameters)", "debug", "the parameterized SELECT's path")
        has("ran (parameter array of 25 sets", "debug", "the array insert's path")
        has("25 rows", "debug", "the array insert's rows")
        has("ran (simple query)", "debug", "a simple statement")
        has("ran (streamed)", "debug", "a streamed query")
        # trace: every call with its arguments and return code
        has("SQLExecDirect(0x", "trace", "a call with its arguments")
        has("SQLExecDirect returned SQL_ERROR", "trace", "a call's return code")
        has("SQLDisconnect returned SQL_SUCCESS", "trace", "SQLDisconnect's return code")
        check(str(PARAMETER) not in log, "%s: a parameter value without LogParameters=1" % name)

    # LogParameters=1: the values at trace, and only there.
    for level, wanted in (("debug", False), ("trace", True)):
        directory = os.path.join(args.work, "parameters-" + level)
        os.mkdir(directory)
        run("LogLevel=%s;LogPath=%s;LogParameters=1" % (level, directory))
        log = read(directory)
        check(("$1='%d'" % PARAMETER in log) == wanted,
              "LogParameters=1 at %s: parameter value %s" % (level, "missing" if wanted else
                                                             "logged"))
        check(args.password == "" or args.password not in log, "LogParameters=1: the password")

    # LogMaxSize/LogFileCount: full files are renamed, at most LogFileCount kept.
    directory = os.path.join(args.work, "rotation")
    os.mkdir(directory)
    run("LogLevel=trace;LogPath=%s;LogMaxSize=4000;LogFileCount=2" % directory)
    files = sorted(os.listdir(directory))
    check(files == ["redshiftodbc.1.log", "redshiftodbc.2.log", "redshiftodbc.log"],
          "LogMaxSize=4000;LogFileCount=2 left %s" % files)
    for name in files:
        size = os.path.getsize(os.path.join(directory, name))
        check(size <= 4000, "LogMaxSize=4000: %s has %d bytes" % (name, size))

    # The [ODBC] section of odbc.ini, where the Amazon driver reads LogLevel/LogPath on Linux.
    directory = os.path.join(args.work, "odbc-section")
    os.mkdir(directory)
    ini = os.path.join(args.work, "odbc.ini")
    with open(os.environ["ODBCINI"], encoding="utf-8") as f:
        original = f.read()
    with open(ini, "w", encoding="utf-8") as f:
        f.write(original + "\n[ODBC]\nLogLevel=info\nLogPath=%s\n" % directory)
    run("", env=dict(os.environ, ODBCINI=ini))
    log = read(directory)
    check("connected to " in log and "ran (" not in log,
          "[ODBC] LogLevel=info: the log has %d bytes, connect line %s" % (
              len(log), "connected to" in log))

    for failure in failures:
        print("FAIL:", failure)
    print("log_levels: %d checks failed" % len(failures) if failures else "log_levels: all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
