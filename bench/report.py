#!/usr/bin/env python3
"""bench/report.py: medians of bench/run's raw.csv as a table (stdout), markdown, CSV and a chart.

Every (workload, network, driver) gets the median time over its repetitions, rows/s from that
median, median p50/p99 latencies, the highest peak RSS, and on each other driver's line the ratio
ours rows/s ÷ that driver's rows/s (> 1: ours is faster). Standard library only; the chart needs
gnuplot and is skipped without it.
"""
import argparse
import csv
import os
import platform
import shutil
import statistics
import subprocess
import time

DRIVER_NAMES = {
    "ours": "ours (redshift-odbc)",
    "ours_redshift": "ours, Redshift flavour (catalog fixture)",
    "psqlodbc": "psqlODBC",
    "psqlodbc_batch": "psqlODBC BatchSize=1000",
    "psqlodbc_declare": "psqlODBC UseDeclareFetch=1;Fetch=10000",
    "libpq": "libpq",
}
UNITS = {"roundtrip": "queries", "roundtrip_prepared": "queries", "connect": "connections", "catalog": "rows", "bi_open": "rows",
         "connect_concurrent": "connections"}


def load(path):
    groups = {}
    order = []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            key = (r["workload"], r["network"], r["driver"])
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append(r)
    return groups, order


def median_run(runs):
    ordered = sorted(runs, key=lambda r: float(r["seconds"]))
    return ordered[(len(ordered) - 1) // 2]


def summarize(runs):
    errors = [r for r in runs if r["status"] == "error"]
    unsupported = [r for r in runs if r["status"] == "unsupported"]
    if errors:
        return {"status": "error", "message": errors[0]["message"]}
    if unsupported:
        return {"status": "unsupported", "message": unsupported[0]["message"]}
    secs = statistics.median(float(r["seconds"]) for r in runs)
    rows = int(runs[0]["rows"])
    return {
        # An ok run's message is a remark (bi_open through the relay: its round trips;
        # connect_concurrent: one connect's time and the ratio): the median run's.
        "status": "ok", "message": median_run(runs).get("message", ""), "rows": rows, "seconds": secs,
        "rows_per_s": rows / secs if secs > 0 else 0.0,
        "p50_ms": statistics.median(float(r["p50_us"]) for r in runs) / 1000,
        "p99_ms": statistics.median(float(r["p99_us"]) for r in runs) / 1000,
        "rss_mib": max(int(r["peak_rss_kib"]) for r in runs) / 1024,
        "reps": len(runs),
    }


def fmt_rate(v):
    return f"{v:,.0f}" if v >= 100 else f"{v:,.1f}"


def build_rows(groups, order):
    summaries = {k: summarize(v) for k, v in groups.items()}
    table = []
    for key in order:
        w, net, drv = key
        s = summaries[key]
        ours = summaries.get((w, net, "ours"))
        ratio = ""
        if not drv.startswith("ours") and s["status"] == "ok":
            if ours and ours["status"] == "ok" and s["rows_per_s"] > 0:
                ratio = f"{ours['rows_per_s'] / s['rows_per_s']:.2f}×"
            elif ours:
                ratio = "—"
        latency = w in ("roundtrip", "roundtrip_prepared", "connect", "catalog", "bi_open", "connect_concurrent")
        if s["status"] == "ok":
            cells = [w, net, DRIVER_NAMES.get(drv, drv), "ok", f"{s['rows']:,}", f"{s['seconds']:.3f}",
                     fmt_rate(s["rows_per_s"]),
                     f"{s['p50_ms']:.3f}" if latency else "", f"{s['p99_ms']:.3f}" if latency else "",
                     f"{s['rss_mib']:.1f}", " ".join(x for x in (ratio, s["message"]) if x)]
        else:
            cells = [w, net, DRIVER_NAMES.get(drv, drv), s["status"], "", "", "", "", "", "", s["message"]]
        table.append((key, s, cells))
    return table


HEADER = ["workload", "network", "driver", "status", "rows", "median s", "rows/s", "p50 ms", "p99 ms",
          "peak RSS MiB", "ours ÷ this (rows/s)"]


def print_table(table):
    rows = [HEADER] + [c for _, _, c in table]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER) - 1)]
    for r in rows:
        line = "  ".join(r[i].ljust(widths[i]) if i < 3 else r[i].rjust(widths[i])
                         for i in range(len(HEADER) - 1))
        print(line + "  " + r[-1])


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({cpu or platform.machine()}), Linux {platform.release()}"


def write_markdown(path, table, args):
    with open(path, "w") as f:
        f.write(f"# Benchmark results ({args.mode})\n\n")
        f.write(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}; PostgreSQL 15 on "
                f"127.0.0.1 (server, client and relay share the CPUs); median of {args.reps} "
                f"alternating repetition(s). Our driver: {args.driver or '?'}. Sizes: {args.sizes.strip()} (smaller through the relay at "
                "+1/+5 ms). `network`: direct, or through tcp_delay_relay adding that round-trip "
                "time. `ours ÷ this`: our rows/s divided by that driver's (> 1: ours is faster).\n\n")
        f.write("| " + " | ".join(HEADER) + " |\n")
        f.write("|" + "|".join("---" if i < 4 else "---:" for i in range(len(HEADER))) + "|\n")
        for _, _, c in table:
            f.write("| " + " | ".join(x.replace("|", "\\|") for x in c) + " |\n")


def ratio_of(cell):
    """The number in an `ours ÷ this` cell ("1.25× round trips 31" -> "1.25")."""
    first = cell.split(" ", 1)[0]
    return first.rstrip("×") if first.endswith("×") else ""


def write_csv(path, table):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["workload", "network", "driver", "status", "rows", "median_seconds", "rows_per_s",
                    "p50_ms", "p99_ms", "peak_rss_mib", "ours_over_this_rows_per_s", "message"])
        for (wl, net, drv), s, c in table:
            if s["status"] == "ok":
                w.writerow([wl, net, drv, "ok", s["rows"], f"{s['seconds']:.6f}", f"{s['rows_per_s']:.1f}",
                            f"{s['p50_ms']:.4f}", f"{s['p99_ms']:.4f}", f"{s['rss_mib']:.2f}",
                            ratio_of(c[-1]), s["message"]])
            else:
                w.writerow([wl, net, drv, s["status"], "", "", "", "", "", "", "", s["message"]])


def write_chart(out, table):
    gnuplot = shutil.which("gnuplot")
    if not gnuplot:
        print("(gnuplot not installed: no chart)")
        return
    drivers = [d for d in DRIVER_NAMES if any(k[2] == d for k, _, _ in table)]
    cases = []
    for (w, net, _), _, _ in table:
        if (w, net) not in cases:
            cases.append((w, net))
    data = os.path.join(out, "latest.dat")
    with open(data, "w") as f:
        f.write("case " + " ".join(f'"{DRIVER_NAMES[d]}"' for d in drivers) + "\n")
        for w, net in cases:
            vals = []
            for d in drivers:
                s = next((s for k, s, _ in table if k == (w, net, d)), None)
                vals.append(f"{s['rows_per_s']:.3f}" if s and s["status"] == "ok" else "?")
            label = w if net == "direct" else f"{w} {net}"
            f.write(f'"{label}" ' + " ".join(vals) + "\n")
    script = f"""
set terminal pngcairo size 1400,700 noenhanced font ",10"
set output "{os.path.join(out, 'latest.png')}"
set title "rows (queries, connections) per second, higher is better; missing bar = unsupported"
set datafile missing "?"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set logscale y
set yrange [1:*]
set grid ytics
set xtics rotate by -30
set key outside right top
plot for [i=2:{len(drivers) + 1}] "{data}" using i:xtic(1) title columnheader(i)
"""
    r = subprocess.run([gnuplot], input=script, text=True, capture_output=True)
    if r.returncode != 0:
        # gnuplot-nox may lack cairo: fall back to the plain png terminal.
        script = script.replace('pngcairo size 1400,700 noenhanced font ",10"', "png size 1400,700 noenhanced")
        r = subprocess.run([gnuplot], input=script, text=True, capture_output=True)
    if r.returncode != 0:
        print("(gnuplot failed: " + r.stderr.strip() + ")")
    os.remove(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--reps", default="?")
    ap.add_argument("--mode", default="full")
    ap.add_argument("--sizes", default="")
    ap.add_argument("--driver", default="")
    args = ap.parse_args()
    groups, order = load(args.raw)
    table = build_rows(groups, order)
    print()
    print_table(table)
    write_markdown(os.path.join(args.out, "latest.md"), table, args)
    write_csv(os.path.join(args.out, "latest.csv"), table)
    write_chart(args.out, table)
    print(f"\nwritten: {args.out}/latest.md, latest.csv, raw.csv"
          + (", latest.png" if os.path.exists(os.path.join(args.out, "latest.png")) else ""))


if __name__ == "__main__":
    main()
