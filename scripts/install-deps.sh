#!/usr/bin/env bash
# Installs the Debian 12 packages Maillage needs to build, test and run.
# Skips apt entirely when everything is already there (fast on a prepared machine).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n  # Qt's own French (standard buttons, file dialogs)
  qt6-svg-dev qt6-charts-dev libqt6opengl6-dev libgl-dev
  libgdal-dev gdal-bin libproj-dev proj-data
  libsqlite3-dev sqlite3 catch2
  xvfb xauth poppler-utils imagemagick fonts-dejavu-core
  libosmium2-dev libprotozero-dev zlib1g-dev libbz2-dev libexpat1-dev
  clang-format  # scripts/check-format.sh
  osmium-tool hyperfine  # the anchor and the timer of the benchmarks (bench/)
  clang-14 libclang-rt-14-dev  # sanitizer build and libFuzzer (scripts/sanitize.sh, scripts/fuzz.sh)
  postgresql-15 postgresql-15-postgis-3 libqt6sql6-psql libpq-dev  # PostgreSQL store tests (scripts/pg-test-cluster.sh)
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
