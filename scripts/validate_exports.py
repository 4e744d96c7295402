"""Validates the exports tests/export.rs wrote (scripts/validate-exports.sh runs it).

    validate_exports.py EXPORT_DIR VERIS_SCHEMA

- veris/*.json  against the VERIS 1.4.1 schema (JSON Schema draft-04) with
  jsonschema's Draft4Validator;
- stix/*.json   with the OASIS stix2-validator (STIX 2.1): no error allowed;
  warnings are counted and listed by check name;
- misp/*.json   against the keys the MISP core format says MUST be there,
  and its category/type pairs;
- csv/all.csv   read with the csv module (utf-8-sig, RFC 4180) must give
  exactly csv/all.expected.json.

Fails (exit 1) on any invalid file and when any kind validated zero files
(VERIS is skipped with a note when its schema is absent).
"""

import collections
import csv
import json
import pathlib
import sys

import jsonschema
from stix2validator import ValidationOptions, validate_instance

EVENT_MUST = ["uuid", "info", "date", "threat_level_id", "analysis", "distribution", "published",
              "timestamp", "publish_timestamp", "org_id", "orgc_id"]
ATTRIBUTE_MUST = ["uuid", "event_id", "category", "type", "value", "to_ids", "distribution", "timestamp", "deleted"]
# The category/type pairs of the MISP core format this export uses.
CATEGORY_TYPES = {
    "Targeting data": {"target-user", "target-email", "target-machine", "target-org", "target-location",
                       "target-external", "comment", "anonymised"},
    "Other": {"comment", "text", "other", "counter", "integer", "datetime", "float", "boolean"},
    "External analysis": {"link", "comment", "text", "url"},
}


def veris(files, schema_path):
    if not schema_path.is_file():
        print(f"note: {schema_path} not found; VERIS files not validated")
        return 0, 0, True
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    bad = 0
    for f in files:
        errors = sorted(validator.iter_errors(json.loads(f.read_text(encoding="utf-8"))), key=lambda e: list(e.path))
        if errors:
            bad += 1
            for e in errors[:5]:
                print(f"VERIS {f.name}: {'/'.join(map(str, e.path)) or '$'}: {e.message}")
    return len(files) - bad, bad, False


def stix(files):
    opts = ValidationOptions(version="2.1")
    bad = 0
    warnings = collections.Counter()
    for f in files:
        result = validate_instance(json.loads(f.read_text(encoding="utf-8")), opts)
        for w in result.warnings:
            # "<id>: {103} Given ID value … is not a valid UUIDv4 ID." → "{103} Given ID value"
            text = str(w).split(": ", 1)[-1]
            warnings[" ".join(text.split()[:3])] += 1
        if not result.is_valid:
            bad += 1
            for e in result.errors:
                print(f"STIX {f.name}: {e}")
    if warnings:
        print("STIX warnings (SHOULD, not errors):", dict(warnings))
    return len(files) - bad, bad


def misp(files):
    bad = 0
    for f in files:
        problems = []
        doc = json.loads(f.read_text(encoding="utf-8"))
        ev = doc.get("Event")
        if not isinstance(ev, dict):
            problems.append("no Event object")
        else:
            problems += [f"Event lacks {k}" for k in EVENT_MUST if k not in ev]
            for k in ("threat_level_id", "analysis", "distribution", "timestamp", "publish_timestamp", "org_id", "orgc_id"):
                if not (isinstance(ev.get(k), str) and ev[k].isdigit()):
                    problems.append(f"Event.{k} is not a decimal string")
            if ev.get("threat_level_id") not in ("1", "2", "3", "4"):
                problems.append("threat_level_id not 1-4")
            if ev.get("analysis") not in ("0", "1", "2"):
                problems.append("analysis not 0-2")
            if ev.get("distribution") not in ("0", "1", "2", "3", "4"):
                problems.append("distribution not 0-4")
            if not isinstance(ev.get("published"), bool):
                problems.append("published is not a boolean")
            info = ev.get("info", "")
            if "\n" in info or len(info) > 256:
                problems.append("info has a newline or is over 256 characters")
            for a in ev.get("Attribute", []):
                problems += [f"Attribute lacks {k}" for k in ATTRIBUTE_MUST if k not in a]
                if a.get("type") not in CATEGORY_TYPES.get(a.get("category"), set()):
                    problems.append(f"{a.get('category')}/{a.get('type')} is not a valid category/type pair")
                if not isinstance(a.get("to_ids"), bool) or not isinstance(a.get("deleted"), bool):
                    problems.append("to_ids/deleted not booleans")
            for t in ev.get("Tag", []):
                name = t.get("name", "")
                if ":" not in name or name.startswith(":"):
                    problems.append(f"tag {name!r} is not a machine tag")
            if ev.get("attribute_count") != str(len(ev.get("Attribute", []))):
                problems.append("attribute_count differs from the attributes")
        if problems:
            bad += 1
            for p in problems[:5]:
                print(f"MISP {f.name}: {p}")
    return len(files) - bad, bad


def csv_check(path, expected_path):
    if not path.is_file():
        return 0, 0
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, strict=True))
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    if rows != expected:
        for i, (a, b) in enumerate(zip(rows, expected)):
            if a != b:
                print(f"CSV row {i}: read {a!r}, expected {b!r}")
                break
        if len(rows) != len(expected):
            print(f"CSV: {len(rows)} rows read, {len(expected)} expected")
        return 0, 1
    if not path.read_bytes().startswith(b"\xef\xbb\xbf"):
        print("CSV: no UTF-8 BOM although the test asked for one")
        return 0, 1
    print(f"CSV: {len(rows) - 1} notice rows read back")
    return 1, 0


def main():
    out = pathlib.Path(sys.argv[1])
    schema = pathlib.Path(sys.argv[2])
    counts = {}
    vp, vf, vskip = veris(sorted((out / "veris").glob("*.json")), schema)
    counts["VERIS"] = (vp, vf)
    counts["STIX"] = stix(sorted((out / "stix").glob("*.json")))
    counts["MISP"] = misp(sorted((out / "misp").glob("*.json")))
    counts["CSV"] = csv_check(out / "csv" / "all.csv", out / "csv" / "all.expected.json")
    failed = False
    for kind, (p, f) in counts.items():
        print(f"{kind}: {p} valid, {f} invalid")
        if f:
            failed = True
        if p + f == 0 and not (kind == "VERIS" and vskip):
            print(f"validate-exports: FAILED: no {kind} file was validated (did tests/export.rs run?)", file=sys.stderr)
            failed = True
    passed = sum(p for p, _ in counts.values())
    nfailed = sum(f for _, f in counts.values())
    print(f"validate-exports: {passed} passed, {nfailed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
