#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test (unit, integration, CLI, GUI offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The folder layers of core/ first: an upward include is named before anything builds.
scripts/check-layers.sh
# The code as .clang-format writes it.
scripts/check-format.sh
scripts/build.sh
# The PostgreSQL store cases must run in CI, not skip (scripts/pg-test-cluster.sh).
export MAILLAGE_REQUIRE_PG=1
QT_QPA_PLATFORM=offscreen ctest --test-dir build --output-on-failure --parallel "$(nproc)" --timeout 600
# The Debian package, made from the same build: installed into an empty root, both programs run.
packaging/build-deb.sh --reuse build
# The same tests under AddressSanitizer + UndefinedBehaviorSanitizer (leaks too), then each
# libFuzzer target for a bounded time (docs/RELIABILITY.md): both fail on any report.
scripts/sanitize.sh
scripts/fuzz.sh
