#!/usr/bin/env bash
# Writes PNGs of the application's main window on the 04 demo, without a display
# (Qt offscreen platform), for review: out/screenshots/*.png.
# Usage: scripts/screenshots.sh [build-dir]   (default: build; built if needed)
# Data folder: ../shared/data (override with MAILLAGE_SHARED_DATA).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
[ -f "$BUILD/build.ninja" ] || cmake -S . -B "$BUILD" -G Ninja >/dev/null
cmake --build "$BUILD" --target maillage-gui --parallel 2 >/dev/null
APP="$BUILD/app/gui/maillage-gui"
OUT=out/screenshots
mkdir -p "$OUT"

# A throw-away settings and data folder: the shots show the first-start layout and do not
# touch the user's own settings or demo project.
SANDBOX="$(mktemp -d)"
trap 'rm -rf "$SANDBOX"' EXIT
export XDG_CONFIG_HOME="$SANDBOX/config" XDG_DATA_HOME="$SANDBOX/data" QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="$SANDBOX/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

shot() {
  local name="$1"; shift
  # Each shot starts from the first-start layout and settings, and a demo built afresh (an
  # existing demo is opened as it is, with the plans of the shots before).
  rm -rf "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
  "$APP" --demo --size 1600x1000 --screenshot "$OUT/$name.png" "$@" 2>&1 | grep -v propagateSizeHints || true
}
shot main-fr                        # the demo as a planner first sees it
shot identify-fr --identify Seyne   # a commune beyond 20 minutes, clicked
shot main-en --lang en              # the English translation
shot level3-fr --identify Digne-les-Bains --level 3   # a level without points
# A planned France services placed at the town hall of Céreste-en-Luberon, beyond 20 min.
shot add-point-fr --identify Céreste-en-Luberon --add-point Céreste-en-Luberon
# Planning (issue 7): a winter plan with the passes closed, seen around Allos; the best 3 new
# France services suggested; those 3 added to a plan and compared with the baseline; the
# winter plan compared with the baseline.
shot plan-hiver-fr --plan hiver --close-preset hiver-04 --identify Allos --dock scenarios
shot suggestions-fr --suggest 3 --dock suggestions
shot comparison-fr --suggest 3 --add-suggestions --compare --dock comparison
shot comparison-hiver-fr --plan hiver --close-preset hiver-04 --compare --dock comparison --identify Allos
shot comparison-en --lang en --suggest 3 --add-suggestions --compare --dock comparison
# The first start: the welcome panel in place of the map (no project, no recent one).
rm -rf "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
"$APP" --size 1600x1000 --screenshot "$OUT/welcome-start-fr.png" 2>&1 | grep -v propagateSizeHints || true
# Screens of issue 18 saved by their GUI tests: the import dialog with its column mapping, the
# road-closure dialog with lengths and communes, the welcome panel with a recent project, the
# commune search, the user guide, the statistics table and chart, the comparison dock, the
# question for a point far from any road, and the winter plan's PDF (first page, pdftoppm).
cmake --build "$BUILD" --target test_gui_usability --parallel 2 >/dev/null
MAILLAGE_SCREENSHOTS="$PWD/$OUT" "$BUILD/tests/test_gui_usability" \
  "a CCAS file*,the road-closure dialog*,without a project*,the commune search*,Aide*,the statistics show*,the comparison dock*,a point clicked far*,the printed page of a winter plan*,the PDF of a plan can add a comparison page*" \
  2>&1 | grep -v propagateSizeHints | tail -1 || true
# The tables behind the statistics (issue 14): the access from each EPCI seat, the referrals
# beyond the threshold, and the population beyond under each method.
cmake --build "$BUILD" --target test_gui --parallel 2 >/dev/null
MAILLAGE_SCREENSHOTS="$PWD/$OUT" "$BUILD/tests/test_gui" "the access dialog*,the sensitivity dialog*" \
  2>&1 | grep -v propagateSizeHints | tail -1 || true
if [ -f "$OUT/plan-hiver.pdf" ]; then
  if command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$OUT/plan-hiver.pdf" "$OUT/pdf-plan-hiver-fr"
  else
    echo "pdftoppm (poppler-utils) not installed: no PNG of the PDF" >&2
  fi
  rm -f "$OUT/plan-hiver.pdf"
fi
# The comparison page a plan's PDF can add (the second page).
if [ -f "$OUT/plan-comparison.pdf" ]; then
  command -v pdftoppm >/dev/null &&
    pdftoppm -png -r 60 -f 2 -l 2 -singlefile "$OUT/plan-comparison.pdf" "$OUT/pdf-plan-comparison-fr"
  rm -f "$OUT/plan-comparison.pdf"
fi
ls -1 "$OUT"/*.png
