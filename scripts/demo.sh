#!/usr/bin/env bash
# The main job on the Alpes-de-Haute-Provence (04) data: installs what is needed, builds,
# creates a project from the reference data (with INSEE's 200 m population grid and the OSM
# buildings), imports the published point lists (with the third-level operators),
# prints what the territory and the store hold, then computes the 20-minute coverage of the
# France services (out/coverage-04.gpkg, CSV tables in out/coverage-04/) and its summary with
# the population beyond by the INSEE grid and the sensitivity table (every method, speeds ±10 %), and
# the map atlas in PDF (out/atlas-04.pdf).
# Roads: the detailed OpenStreetMap network of the 04 (routes-osm-04.gpkg, its `class` and
# `oneway` fields) with the calibrated osm profile (docs/CALIBRATION.md). Where no OSM data is
# at hand, the coarse classified roads work too: --network "$DATA/routes-04.geojson" --profile generalised.
# Data folder: ../shared/data (override with MAILLAGE_SHARED_DATA). Output: out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

# The same folder the build found (see cmake/FindSharedData.cmake).
DATA="$(sed -n 's/^MAILLAGE_SHARED_DATA:PATH=//p' build/CMakeCache.txt)/04"
[ -d "$DATA" ] || { echo "demo: no data folder $DATA (set MAILLAGE_SHARED_DATA)" >&2; exit 1; }
mkdir -p out
PROJECT=out/demo-04.gpkg
rm -f "$PROJECT" "$PROJECT-wal" "$PROJECT-shm" "$PROJECT-journal"
M=build/app/cli/maillage

$M init --project "$PROJECT" \
  --population-grid "$DATA/filosofi-2021-carreaux-200m-04.csv" --buildings "$DATA/batiments-osm-04.gpkg" \
  --communes "$DATA/limites-04.gpkg" --communes-layer commune \
  --epci "$DATA/limites-04.gpkg" --epci-layer epci \
  --outline "$DATA/limites-04.gpkg" --outline-layer departement \
  --network "$DATA/routes-osm-04.gpkg" --profile osm \
  --boundaries-source "IGN, ADMIN EXPRESS COG 2018" --population-source "INSEE, populations légales 2025" \
  --roads-source "© OpenStreetMap contributors, ODbL, 2021"
$M import --project "$PROJECT" "$DATA/mairies-04.csv" --credit "Communes et villes de France, 2025"
$M import --project "$PROJECT" "$DATA/france-services-2024.csv" --credit "ANCT, liste du 1er août 2024"
$M import --project "$PROJECT" "$DATA/laposte-2020.csv" --credit "La Poste, points de contact, 2020"
$M import --project "$PROJECT" "$DATA/operateurs-04.csv" --credit "DILA, Annuaire de l'administration (2016), Région Sud (2023)"
echo
$M info --project "$PROJECT"
echo
$M coverage --project "$PROJECT" --out out/coverage-04.gpkg --csv out/coverage-04 \
  --sensitivity
echo
# The same coverage as a print layout: the département, then one page per EPCI.
$M export-pdf --project "$PROJECT" --out out/atlas-04.pdf --atlas epci

# With a display, open the result in the desktop application; without one, the CLI summary above is the result.
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/app/gui/maillage-gui ]; then
  echo "Opening the 04 demo in the application..."
  build/app/gui/maillage-gui "$PROJECT" &
fi
