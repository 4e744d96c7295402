#!/usr/bin/env bash
# Tests scripts/eval.py and scripts/mine_cues.py on the five notices written
# for them in tests/tools/ (fictional; gold labels in <id>.json). The checks
# use tests/tools/reports.jsonl, a saved `jikenbo classify` output, so they do
# not move when the rules change; one run of each tool against the built
# binary checks the default mode. Fails loudly on the first wrong result.
set -euo pipefail
cd "$(dirname "$0")/.."
FIX=tests/tools
REP=$FIX/reports.jsonl
BIN=target/release/jikenbo
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "test-tools: FAIL: $*" >&2; exit 1; }
check() { python3 -c "$1" "$tmp/out" || fail "$2"; }

for tool in eval mine_cues; do
  python3 scripts/$tool.py --help > "$tmp/out" || fail "$tool.py --help exits non-zero"
  grep -q "usage:" "$tmp/out" || fail "$tool.py --help prints no usage"
done

# --- eval.py -----------------------------------------------------------------
python3 scripts/eval.py --reports "$REP" --json "$FIX" > "$tmp/out"
check '
import json, sys
r = json.load(open(sys.argv[1]))
assert r["notices"] == 5, r["notices"]
a = r["set_fields"]["attack_types"]
assert a["ids"]["phishing"] == {"tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6667}, a["ids"]["phishing"]
assert a["micro"]["tp"] == 5 and a["micro"]["fn"] == 1 and a["micro"]["fp"] == 0, a["micro"]
p = r["set_fields"]["reported_to"]["ids"]["police"]
assert (p["tp"], p["fp"], p["fn"]) == (0, 1, 0), p
e = r["exact_fields"]
assert e["leak_status"]["accuracy"] == 0.8, e["leak_status"]
assert {"gold": "\"confirmed\"", "got": "\"possible\"", "n": 1} in e["leak_status"]["confusion"]
assert e["affected_count"]["accuracy"] == 1.0 and e["ppc_report_required"]["accuracy"] == 0.8
m = {(x["file"], x["field"], x.get("id")): x for x in r["misses"]}
assert set(m) == {("n2", "attack_types", "phishing"), ("n2", "leak_status", None),
                  ("n2", "ppc_report_required", None), ("n3", "reported_to", "police")}, sorted(m)
leak = m[("n2", "leak_status", None)]
assert leak["gold"] == "confirmed" and leak["got"] == "possible", leak
assert [x["text"] for x in leak["evidence"]] == ["知られた可能性"], leak["evidence"]
# n3 has a character outside the BMP before the evidence: UTF-16 offsets must be honoured.
police = m[("n3", "reported_to", "police")]
assert [x["text"] for x in police["evidence"]] == ["警察に遺失届", "遺失届"], police["evidence"]
' "eval.py --json: wrong figures or misses"

python3 scripts/eval.py --reports "$REP" "$FIX" > "$tmp/out"
check '
import sys
t = open(sys.argv[1]).read()
for want in ["== attack_types  micro P 1.000 R 0.833 F1 0.909", "== misses (4)",
             "n2 leak_status   gold \"confirmed\" got \"possible\"", "「知られた可能性」",
             "n3 reported_to fp police", "「遺失届」", "== leak_status  accuracy 0.800"]:
    assert want in t, want
' "eval.py text report: a line is missing"

python3 scripts/eval.py --reports "$REP" --fields reported_to "$FIX" > "$tmp/out"
check '
import sys
t = open(sys.argv[1]).read()
assert "== misses (1)" in t and "n2 leak_status" not in t, t[-400:]
' "eval.py --fields does not filter the misses"

if python3 scripts/eval.py --reports "$REP" "$FIX" "$FIX" > /dev/null 2>&1; then
  fail "eval.py accepts the same ids twice"
fi

if [ -x "$BIN" ]; then
  python3 scripts/eval.py --json "$FIX" > "$tmp/out"
  check '
import json, sys
r = json.load(open(sys.argv[1]))
assert r["notices"] == 5 and not r["missing_reports"], r["missing_reports"]
' "eval.py (running the classifier) lost a report"
fi

# --- mine_cues.py --------------------------------------------------------------
python3 scripts/mine_cues.py --label attack_types=phishing --reports "$REP" --top 100 --json "$FIX" > "$tmp/out"
check '
import json, sys
r = json.load(open(sys.argv[1]))
assert (r["with"], r["without"]) == (2, 3), r
c = {x["ngram"]: x for x in r["candidates"]}
# In both phishing notices, in no other: the best-scored candidates.
assert c["取引先を"]["pos"] == 2 and c["取引先を"]["neg"] == 0, c.get("取引先を")
best = r["candidates"][0]["score"]
assert c["取引先を"]["score"] == best, (best, c["取引先を"])
# n1 spells the phishing cue with 偽装メール...: masked as evidence, so 偽装 is
# left in n2 alone and is below the minimum support.
assert not any("偽装" in g for g in c), [g for g in c if "偽装" in g]
assert not any("添付ファイル" in g for g in c), [g for g in c if "添付" in g]
# Scores are the smoothed log-odds: log((2+.5)/(0+.5)) - log((0+.5)/(3+.5)).
import math
assert abs(best - (math.log(2.5 / 0.5) - math.log(0.5 / 3.5))) < 1e-3, best
# No two listed candidates are fragments of one phrase with equal support.
assert "取引先" not in c, "a fragment of 取引先を is listed"
' "mine_cues.py: wrong candidates for phishing"

python3 scripts/mine_cues.py --label attack_types=phishing --no-evidence --top 100 --json "$FIX" > "$tmp/out"
check '
import json, sys
c = {x["ngram"]: x for x in json.load(open(sys.argv[1]))["candidates"]}
assert any("偽装" in g and c[g]["pos"] == 2 for g in c), sorted(c)[:20]
' "mine_cues.py --no-evidence: the unmasked n-gram 偽装 is missing"

python3 scripts/mine_cues.py --all attack_types --reports "$REP" --top 3 "$FIX" > "$tmp/out"
check '
import sys
t = open(sys.argv[1]).read()
for want in ["== attack_types=loss  (2 notices with it, 3 without)", "== attack_types=misdelivery  (1 notices with it, 4 without)",
             "== attack_types=phishing  (2 notices with it, 3 without)"]:
    assert want in t, want
' "mine_cues.py --all: a label is missing"

python3 scripts/mine_cues.py --label leak_status=none --reports "$REP" --min-support 1 --json "$FIX" > "$tmp/out"
check '
import json, sys
r = json.load(open(sys.argv[1]))
assert (r["with"], r["without"]) == (1, 4) and r["candidates"], r
' "mine_cues.py: an exact-field label finds nothing"

if [ -x "$BIN" ]; then
  python3 scripts/mine_cues.py --label attack_types=loss --top 5 "$FIX" > "$tmp/out" || fail "mine_cues.py (running the classifier) failed"
fi

echo "test-tools: eval.py and mine_cues.py passed"
