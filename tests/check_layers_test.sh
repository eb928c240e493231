#!/usr/bin/env bash
# scripts/check-layers.sh passes on the tree and fails, naming file and line, when a core/
# folder includes a layer above it or a sibling (render and report do not see each other).
set -euo pipefail
source_root="$(cd "$(dirname "$0")/.." && pwd)"
check="$source_root/scripts/check-layers.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$check" "$source_root" >/dev/null || { echo "FAIL: the tree itself has an upward include"; "$check" "$source_root"; exit 1; }

expect_caught() {  # <file under core/> <include line> <expected message part>
    rm -rf "$work/core" && cp -r "$source_root/core" "$work/core"
    printf '%s\n' "$2" >>"$work/core/$1"
    if output=$("$check" "$work" 2>&1); then
        echo "FAIL: $1 including '$2' was not caught"; exit 1
    fi
    grep -qF "$3" <<<"$output" || { echo "FAIL: unexpected message for $1: $output"; exit 1; }
}
expect_caught store/store.cpp '#include "network/road_graph.h"' "core/store/store.cpp:"
expect_caught io/csv_table.h '#include "importers/point_importers.h"' "core/io may not include importers/"
expect_caught render/labels.cpp '#include "report/geopackage_export.h"' "core/render may not include report/"
expect_caught geo/crs.cpp '  #  include "project/project_settings.h"' "core/geo may not include project/"

# A folder nobody declared is refused too: it must say where it stands.
rm -rf "$work/core" && cp -r "$source_root/core" "$work/core" && mkdir "$work/core/newfolder"
if "$check" "$work" >/dev/null 2>&1; then echo "FAIL: an undeclared folder was accepted"; exit 1; fi
echo "check-layers catches upward includes"
