"""What the pyodbc test scripts share: whether this is a differential run (psqlODBC registered
as our driver) and the failed-check list with its reporting."""
import os

differential = os.environ.get("RSODBC_TEST_DIFFERENTIAL") == "1"
failures = []


def check(condition, message):
    """Records and prints a failed check; returns the condition so callers can chain on it."""
    if not condition:
        failures.append(message)
        print("FAIL:", message, flush=True)
    return condition
