#!/usr/bin/env bash
# Builds the Debian package and checks it installs and runs outside the source tree:
#   1. configure a Release build with /usr as prefix and run CPack (DEB);
#   2. check the package's metadata (desktop entry, AppStream, declared dependencies);
#   3. install it with dpkg into a fresh, empty root (dpkg --root) and run the installed
#      programs from there, with the source and build trees hidden from them;
#   4. ask apt whether this machine could install it with its dependencies (simulation).
# Output: build-deb/maillage_<version>_<arch>.deb
#
# With `--reuse DIR`, packages an existing build tree instead (no second build: about 40 s);
# the test command does this with its own build, so CI checks the package every time.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=build-deb
REUSE=0
if [ "${1:-}" = "--reuse" ]; then
  BUILD=${2:?usage: packaging/build-deb.sh [--reuse BUILD_DIR]}
  REUSE=1
fi
scripts/install-deps.sh
command -v appstreamcli >/dev/null && command -v desktop-file-validate >/dev/null || {
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends appstream desktop-file-utils
}

if [ "$REUSE" -eq 0 ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
        -DMAILLAGE_BUILD_TESTS=OFF -DMAILLAGE_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$BUILD" --parallel "$(nproc)"
(cd "$BUILD" && cpack -G DEB >/dev/null)
DEB=$(ls "$BUILD"/maillage_*.deb | head -n1)
echo "Package: $DEB ($(du -h "$DEB" | cut -f1))"
dpkg-deb --field "$DEB" Package Version Architecture Depends

ROOT=$(mktemp -d)
trap 'rm -rf "$ROOT"' EXIT
mkdir -p "$ROOT/var/lib/dpkg/info" "$ROOT/var/lib/dpkg/updates"
touch "$ROOT/var/lib/dpkg/status"
# The root is empty, so its dependencies are the host's libraries: --force-depends.
dpkg --root="$ROOT" --force-depends --force-not-root --log=/dev/null -i "$DEB" >/dev/null 2>&1

desktop-file-validate "$ROOT/usr/share/applications/fr.maillage.Maillage.desktop"
appstreamcli validate --no-net "$ROOT/usr/share/metainfo/fr.maillage.Maillage.metainfo.xml" >/dev/null
man -l "$ROOT/usr/share/man/man1/maillage.1.gz" >/dev/null 2>&1 || gzip -t "$ROOT/usr/share/man/man1/maillage.1.gz"

# Run the installed programs from a folder where no source or build tree is reachable.
WORK=$(mktemp -d)
trap 'rm -rf "$ROOT" "$WORK"' EXIT
DATA="$(sed -n 's/^MAILLAGE_SHARED_DATA:PATH=//p' "$BUILD/CMakeCache.txt")/04"
(
  cd "$WORK"
  "$ROOT/usr/bin/maillage" --version
  "$ROOT/usr/bin/maillage" init --project p.gpkg --communes "$DATA/limites-04.gpkg" --communes-layer commune \
      --network "$DATA/routes-04.geojson" >/dev/null
  "$ROOT/usr/bin/maillage" import --project p.gpkg "$DATA/france-services-2024.csv" >/dev/null
  # sed reads to the end: `head` would close the pipe early and fail the script (pipefail).
  "$ROOT/usr/bin/maillage" info --project p.gpkg | sed -n 1,3p
  if [ -x "$ROOT/usr/bin/maillage-gui" ]; then
    QT_QPA_PLATFORM=offscreen timeout 60 "$ROOT/usr/bin/maillage-gui" --screenshot "$WORK/gui.png" p.gpkg
    [ -s "$WORK/gui.png" ] && echo "maillage-gui started and drew its window (offscreen)"
    # On a real X server (the xcb platform plugin, the SVG icon engine), in English.
    if command -v xvfb-run >/dev/null; then
      timeout 90 xvfb-run -a "$ROOT/usr/bin/maillage-gui" --lang en --screenshot "$WORK/gui-x11.png" p.gpkg
      [ -s "$WORK/gui-x11.png" ] && echo "maillage-gui started under xvfb-run"
    fi
  fi
)
apt-get install --simulate "./$DEB" >/dev/null && echo "apt can install $DEB with its dependencies on this system"
echo "Package OK: $DEB"
