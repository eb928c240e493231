#!/usr/bin/env bash
# Fails when a file of core/ includes a header of a folder above its own.
#
# The layers and what each may use are declared once, in core/CMakeLists.txt
# (`maillage_layer(<folder> USES <lower folder>...)`); a folder sees the folders it uses and,
# through them, everything below. The build enforces the same order (each layer compiles
# against its own view of core/); this check says it without building, with file and line.
#
# Usage: scripts/check-layers.sh [source root]   (default: the repository holding this script)
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
declarations="$root/core/CMakeLists.txt"
[[ -f "$declarations" ]] || { echo "check-layers: $declarations not found" >&2; exit 2; }

declare -A uses=()    # folder -> the folders it declares it uses
declare -a order=()
while read -r folder rest; do
    order+=("$folder")
    # Keep what follows USES up to the next keyword (LIBS) or the end of the call.
    used=$(sed -E -n 's/.*USES(( +[a-z_]+)*).*/\1/p' <<<" $rest")
    uses[$folder]="$used"
done < <(sed -E -n 's/^ *maillage_layer\( *([a-z_]+)([^)]*)\).*/\1 \2/p' "$declarations")
[[ ${#order[@]} -gt 0 ]] || { echo "check-layers: no maillage_layer() in $declarations" >&2; exit 2; }

declare -A visible=()  # folder -> " own folder and everything below it "
for folder in "${order[@]}"; do
    seen=" $folder "
    for used in ${uses[$folder]}; do
        [[ -n "${visible[$used]+x}" ]] || { echo "check-layers: $folder uses $used, declared above it" >&2; exit 2; }
        for name in ${visible[$used]}; do [[ "$seen" == *" $name "* ]] || seen+="$name "; done
    done
    visible[$folder]="$seen"
done

status=0
for dir in "$root"/core/*/; do
    folder=$(basename "$dir")
    if [[ -z "${visible[$folder]+x}" ]]; then
        echo "core/$folder: not a declared layer (add maillage_layer($folder USES …) to core/CMakeLists.txt)"
        status=1
        continue
    fi
    # Every #include "<folder>/<file>" naming a core folder this one may not see.
    while IFS=: read -r file line text; do
        target=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([a-z_]+)\/.*/\1/' <<<"$text")
        [[ -d "$root/core/$target" ]] || continue          # not a core header
        [[ "${visible[$folder]}" == *" $target "* ]] && continue
        echo "${file#"$root"/}:$line: core/$folder may not include $target/ (a layer above it): $text"
        status=1
    done < <(grep -rnE --include='*.h' --include='*.cpp' '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[a-z_]+/' "$dir" || true)
done
[[ $status -eq 0 ]] && echo "check-layers: core/ folders include only their own layer and those below (${order[*]})"
exit $status
