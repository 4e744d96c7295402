#!/usr/bin/env python3
"""Per-id and per-field evaluation of jikenbo reports against gold labels.

usage: scripts/eval.py [options] DIR [DIR ...]

Each DIR holds labelled notices: <id>.txt next to its gold <id>.json (the
flat form of spec/output.md). The reports come from --reports FILE (the
JSONL that `jikenbo classify` prints, each line with a "file" field), or, by
default, from running `target/release/jikenbo classify DIR ...` itself.

It prints:
  * per-id precision / recall / F1 (with tp, fp, fn) for attack_types,
    data_categories and reported_to, and the micro average of each field;
  * accuracy and a confusion table (gold rows, reported columns) for the
    exact fields: leak_status, affected_count (as count buckets; accuracy
    is exact), severity, operational, public_body, ppc_report_required;
  * every miss: file, field, gold, got, and the evidence the classifier gave,
    quoted from the notice (report offsets are UTF-16 code units).

Only the Python 3 standard library is used.
"""
import argparse
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

SET_FIELDS = ("attack_types", "data_categories", "reported_to")
EXACT_FIELDS = ("leak_status", "affected_count", "severity", "operational",
                "public_body", "ppc_report_required")
REPORT_KEYS = {"attack_types": "attackTypes", "data_categories": "dataCategories",
               "reported_to": "reportedTo"}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BIN = os.path.join(ROOT, "target", "release", "jikenbo")


def quote(text16, start, end, width=0):
    """The text between UTF-16 offsets start..end of a notice (text16 is its
    UTF-16-LE encoding), with `width` code units of context either side."""
    a, b = max(0, start - width), min(len(text16) // 2, end + width)
    def dec(x, y):
        return text16[2 * x:2 * y].decode("utf-16-le", errors="replace")
    if width:
        return (dec(a, start) + "[" + dec(start, end) + "]" + dec(end, b)).replace("\n", " ")
    return dec(start, end).replace("\n", " ")


def bucket(n):
    """affected_count as the count buckets of the severity rubric."""
    if n is None:
        return "null"
    for limit, name in ((100, "<100"), (1000, "100-999"), (10000, "1k-9k"), (100000, "10k-99k")):
        if n < limit:
            return name
    return ">=100k"


def flat(report):
    """A report in the gold label's flat form."""
    if report is None:
        return {k: (set() if k in SET_FIELDS else None) for k in SET_FIELDS + EXACT_FIELDS}
    sev = report.get("severity") or {}
    out = {k: {t["id"] for t in report.get(v) or []} for k, v in REPORT_KEYS.items()}
    out.update(
        leak_status=(report.get("leakStatus") or {}).get("value"),
        affected_count=(report.get("affectedCount") or {}).get("value"),
        severity=sev.get("level"),
        operational=sev.get("operational"),
        public_body=(report.get("organization") or {}).get("publicBody"),
        ppc_report_required=(report.get("ppcReport") or {}).get("required"),
    )
    return out


def evidence_for(report, field, value=None):
    """(rule, start, end) evidence the report gives for a field (and, for a
    set field, one id)."""
    if report is None:
        return []
    if field in SET_FIELDS:
        for t in report.get(REPORT_KEYS[field]) or []:
            if t["id"] == value:
                return [(e["rule"], e["start"], e["end"]) for e in t.get("evidence", [])]
        return []
    if field == "leak_status":
        evs = (report.get("leakStatus") or {}).get("evidence", [])
    elif field == "affected_count":
        evs = (report.get("affectedCount") or {}).get("evidence", [])
    elif field == "public_body":
        evs = (report.get("organization") or {}).get("evidence", [])
    else:
        return []
    return [(e["rule"], e["start"], e["end"]) for e in evs]


def notes_for(report, field):
    """What a report says about a field that has no evidence spans."""
    if report is None:
        return ""
    if field in ("severity", "operational"):
        return "; ".join(r["code"] + (": " + r["message"]["en"] if field == "operational" else "")
                         for r in (report.get("severity") or {}).get("reasons", [])
                         if field == "severity" or r["code"].startswith("operational"))
    if field == "ppc_report_required":
        return ", ".join((report.get("ppcReport") or {}).get("reasons", []))
    if field == "public_body":
        return "name: %s" % (report.get("organization") or {}).get("name")
    return ""


def load_items(dirs):
    """[(id, path_of_txt, gold)] for every <id>.json with a <id>.txt."""
    items = []
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if not name.endswith(".json"):
                continue
            stem = name[:-5]
            txt = os.path.join(d, stem + ".txt")
            if not os.path.exists(txt):
                continue
            with open(os.path.join(d, name), encoding="utf-8") as f:
                items.append((stem, txt, json.load(f)))
    return items


def load_reports(path, lines=None):
    """Reports by base name of their file (without .txt)."""
    out = {}
    src = lines if lines is not None else open(path, encoding="utf-8")
    for n, line in enumerate(src, 1):
        line = line.strip()
        if not line:
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            print("reports line %d: not JSON: %s" % (n, e), file=sys.stderr)
            continue
        key = os.path.basename(str(r.get("file", "")))
        key = key[:-4] if key.endswith(".txt") else key
        out[key] = r
    return out


def run_classifier(binary, dirs):
    if not os.access(binary, os.X_OK):
        sys.exit("eval.py: %s not found; build it (cargo build --release --bin jikenbo) or pass --reports" % binary)
    p = subprocess.run([binary, "classify"] + list(dirs), capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stderr, file=sys.stderr, end="")
    return load_reports(None, p.stdout.splitlines())


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(items, reports):
    """The whole evaluation as a plain dict (what --json prints)."""
    counts = {k: defaultdict(lambda: [0, 0, 0]) for k in SET_FIELDS}
    confusion = {k: Counter() for k in EXACT_FIELDS}
    correct = Counter()
    misses = []
    missing = []
    for stem, txt, gold in items:
        rep = reports.get(stem)
        if rep is None:
            missing.append(stem)
        got = flat(rep)
        with open(txt, encoding="utf-8") as f:
            text16 = f.read().encode("utf-16-le")

        def ev(field, value=None):
            return [{"rule": r, "start": s, "end": e, "text": quote(text16, s, e),
                     "context": quote(text16, s, e, 25)}
                    for r, s, e in evidence_for(rep, field, value)]

        for k in SET_FIELDS:
            g, p = set(gold.get(k) or []), got[k]
            for i in g & p:
                counts[k][i][0] += 1
            for i in p - g:
                counts[k][i][1] += 1
                misses.append({"file": stem, "field": k, "kind": "fp", "id": i,
                               "gold": sorted(g), "got": sorted(p), "evidence": ev(k, i)})
            for i in g - p:
                counts[k][i][2] += 1
                misses.append({"file": stem, "field": k, "kind": "fn", "id": i,
                               "gold": sorted(g), "got": sorted(p), "evidence": []})
        for k in EXACT_FIELDS:
            g, p = gold.get(k), got[k]
            if k == "affected_count":
                confusion[k][(bucket(g), bucket(p))] += 1
            else:
                confusion[k][(json.dumps(g), json.dumps(p))] += 1
            if g == p:
                correct[k] += 1
            else:
                misses.append({"file": stem, "field": k, "gold": g, "got": p,
                               "evidence": ev(k), "notes": notes_for(rep, k)})
    n = len(items)
    out = {"notices": n, "missing_reports": missing, "set_fields": {}, "exact_fields": {}, "misses": misses}
    for k in SET_FIELDS:
        rows = {}
        T = [0, 0, 0]
        for i, (tp, fp, fn) in sorted(counts[k].items()):
            p, r, f = prf(tp, fp, fn)
            rows[i] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
            T = [T[0] + tp, T[1] + fp, T[2] + fn]
        p, r, f = prf(*T)
        out["set_fields"][k] = {"ids": rows, "micro": {"tp": T[0], "fp": T[1], "fn": T[2], "precision": round(p, 4),
                                                       "recall": round(r, 4), "f1": round(f, 4)}}
    for k in EXACT_FIELDS:
        out["exact_fields"][k] = {
            "accuracy": round(correct[k] / n, 4) if n else 0.0,
            "confusion": [{"gold": g, "got": p, "n": c} for (g, p), c in sorted(confusion[k].items())],
        }
    return out


def print_text(res, show_misses, field_filter):
    w = sys.stdout.write
    w("notices: %d%s\n" % (res["notices"], ("  (no report for: %s)" % ", ".join(res["missing_reports"]))
                            if res["missing_reports"] else ""))
    for k, v in res["set_fields"].items():
        m = v["micro"]
        w("\n== %s  micro P %.3f R %.3f F1 %.3f  (tp %d fp %d fn %d)\n" % (k, m["precision"], m["recall"], m["f1"], m["tp"], m["fp"], m["fn"]))
        w("  %-22s %4s %4s %4s  %6s %6s %6s\n" % ("id", "tp", "fp", "fn", "P", "R", "F1"))
        for i, r in sorted(v["ids"].items(), key=lambda x: (x[1]["f1"], x[0])):
            w("  %-22s %4d %4d %4d  %6.3f %6.3f %6.3f\n" % (i, r["tp"], r["fp"], r["fn"], r["precision"], r["recall"], r["f1"]))
    for k, v in res["exact_fields"].items():
        w("\n== %s  accuracy %.3f\n" % (k, v["accuracy"]))
        golds = sorted({c["gold"] for c in v["confusion"]} | {c["got"] for c in v["confusion"]})
        cell = {(c["gold"], c["got"]): c["n"] for c in v["confusion"]}
        width = max([len(g) for g in golds] + [6])
        w("  %-*s | %s   (rows gold, columns got)\n" % (width, "gold", " ".join("%*s" % (width, g) for g in golds)))
        for g in golds:
            w("  %-*s | %s\n" % (width, g, " ".join("%*s" % (width, cell.get((g, p), "") or ".") for p in golds)))
    if not show_misses:
        return
    misses = [m for m in res["misses"] if not field_filter or m["field"] in field_filter]
    w("\n== misses (%d)\n" % len(misses))
    for m in misses:
        if "kind" in m:
            w("%s %s %s %s   gold %s got %s\n" % (m["file"], m["field"], m["kind"], m["id"], m["gold"], m["got"]))
        else:
            w("%s %s   gold %s got %s%s\n" % (m["file"], m["field"], json.dumps(m["gold"], ensure_ascii=False),
                                             json.dumps(m["got"], ensure_ascii=False),
                                             ("   (" + m["notes"] + ")") if m.get("notes") else ""))
        for e in m["evidence"]:
            w("      %s %d-%d 「%s」  …%s…\n" % (e["rule"], e["start"], e["end"], e["text"], e["context"]))


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="eval.py",
        description="Per-id precision/recall/F1 and exact-field accuracy/confusion of jikenbo reports "
                    "over labelled folders (<id>.txt + gold <id>.json), with every miss and its evidence.",
        epilog="examples:\n"
               "  scripts/eval.py ../shared/corpus/dev ../shared/corpus/seed\n"
               "  target/release/jikenbo classify DIR > r.jsonl && scripts/eval.py --reports r.jsonl DIR\n"
               "  scripts/eval.py --fields attack_types,leak_status DIR   # misses of these fields only\n",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", metavar="DIR", help="folder of labelled notices")
    ap.add_argument("--reports", metavar="JSONL", help="reports to score (default: run the classifier)")
    ap.add_argument("--bin", default=DEFAULT_BIN, help="the jikenbo binary (default: %(default)s)")
    ap.add_argument("--json", action="store_true", help="print the whole result as one JSON object")
    ap.add_argument("--no-misses", action="store_true", help="do not list the misses")
    ap.add_argument("--fields", default="", help="comma-separated fields whose misses are listed (default: all)")
    a = ap.parse_args(argv)
    for d in a.dirs:
        if not os.path.isdir(d):
            ap.error("not a folder: %s" % d)
    items = load_items(a.dirs)
    if not items:
        ap.error("no labelled notices (<id>.txt + <id>.json) in %s" % " ".join(a.dirs))
    ids = [i[0] for i in items]
    dup = [k for k, c in Counter(ids).items() if c > 1]
    if dup:
        ap.error("the same id in several folders: %s" % ", ".join(dup))
    reports = load_reports(a.reports) if a.reports else run_classifier(a.bin, a.dirs)
    res = evaluate(items, reports)
    if a.json:
        print(json.dumps(res, ensure_ascii=False))
    else:
        print_text(res, not a.no_misses, {f for f in a.fields.split(",") if f})
    return 0


if __name__ == "__main__":
    sys.exit(main())
