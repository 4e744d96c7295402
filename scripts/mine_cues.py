#!/usr/bin/env python3
"""Mine cue candidates for a label from labelled notices.

usage: scripts/mine_cues.py --label FIELD=VALUE [options] DIR [DIR ...]
       scripts/mine_cues.py --all FIELD [options] DIR [DIR ...]

Each DIR holds <id>.txt notices with their gold <id>.json. For the label
(attack_types=phishing, data_categories=employment, leak_status=confirmed,
operational=high, ...) the notices are split into those WITH the label and
those without. Every character n-gram (--min-n..--max-n characters, within
one sentence, over a lightly normalised text: NFKC, ASCII lower-cased,
spaces between non-ASCII characters removed) is counted once per notice, and
scored by its smoothed log-odds of appearing in a labelled notice rather
than in another:

    log((a + k) / (P - a + k)) - log((b + k) / (N - b + k))

(a of the P labelled notices and b of the N others contain it; k =
--smoothing). N-grams seen in fewer than --min-support labelled notices are
dropped, and so are n-grams the rules already cover: in the labelled
notices, the evidence spans the classifier reports for this label (from
--reports, or by running target/release/jikenbo classify) are masked before
counting, so no n-gram touching them counts. Fragments of a phrase already
listed (contained in it, containing it, or overlapping its end by three or
more characters) are listed only when better supported. The ranked list is
for a person to read: each line gives score, a/P, b/N, the n-gram and one
context.

Only the Python 3 standard library is used.
"""
import argparse
import importlib.util
import math
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("jikenbo_eval", os.path.join(HERE, "eval.py"))
ev = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ev)

SENTENCE_END = re.compile(r"[。!?！？\n]")
NO_CONTENT = re.compile(r"^[\s0-9０-９.,、。・:：()（）「」『』【】\[\]\-ー―~〜/※*#]+$")


def normalise(text):
    """NFKC, ASCII lower-cased, whitespace between non-ASCII characters removed."""
    t = unicodedata.normalize("NFKC", text)
    t = "".join(c.lower() if c.isascii() else c for c in t)
    return re.sub(r"(?<=[^\x00-\x7f])[ \t\u3000]+(?=[^\x00-\x7f])", "", t)


def ngrams(text, lo, hi):
    """The set of n-grams (lo..hi characters) inside the sentences of text."""
    out = set()
    for sent in SENTENCE_END.split(text):
        sent = sent.strip()
        for i in range(len(sent)):
            for n in range(lo, hi + 1):
                if i + n > len(sent):
                    break
                g = sent[i:i + n]
                if "\x00" in g or g[0].isspace() or g[-1].isspace() or NO_CONTENT.match(g):
                    continue
                out.add(g)
    return out


def has_label(gold, field, value):
    v = gold.get(field)
    if isinstance(v, list):
        return value in v
    return str(v).lower() == value.lower() if v is not None else value in ("null", "none")


def label_values(items, field):
    vals = set()
    for _, _, g in items:
        v = g.get(field)
        if isinstance(v, list):
            vals.update(v)
        elif v is not None:
            vals.add(str(v).lower() if isinstance(v, bool) else str(v))
    return sorted(vals)


def evidence_spans(report, field, value):
    """UTF-16 (start, end) spans of the evidence the report gives for field=value."""
    if report is None:
        return []
    if field in ev.SET_FIELDS:
        spans = ev.evidence_for(report, field, value)
    elif field == "leak_status" and (report.get("leakStatus") or {}).get("value") == value:
        spans = ev.evidence_for(report, field)
    else:
        return []
    return [(s, e) for _, s, e in spans]


def mask(raw, spans):
    """raw with the characters of the UTF-16 spans replaced by NUL, which no n-gram may contain."""
    if not spans:
        return raw
    units = bytearray(raw.encode("utf-16-le"))
    for s, e in spans:
        units[2 * s:2 * e] = b"\x00\x00" * (e - s)
    return units.decode("utf-16-le", errors="replace")


def same_phrase(g, k):
    if g in k or k in g:
        return True
    for n in range(min(len(g), len(k)) - 1, 2, -1):
        if g.endswith(k[:n]) or k.endswith(g[:n]):
            return True
    return False


def mine(items, reports, field, value, lo, hi, min_support, k, top):
    pos_df, neg_df = defaultdict(int), defaultdict(int)
    example = {}
    P = N = 0
    for stem, txt, gold in items:
        with open(txt, encoding="utf-8") as f:
            raw = f.read()
        if has_label(gold, field, value):
            P += 1
            # What the rules already found for this label is masked out.
            text = normalise(mask(raw, evidence_spans(reports.get(stem), field, value)))
            for g in ngrams(text, lo, hi):
                pos_df[g] += 1
                example.setdefault(g, (stem, text))
        else:
            N += 1
            for g in ngrams(normalise(raw), lo, hi):
                neg_df[g] += 1
    if P == 0:
        return P, N, []

    def score(a, b):
        return math.log((a + k) / (P - a + k)) - math.log((b + k) / (N - b + k))

    cands = []
    for g, a in pos_df.items():
        if a < min_support:
            continue
        b = neg_df.get(g, 0)
        cands.append((score(a, b), a, b, g))
    cands.sort(key=lambda x: (-x[0], -len(x[3]), x[3]))
    kept = []
    for s, a, b, g in cands:
        if s <= 0:
            break
        # Fragments of a phrase already listed (contained in it, containing it,
        # or overlapping its end by 3+ characters) with no more support add nothing.
        if any(a <= ka and same_phrase(g, kg) for _, ka, kb, kg in kept):
            continue
        kept.append((s, a, b, g))
        if len(kept) >= top:
            break
    out = []
    for s, a, b, g in kept:
        stem, text = example[g]
        text = text.replace("\x00", "_")
        i = text.find(g)
        ctx = text[max(0, i - 12):i + len(g) + 12].replace("\n", " ")
        out.append({"score": round(s, 3), "pos": a, "neg": b, "ngram": g, "example": stem, "context": ctx})
    return P, N, out


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="mine_cues.py",
        description="Rank character n-grams over-represented in notices with a label (smoothed log-odds), "
                    "minus what the rules' evidence already covers: cue candidates for a person to review.",
        epilog="examples:\n"
               "  scripts/mine_cues.py --label attack_types=phishing ../shared/corpus/train\n"
               "  scripts/mine_cues.py --all attack_types --top 8 ../shared/corpus/train ../shared/corpus/dev\n"
               "  scripts/mine_cues.py --label leak_status=confirmed --reports r.jsonl DIR\n",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", metavar="DIR", help="folder of labelled notices (<id>.txt + <id>.json)")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--label", metavar="FIELD=VALUE", help="the label to mine for, e.g. attack_types=phishing")
    g.add_argument("--all", metavar="FIELD", help="mine every value of FIELD seen in the gold labels")
    ap.add_argument("--reports", metavar="JSONL", help="classifier reports for the evidence (default: run the classifier)")
    ap.add_argument("--bin", default=ev.DEFAULT_BIN, help="the jikenbo binary (default: %(default)s)")
    ap.add_argument("--no-evidence", action="store_true", help="do not remove n-grams the classifier's evidence covers")
    ap.add_argument("--min-n", type=int, default=2, help="shortest n-gram (default: %(default)s)")
    ap.add_argument("--max-n", type=int, default=8, help="longest n-gram (default: %(default)s)")
    ap.add_argument("--min-support", type=int, default=2, help="least labelled notices an n-gram must occur in (default: %(default)s)")
    ap.add_argument("--smoothing", type=float, default=0.5, help="k of the log-odds (default: %(default)s)")
    ap.add_argument("--top", type=int, default=25, help="candidates listed per label (default: %(default)s)")
    ap.add_argument("--json", action="store_true", help="print one JSON object per label")
    a = ap.parse_args(argv)
    if not 1 <= a.min_n <= a.max_n:
        ap.error("need 1 <= --min-n <= --max-n")
    for d in a.dirs:
        if not os.path.isdir(d):
            ap.error("not a folder: %s" % d)
    items = ev.load_items(a.dirs)
    if not items:
        ap.error("no labelled notices (<id>.txt + <id>.json) in %s" % " ".join(a.dirs))
    if a.label:
        if "=" not in a.label:
            ap.error("--label wants FIELD=VALUE")
        field, value = a.label.split("=", 1)
        labels = [(field, value)]
    else:
        field = a.all
        labels = [(field, v) for v in label_values(items, field)]
        if not labels:
            ap.error("no values of %s in the gold labels" % field)
    if a.no_evidence:
        reports = {}
    elif a.reports:
        reports = ev.load_reports(a.reports)
    else:
        reports = ev.run_classifier(a.bin, a.dirs)
    import json
    for field, value in labels:
        P, N, cands = mine(items, reports, field, value, a.min_n, a.max_n, a.min_support, a.smoothing, a.top)
        if a.json:
            print(json.dumps({"label": "%s=%s" % (field, value), "with": P, "without": N, "candidates": cands},
                             ensure_ascii=False))
            continue
        print("== %s=%s  (%d notices with it, %d without)" % (field, value, P, N))
        if not cands:
            print("   (no candidate)")
        for i, c in enumerate(cands, 1):
            print("%3d %7.3f  %2d/%d %2d/%d  %-16s  %s: …%s…" % (
                i, c["score"], c["pos"], P, c["neg"], N, c["ngram"], c["example"], c["context"]))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
