#!/bin/sh
# The whole `maillage coverage` process, run N times on a project whose prepared network is up
# to date: median, fastest and slowest wall time, median CPU (user + sys) and the largest peak
# memory, measured with /usr/bin/time (hyperfine is not a Debian 12 dependency of the project).
# Then one run with MAILLAGE_TIMINGS=1 shows where the time goes, phase by phase.
#
#   bench/bench_coverage_process.sh BUILD_DIR PROJECT [RUNS = 7] [extra coverage options...]
#
# PROJECT: e.g. out/demo-04.gpkg as scripts/demo.sh builds it (the detailed 04 network, osm
# profile). The prepared network is built first if needed (maillage network prepare).
set -eu
build=${1:?usage: bench_coverage_process.sh BUILD_DIR PROJECT [RUNS] [coverage options...]}
project=${2:?usage: bench_coverage_process.sh BUILD_DIR PROJECT [RUNS] [coverage options...]}
runs=${3:-7}
shift 2; [ $# -gt 0 ] && shift
maillage="$build/app/cli/maillage"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$maillage" network prepare --project "$project" >/dev/null
echo "maillage coverage --project $project --level 2 $* ($runs runs, prepared network up to date)"
i=0
while [ "$i" -lt "$runs" ]; do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time-$i" \
        "$maillage" coverage --project "$project" --level 2 --out "$work/coverage.gpkg" "$@" >/dev/null
    i=$((i + 1))
done
cat "$work"/time-* | awk '
    { wall[NR] = $1; cpu[NR] = $2 + $3; if ($4 > peak) peak = $4 }
    function median(a, n,   i, j, t) {
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
        n = NR; m = median(wall, n); lo = wall[1]; hi = wall[n]
        printf "wall: median %.2f s (fastest %.2f, slowest %.2f); CPU median %.2f s; peak %d MB\n",
               m, lo, hi, median(cpu, n), peak / 1024
    }'
echo "One run with MAILLAGE_TIMINGS=1:"
MAILLAGE_TIMINGS=1 "$maillage" coverage --project "$project" --level 2 --out "$work/coverage.gpkg" "$@" 2>&1 >/dev/null \
    | grep '^timing:'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
