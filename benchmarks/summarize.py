#!/usr/bin/env python3
"""Prints the JMH JSON results of a run directory as one Markdown table.

    python3 benchmarks/summarize.py benchmarks/results/2026-11-22-full
MB/s is the "bytes" counter (bytes/s, ASCII notes) / 10^6; B/note is gc.alloc.rate.norm.
"""
import json, pathlib, sys

def rows(path):
    for f in sorted(pathlib.Path(path).glob("*.json")):
        for r in json.loads(f.read_text() or "[]"):
            name = r["benchmark"].replace("org.fairnote.benchmarks.", "")
            params = ",".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
            pm = r["primaryMetric"]
            sec = r.get("secondaryMetrics", {})
            mbs = sec.get("bytes", {}).get("score")
            alloc = sec.get("gc.alloc.rate.norm", {}).get("score")
            pct = pm.get("scorePercentiles", {})
            extra = ""
            if r["mode"] == "sample":
                extra = "p50={:.1f} p99={:.1f} p99.9={:.1f} {}".format(pct.get("50.0", 0), pct.get("99.0", 0), pct.get("99.9", 0), pm["scoreUnit"])
            elif r["mode"] == "ss":
                extra = "{:.0f} ± {:.0f} {}".format(pm["score"], pm.get("scoreError") or 0, pm["scoreUnit"])
            yield (f.stem, name, params, r["threads"], r["mode"],
                   "" if mbs is None else "{:.1f}".format(mbs / 1e6),
                   "{:.4g}".format(pm["score"]) + " " + pm["scoreUnit"],
                   "" if alloc is None else "{:.0f}".format(alloc), extra)

print("| file | benchmark | params | threads | mode | MB/s | score | B/op | latency |")
print("|---|---|---|---|---|---|---|---|---|")
for row in rows(sys.argv[1]):
    print("| " + " | ".join(str(c) for c in row) + " |")
