#!/usr/bin/env bash
# Runs each libFuzzer target (tests/fuzz/) for FUZZ_SECONDS (default 20) from a seed corpus made
# at run time from small slices of ../shared/data (never copied into the repository), after the
# inputs kept in tests/fuzz/regressions/. Fails on any crash, sanitizer report, leak or timeout;
# the input is then left in build-sanitize/fuzz/crashes/; FUZZ_TARGETS limits the targets run.
# (clang); skipped with a message without clang. Prints executions and coverage per target.
set -euo pipefail
cd "$(dirname "$0")/.."
CLANG=${CLANG:-clang++-14}
if ! command -v "$CLANG" >/dev/null; then
  echo "fuzz: $CLANG not found: fuzzing skipped" >&2
  exit 0
fi
BUILD=${SANITIZE_BUILD_DIR:-build-sanitize}
SECONDS_EACH=${FUZZ_SECONDS:-20}
# FUZZ_TARGETS="osm insee_square_id" runs only those (all by default).
TARGETS=(${FUZZ_TARGETS:-csv_table point_csv opening_hours speed_profile closure_preset point_layer line_network osm
  prepared_network insee_square_id})
cmake --build "$BUILD" --parallel "${JOBS:-$(nproc)}" --target "${TARGETS[@]/#/fuzz_}" fuzz_prepared_network_seed

DATA=${MAILLAGE_SHARED_DATA:-}
[ -n "$DATA" ] || DATA=$(sed -n 's/^MAILLAGE_SHARED_DATA:[A-Z]*=//p' "$BUILD/CMakeCache.txt")
WORK="$BUILD/fuzz"
rm -rf "$WORK/corpus"
mkdir -p "$WORK/corpus" "$WORK/crashes"

# Seeds: the first lines of each real file, and a few hand-made odd cases.
seed() { mkdir -p "$WORK/corpus/$1"; cat > "$WORK/corpus/$1/$2"; }
for f in mairies-04 france-services-2024 laposte-2020 operateurs-04; do
  head -n 12 "$DATA/04/$f.csv" | seed csv_table "$f"
done
printf 'a;b\n"x;y";"z""w"\r\n\n1;2' | seed csv_table quoted
{ printf '\x00'; head -n 8 "$DATA/04/mairies-04.csv"; } | seed point_csv mairies
{ printf '\x01'; head -n 6 "$DATA/04/france-services-2024.csv"; } | seed point_csv france-services
{ printf '\x02'; head -n 8 "$DATA/04/laposte-2020.csv"; } | seed point_csv laposte
{ printf '\x03'; printf 'id,name,kind,level,latitude,longitude\n1,Mairie,mairie,1,44.09,6.23\n2,CAF,caf,3,"43,9",6.1\n'; } | seed point_csv generic
# Opening hours: the day columns of the ANCT list.
python3 - "$DATA/04/france-services-2024.csv" "$WORK/corpus/opening_hours" <<'PY'
import csv, os, sys
os.makedirs(sys.argv[2], exist_ok=True)
seen = set()
with open(sys.argv[1], encoding='utf-8', newline='') as f:
    for row in csv.reader(f, delimiter=';' if f.readline().count(';') > 1 else ','):
        for cell in row:
            if ':' in cell and '-' in cell and cell not in seen and len(seen) < 40:
                seen.add(cell)
for i, text in enumerate(sorted(seen)):
    open(os.path.join(sys.argv[2], str(i)), 'w', encoding='utf-8').write(text)
PY
printf '9h-12h / 14h-17h30' | seed opening_hours french
for p in data/profiles/*.json; do seed speed_profile "$(basename "$p")" < "$p"; done
for p in data/closures/*.json; do seed closure_preset "$(basename "$p")" < "$p"; done
# Points: 20 town halls as GeoJSON and as GeoPackage, written by GDAL from the real CSV.
tmp=$(mktemp -d)
head -n 21 "$DATA/04/mairies-04.csv" > "$tmp/m.csv"
ogr2ogr -q -f GeoJSON "$tmp/m.geojson" "$tmp/m.csv" -oo X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude -a_srs EPSG:4326 -sql "SELECT insee_com AS id, nom AS name, 'mairie' AS kind, 1 AS level FROM m" 2>/dev/null || true
ogr2ogr -q -f GPKG "$tmp/m.gpkg" "$tmp/m.csv" -oo X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude -a_srs EPSG:4326 -nln points 2>/dev/null || true
[ -s "$tmp/m.geojson" ] && { printf '\x0e'; cat "$tmp/m.geojson"; } | seed point_layer geojson
[ -s "$tmp/m.gpkg" ] && { printf '\x0f'; cat "$tmp/m.gpkg"; } | seed point_layer gpkg
rm -rf "$tmp"
head -c 512 /dev/urandom | seed line_network random  # the target makes its own layers
printf '\x05\x03\x00\x00\x10\x10\x20\x00\x01\x02\x04\x00\x00\x10\x10\x05\x06\x07' | seed line_network crossing
# OpenStreetMap: a few car ways of Monaco with their nodes, as small XML files (first byte:
# 0 libosmium, 1 GDAL's driver; 2 and 3 the same with PBF), and a PBF slice of Andorra when
# osmium-tool is installed.
mkdir -p "$WORK/corpus/osm"
python3 - "$DATA/osm/monaco.osm.gz" "$WORK/corpus/osm" <<'PY'
import gzip, os, sys, xml.etree.ElementTree as ET
nodes, ways = {}, []
for _, element in ET.iterparse(gzip.open(sys.argv[1]), events=('end',)):
    if element.tag == 'node':
        nodes[element.get('id')] = (element.get('lat'), element.get('lon'))
    elif element.tag == 'way':
        tags = {t.get('k'): t.get('v') for t in element.findall('tag')}
        if 'highway' in tags:
            ways.append((element.get('id'), [n.get('ref') for n in element.findall('nd')], tags))
    if element.tag in ('node', 'way', 'relation'):
        element.clear()
def escape(text):
    return text.replace('&', '&amp;').replace('"', '&quot;').replace('<', '&lt;')
for seed in range(12):
    chosen = ways[seed * 37 % len(ways):][:2 + seed % 4]
    used = sorted({ref for _, refs, _ in chosen for ref in refs if ref in nodes}, key=int)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6">']
    lines += ['<node id="%s" lat="%s" lon="%s"/>' % (ref, *nodes[ref]) for ref in used]
    for way, refs, tags in chosen:
        lines.append('<way id="%s">' % way + ''.join('<nd ref="%s"/>' % r for r in refs)
                     + ''.join('<tag k="%s" v="%s"/>' % (escape(k), escape(v)) for k, v in tags.items()
                               if k in ('highway', 'oneway', 'junction', 'maxspeed', 'access', 'motor_vehicle', 'ref', 'area', 'amenity'))
                     + '</way>')
    lines.append('</osm>')
    open(os.path.join(sys.argv[2], 'monaco-%d' % seed), 'wb').write(bytes([seed % 2]) + '\n'.join(lines).encode())
PY
if command -v osmium >/dev/null; then
  tmp=$(mktemp -d)
  osmium extract -s simple -b 1.52,42.50,1.535,42.51 -o "$tmp/a.osm.pbf" "$DATA/osm/andorra.osm.pbf" >/dev/null 2>&1 \
    && { printf '\x02'; cat "$tmp/a.osm.pbf"; } | seed osm andorra-pbf
  rm -rf "$tmp"
else
  echo "fuzz: osmium-tool not installed: no PBF seed for osm" >&2
fi
# Prepared networks, written by the real writer from a small OSM file and a small line layer.
tmp=$(mktemp -d)
python3 -c 'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], "rb").read()[1:])' \
  "$WORK/corpus/osm/monaco-3" "$tmp/monaco.osm"
ogr2ogr -q -f GeoJSON "$tmp/digne.geojson" "$DATA/04/routes-04.geojson" -spat 6.20 44.06 6.27 44.12 2>/dev/null || true
mkdir -p "$WORK/corpus/prepared_network"
for roads in "$tmp/monaco.osm" "$tmp/digne.geojson"; do
  [ -s "$roads" ] && "$BUILD/tests/fuzz/fuzz_prepared_network_seed" "$roads" \
    "$WORK/corpus/prepared_network/$(basename "$roads").network"
done
rm -rf "$tmp"
# INSEE square ids: the first ids of the real grid file, and the 1 km and 2010 forms.
mkdir -p "$WORK/corpus/insee_square_id"
cut -d, -f1 "$DATA/04/filosofi-2021-carreaux-200m-04.csv" | sed -n '2,9p' | tr -d '"' | while read -r id; do
  printf '%s' "$id" | seed insee_square_id "$id"
done
printf 'CRS3035RES1000mN2290000E4010000' | seed insee_square_id 1km
printf ' crs3035res200mn2290000e4010000 ' | seed insee_square_id lower

status=0
report="$WORK/summary.txt"
: > "$report"
for target in "${TARGETS[@]}"; do
  program="$BUILD/tests/fuzz/fuzz_$target"
  if [ -d "tests/fuzz/regressions/$target" ]; then
    "$program" -runs=0 "tests/fuzz/regressions/$target" > "$WORK/$target.regressions.log" 2>&1 || {
      status=1; echo "fuzz: $target fails on a kept regression input" >&2; tail -n 40 "$WORK/$target.regressions.log" >&2; }
  fi
  mkdir -p "$WORK/corpus/$target" "$WORK/crashes/$target"
  if ASAN_OPTIONS="detect_leaks=1:halt_on_error=1" UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
     "$program" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$WORK/crashes/$target/" "$WORK/corpus/$target" \
       > "$WORK/$target.log" 2>&1; then
    result=ok
  else
    result=FAILED; status=1
    echo "fuzz: $target found a problem; input in $WORK/crashes/$target/:" >&2
    grep -A30 -m1 "ERROR\|runtime error\|deadly signal\|timeout" "$WORK/$target.log" >&2 || tail -n 30 "$WORK/$target.log" >&2
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$WORK/$target.log")
  cov=$(grep -o 'cov: [0-9]*' "$WORK/$target.log" | tail -n 1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$WORK/$target.log" | tail -n 1 | cut -d' ' -f2)
  corpus=$(ls "$WORK/corpus/$target" | wc -l)
  printf '%-16s %-6s %4s s  %9s execs  cov %6s  ft %6s  corpus %5s\n' "$target" "$result" "$SECONDS_EACH" \
    "${execs:-?}" "${cov:-?}" "${ft:-?}" "$corpus" | tee -a "$report"
done
exit $status
