#!/usr/bin/env bash
# Builds core and the non-GUI tests with AddressSanitizer + UndefinedBehaviorSanitizer (leaks
# detected too) in build-sanitize/ (clang, Debug -O1), runs them, and fails on any report.
# The same build holds the libFuzzer targets (scripts/fuzz.sh). Skipped, with a message, when
# clang is not installed. Extra arguments: test programs to run instead of the default list.
set -euo pipefail
cd "$(dirname "$0")/.."
CLANG=${CLANG:-clang++-14}
if ! command -v "$CLANG" >/dev/null; then
  echo "sanitize: $CLANG not found: the sanitizer build is skipped" >&2
  exit 0
fi
BUILD=${SANITIZE_BUILD_DIR:-build-sanitize}
JOBS=${JOBS:-$(nproc)}
start=$(date +%s)

flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
if [ "${MAILLAGE_BUILD_FUZZ:-ON}" = ON ]; then
  flags="$flags -fsanitize=fuzzer-no-link"  # coverage instrumentation for the fuzz targets
fi
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER="$CLANG" \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DMAILLAGE_BUILD_GUI=OFF -DMAILLAGE_BUILD_BENCH=OFF -DMAILLAGE_BUILD_FUZZ="${MAILLAGE_BUILD_FUZZ:-ON}" >/dev/null

# The tests that exercise core without widgets. test_faults and the long command-line tests
# run in the normal build: killing and timing programs under ASan (3-10x slower) would prove
# little more and cost most of the CI budget.
TESTS=(${@:-test_csv test_store test_importers test_reliability test_geo test_territory test_network_build \
  test_network_search test_planning test_coverage test_cli test_cli_ranges})
cmake --build "$BUILD" --parallel "$JOBS" --target maillage "${TESTS[@]}"
built=$(date +%s)

# Any report fails the run: halt_on_error, and a non-zero exit on a leak. The suppressions
# file lists what is not ours, each with its reason.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export QT_QPA_PLATFORM=offscreen
# The PostgreSQL cases need the throw-away cluster that ctest starts for the normal build
# (tests/CMakeLists.txt, fixture pg_cluster); here they skip, the file cases run. The
# server cases are required, and run, in the normal build's ctest.
unset MAILLAGE_REQUIRE_PG
status=0
for test in "${TESTS[@]}"; do
  t0=$(date +%s)
  if "$BUILD/tests/$test" --reporter compact > "$BUILD/$test.log" 2>&1; then
    echo "sanitize: $test passed ($(( $(date +%s) - t0 )) s)"
  else
    status=1
    echo "sanitize: $test FAILED ($(( $(date +%s) - t0 )) s); the end of its log:" >&2
    tail -n 60 "$BUILD/$test.log" >&2
  fi
done
end=$(date +%s)
echo "sanitize: build $(( built - start )) s, tests $(( end - built )) s"
exit $status
