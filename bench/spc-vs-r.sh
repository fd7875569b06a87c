#!/usr/bin/env bash
# kpo spc beside NHSRplotthedots on the same series, as whole processes one after the other: each reads
# the CSV, charts every series with the NHS "Making Data Count" rules (lower is better) and writes a CSV
# of every point. Prints both times and the ratio, then compares every point (centre and limits to
# 1e-9, point types equal) and fails if any differs. Skipped (exit 0) where R or NHSRplotthedots is
# absent: bench/README.md says how they were installed here.
# Usage: bench/spc-vs-r.sh [SERIES] [RUNS]   (default 10,000 series of 36 months; kpo spc timed RUNS times, default 3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
series="${1:-10000}"
runs="${2:-3}"

if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'suppressPackageStartupMessages(library(NHSRplotthedots))' \
    >/dev/null 2>&1; then
  echo "spc-vs-r: skipped: R with NHSRplotthedots is not installed here (see bench/README.md)"
  exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/kpo-spc-vs-r.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$root/kpo" bench spc --series "$series" --write-series "$work/series.csv" >/dev/null
echo "spc-vs-r: $series series x 36 points, $(du -h "$work/series.csv" | cut -f1) CSV; $(nproc) cores"
echo "  $(Rscript -e 'cat(R.version.string, "; NHSRplotthedots", format(packageVersion("NHSRplotthedots")))')"
echo "  $(java -version 2>&1 | head -n 1)"

seconds() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); echo "$end - $start" | bc; }

r_time=$(seconds Rscript "$here/spc-vs-r.R" run "$work/series.csv" "$work/ptd.csv")
printf '  NHSRplotthedots (Rscript, faceted): %6.2f s\n' "$r_time"
best=""
for run in $(seq 1 "$runs"); do
  t=$(seconds "$root/kpo" spc --input "$work/series.csv" --rules ptd --improvement decrease --format csv \
    --out "$work/kpo.csv")
  printf '  kpo spc --rules ptd, run %d:         %6.2f s\n' "$run" "$t"
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
printf '  ratio (R / best kpo spc):            %6.1fx\n' "$(echo "$r_time / $best" | bc -l)"
Rscript "$here/spc-vs-r.R" compare "$work/ptd.csv" "$work/kpo.csv" | sed 's/^/  /'
