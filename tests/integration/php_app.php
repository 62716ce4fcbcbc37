<?php
// The driver under PHP's odbc extension (php-odbc), as a PHP application uses it: connect with a
// connection string, a long text bound to a text column (PHP binds with the size SQLDescribeParam
// gives: issue 13's 22001), a bit/bool into an integer column, rows back with odbc_fetch_array,
// odbc_num_rows after a SELECT, a transaction rolled back with autocommit off, timetz as text.
// Usage: php php_app.php CONNSTR TABLE   Exit 0 when every check passes.
$connstr = $argv[1];
$table = $argv[2];
$failures = 0;
function check($what, $ok, $detail = '') {
    global $failures;
    echo ($ok ? "ok   " : "FAIL ") . $what . ($ok ? '' : " ($detail)") . "\n";
    if (!$ok) {
        $failures++;
    }
}

$c = odbc_connect($connstr, '', '');
if ($c === false) {
    fwrite(STDERR, "php_app: connect failed: " . odbc_errormsg() . "\n");
    exit(1);
}
odbc_exec($c, "DROP TABLE IF EXISTS $table");
odbc_exec($c, "CREATE TABLE $table (id integer, flag integer, body text, t timetz)");

$long = str_repeat('x', 100000);
$insert = odbc_prepare($c, "INSERT INTO $table (id, flag, body, t) VALUES (?, ?, ?, ?)");
$ok = odbc_execute($insert, [1, true, $long, '12:34:56+02']);
check('a 100,000-character text goes into a text column', $ok, odbc_errormsg($c));
// PHP turns false into '' (as with psqlODBC, the server refuses '' for an integer): 0.
$ok = odbc_execute($insert, [2, 0, 'short', '01:02:03-05:30']);
check('a second row through the same prepared statement', $ok, odbc_errormsg($c));

$r = odbc_exec($c, "SELECT id, flag, length(body) AS len, t FROM $table ORDER BY id");
check('odbc_num_rows after a SELECT is the row count', odbc_num_rows($r) == 2, odbc_num_rows($r));
$row = odbc_fetch_array($r);
check('the long text arrived whole', $row['len'] == 100000, $row['len']);
check('true went into the integer column as 1', $row['flag'] == 1, $row['flag']);
check('timetz reads back with its offset', $row['t'] == '12:34:56+02', $row['t']);
$row = odbc_fetch_array($r);
check('0 went in as 0', $row['flag'] == 0, $row['flag']);
check('the second timetz keeps its offset', $row['t'] == '01:02:03-05:30', $row['t']);
odbc_free_result($r);

odbc_autocommit($c, false);
odbc_exec($c, "INSERT INTO $table (id) VALUES (3)");
odbc_rollback($c);
odbc_autocommit($c, true);
$r = odbc_exec($c, "SELECT count(*) AS n FROM $table");
$row = odbc_fetch_array($r);
check('a rolled-back insert left no row', $row['n'] == 2, $row['n']);

odbc_exec($c, "DROP TABLE $table");
odbc_close($c);
exit($failures == 0 ? 0 : 1);
