#!/usr/bin/env bash
# Fails when a C++ file of the repository is not as clang-format writes it (.clang-format at
# the root; clang-format 14, the version Debian 12 ships). Lists the files and how to fix them.
#
# Usage: scripts/check-format.sh          check (CI)
#        scripts/check-format.sh --fix    rewrite the files in place
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "check-format: clang-format not found (scripts/install-deps.sh)" >&2; exit 2; }
# The fuzzers' regression inputs are data, not code.
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null | grep -v '^tests/fuzz/regressions/' ||
                     find app core tests bench -name '*.cpp' -o -name '*.h')
if [[ "${1:-}" == "--fix" ]]; then
    clang-format -i "${files[@]}"
    exit 0
fi
unformatted=()
for file in "${files[@]}"; do
    clang-format --dry-run --Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done
if (( ${#unformatted[@]} )); then
    echo "check-format: ${#unformatted[@]} file(s) differ from .clang-format:" >&2
    printf '  %s\n' "${unformatted[@]}" >&2
    echo "run scripts/check-format.sh --fix (or clang-format -i FILE) and commit" >&2
    exit 1
fi
echo "check-format: ${#files[@]} files formatted as .clang-format says"
