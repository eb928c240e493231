#!/bin/sh
# OpenStreetMap extraction side by side on one generated regional file, whole processes
# measured with /usr/bin/time -v (wall time, CPU, peak memory):
#   1. Maillage with libosmium (bench_extraction FILE)
#   2. osmium tags-filter w/highway (the anchor: libosmium's own tool, two passes, writes PBF)
#   3. Maillage with GDAL's OSM driver (bench_extraction --gdal FILE), unless SKIP_GDAL=1
#
#   bench/compare_osm_readers.sh BUILD_DIR [MILLION_NODES] [RUNS]
#
# The file is generated once under BUILD_DIR/bench-data (never committed) by generate_osm.
set -eu
build=${1:?usage: compare_osm_readers.sh BUILD_DIR [MILLION_NODES] [RUNS]}
millions=${2:-40}
runs=${3:-3}
data="$build/bench-data"
file="$data/generated-${millions}m.osm.pbf"
mkdir -p "$data"
[ -f "$file" ] || "$build/bench/generate_osm" "$millions" "$file"
ls -l "$file"

measure() {
    label=$1; shift
    log=$(mktemp)
    /usr/bin/time -v "$@" >/dev/null 2>"$log" || { echo "$label: failed"; tail -5 "$log"; rm -f "$log"; return; }
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    user=$(sed -n 's/.*User time (seconds): //p' "$log")
    sys=$(sed -n 's/.*System time (seconds): //p' "$log")
    peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    printf '| %s | %s | %s | %s | %s |\n' "$label" "$wall" "$user" "$sys" "$((peak / 1024))"
    rm -f "$log"
}

echo "| reader | wall (m:ss) | user s | sys s | peak MB |"
echo "|---|---:|---:|---:|---:|"
run=1
while [ "$run" -le "$runs" ]; do
    measure "Maillage, libosmium" "$build/bench/bench_extraction" "$file"
    if command -v osmium >/dev/null; then
        measure "osmium tags-filter w/highway" osmium tags-filter -O -o "$data/highways.osm.pbf" "$file" w/highway
    fi
    if [ "${SKIP_GDAL:-0}" != 1 ] && [ "$run" -eq 1 ]; then
        measure "Maillage, GDAL OSM driver" "$build/bench/bench_extraction" --gdal "$file"
    fi
    run=$((run + 1))
done
rm -f "$data/highways.osm.pbf"
