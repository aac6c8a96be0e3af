#!/bin/sh
# jsonl_rss.sh: check 1,000,000 JSON Lines dossiers in one stream and
# report the peak resident memory (target: under 64 MiB) and the time.
#
# Usage: bench/jsonl_rss.sh [COUNT] [FORMAT]   (defaults: 1000000 json)
# Run from the module root. Needs Go and GNU time (/usr/bin/time -v).
# The generated file (the bundled dossiers in turn, about 6 KB a line, so
# some 6 GB for a million lines) goes to a temporary folder unless
# BENCH_DIR is set, and is removed afterwards, with the temporary folder;
# set KEEP=1 to keep them.
set -eu
count=${1:-1000000}
format=${2:-json}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${BENCH_DIR:-}
made=""
if [ -z "$dir" ]; then
	dir=$(mktemp -d)
	made=$dir
fi
bin="$dir/secretome"
data="$dir/dossiers.jsonl"
cleanup() {
	[ "${KEEP:-0}" = 1 ] && return
	rm -f "$data" "$bin" "$dir/time.txt"
	if [ -n "$made" ]; then rmdir "$made"; fi
}
trap cleanup EXIT

(cd "$root" && go build -o "$bin" ./cmd/secretome)

# One line of compact JSON per dossier: the bundled dossiers in turn.
if [ ! -s "$data" ]; then
	(cd "$root" && go run ./bench/jsonlgen -n "$count" -o "$data" examples/dossiers/*.json)
fi
ls -l "$data"

/usr/bin/time -v "$bin" check --as-of 2026-11-01 --format "$format" --jsonl "$data" >/dev/null 2>"$dir/time.txt" || true
grep -E 'Maximum resident set size|Elapsed \(wall clock\)|Exit status' "$dir/time.txt"
rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$dir/time.txt")
echo "peak RSS: $((rss_kb / 1024)) MiB for $count dossiers (target: under 64 MiB)"
[ "$rss_kb" -lt $((64 * 1024)) ]
