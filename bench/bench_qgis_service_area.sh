#!/bin/sh
# The anchor of issue 13: QGIS's "Service area (from layer)" (native:serviceareafromlayer) on
# the same roads and France services as `maillage coverage`, whole process measured with
# /usr/bin/time -v (wall time, CPU, peak memory), RUNS times. Skipped, with a message and
# exit 0, when qgis_process is not installed (apt-get install qgis).
#
#   bench/bench_qgis_service_area.sh [RUNS = 3]
#
# Inputs, from the shared data (MAILLAGE_SHARED_DATA, default ../shared/data): the detailed
# OpenStreetMap roads of the 04 (04/routes-osm-04.gpkg, field oneway) and the France services
# list (04/france-services-2024.csv, latitude/longitude), made into a point layer by ogr2ogr
# in a temporary folder. Fastest path, 20 minutes (0.3333 h), one-way roads honoured
# (oneway = yes forward; the file has only yes and no), a default speed of 60 km/h: QGIS has no class speed
# table, so it computes less than Maillage does; it is the time of the tool, not its answer,
# that is compared.
set -eu
runs=${1:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
data=${MAILLAGE_SHARED_DATA:-$here/../shared/data}
if ! command -v qgis_process >/dev/null 2>&1; then
    echo "qgis_process not found: QGIS's service area is not measured (apt-get install qgis)"
    exit 0
fi
roads="$data/04/routes-osm-04.gpkg"
list="$data/04/france-services-2024.csv"
for f in "$roads" "$list"; do
    [ -f "$f" ] || { echo "missing input $f (set MAILLAGE_SHARED_DATA)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ogr2ogr -f GPKG "$work/france-services.gpkg" "$list" -nln france_services \
    -oo X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude -oo KEEP_GEOM_COLUMNS=NO -a_srs EPSG:4326

echo "QGIS $(qgis_process --version 2>/dev/null | head -1): native:serviceareafromlayer, $runs runs"
printf '| run | wall (m:ss) | user s | sys s | peak MB |\n|---|---:|---:|---:|---:|\n'
i=1
while [ "$i" -le "$runs" ]; do
    log="$work/time-$i"
    /usr/bin/time -v qgis_process run native:serviceareafromlayer -- \
        INPUT="$roads" STRATEGY=1 DIRECTION_FIELD=oneway VALUE_FORWARD=yes VALUE_BACKWARD=-1 \
        DEFAULT_DIRECTION=2 DEFAULT_SPEED=60 TOLERANCE=0 START_POINTS="$work/france-services.gpkg" \
        TRAVEL_COST2=0.3333 INCLUDE_BOUNDS=false OUTPUT_LINES="$work/service-area-$i.gpkg" \
        >"$work/out-$i" 2>"$log" || { echo "run $i failed:"; tail -5 "$log"; exit 1; }
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    user=$(sed -n 's/.*User time (seconds): //p' "$log")
    sys=$(sed -n 's/.*System time (seconds): //p' "$log")
    peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    printf '| %s | %s | %s | %s | %s |\n' "$i" "$wall" "$user" "$sys" "$((peak / 1024))"
    i=$((i + 1))
done
