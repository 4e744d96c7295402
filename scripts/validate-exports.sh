#!/usr/bin/env bash
# `make test-exports`: validates the VERIS, STIX, MISP and CSV exports of
# every notice with well-kept validators.
#   1. a venv in target/pyenv (made once, remade when the pins change) with
#      the versions pinned in scripts/requirements-exports.txt: Python
#      `jsonschema` (the VERIS schema is JSON Schema draft-04) and the OASIS
#      `stix2-validator`;
#   2. tests/export.rs writes the exports of every notice (invented ones,
#      tests/fixtures, ../shared/corpus when present) to target/export-check;
#   3. scripts/validate_exports.py validates them; it fails when a file is
#      invalid and when a kind of export validated zero files.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
VENV=target/pyenv
REQ=scripts/requirements-exports.txt

if ! cmp -s "$REQ" "$VENV/.requirements" 2>/dev/null || ! "$VENV/bin/python" -c 'import jsonschema, stix2validator' 2>/dev/null; then
  echo "== venv $VENV (pip install -r $REQ)"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQ"
  cp "$REQ" "$VENV/.requirements"
fi

export JIKENBO_EXPORT_DIR="$PWD/target/export-check"
rm -rf "$JIKENBO_EXPORT_DIR"
echo "== cargo test --release --test export (writes $JIKENBO_EXPORT_DIR)"
cargo test --release --quiet --test export every_notice_exports_and_is_written_for_validation

echo "== validate (jsonschema $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("jsonschema"))'), stix2-validator $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("stix2-validator"))'))"
"$VENV/bin/python" scripts/validate_exports.py "$JIKENBO_EXPORT_DIR" ../shared/vendor/veris/verisc-merged.json
