#!/usr/bin/env bash
# Shows that the reports of the working tree are byte-identical to those of
# another commit (default: the last commit, HEAD) on every corpus folder of
# ../shared/corpus and on tests/fixtures, and on the raw seed file.
#
#   scripts/same-reports.sh [REV]      e.g. scripts/same-reports.sh main~3
#
# The other commit is built in a throw-away worktree with its own target
# directory (target/same-reports/, kept between runs so that a second run
# is quick). Exit status 0 when every folder gives the same bytes; 1 and a
# diff summary naming the first differing notices otherwise. A corpus that
# is absent (no ../shared) is named as skipped; tests/fixtures always runs,
# so the comparison never covers nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
rev=${1:-HEAD}
sha=$(git rev-parse --verify "$rev^{commit}")
work=target/same-reports
mkdir -p "$work"
tree="$work/tree-$sha"
if [ ! -x "$work/bin-$sha" ]; then
  rm -rf "$tree"
  git worktree add --detach --force "$tree" "$sha" >/dev/null 2>&1
  echo "same-reports: building $rev ($sha) in $tree" >&2
  (cd "$tree" && CARGO_TARGET_DIR="$PWD/../target-base" cargo build --release --quiet --bin jikenbo)
  cp "$work/target-base/release/jikenbo" "$work/bin-$sha"
  git worktree remove --force "$tree"
fi
echo "same-reports: building the working tree" >&2
cargo build --release --quiet --bin jikenbo
new=target/release/jikenbo
old="$work/bin-$sha"

dirs=(tests/fixtures)
for d in ../shared/corpus/*/; do [ -d "$d" ] && dirs+=("${d%/}"); done
[ ${#dirs[@]} -gt 1 ] || echo "same-reports: note: ../shared/corpus is absent; only tests/fixtures is compared" >&2
status=0
compared=0
for d in "${dirs[@]}"; do
  a=$(mktemp) b=$(mktemp)
  "$old" classify "$d" >"$a"
  "$new" classify "$d" >"$b"
  n=$(wc -l <"$a")
  compared=$((compared + n))
  if cmp -s "$a" "$b"; then
    echo "same   $d ($n reports)"
  else
    status=1
    # the first notices whose lines differ
    first=$(paste -d'\n' "$a" "$b" | awk 'NR%2==1{x=$0} NR%2==0 && $0!=x {print}' |
      sed -n 's/.*"file":"\([^"]*\)".*/\1/p' | head -5 | tr '\n' ' ')
    echo "DIFFER $d: $first"
  fi
  rm -f "$a" "$b"
done
for f in ../shared/seed/*; do
  [ -f "$f" ] || continue
  if cmp -s <("$old" classify "$f") <("$new" classify "$f"); then echo "same   $f"; else status=1; echo "DIFFER $f"; fi
done
[ "$compared" -gt 0 ] || { echo "same-reports: FAILED: compared no report" >&2; exit 1; }
[ $status -eq 0 ] && echo "same-reports: all $compared reports byte-identical to $rev" || echo "same-reports: reports differ from $rev" >&2
exit $status
