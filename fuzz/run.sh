#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds (default 30) with seeds made
# from examples/data and data/*.tsv, and prints each target's executions
# per second. Needs a nightly toolchain and cargo-fuzz:
#   cargo install cargo-fuzz; fuzz/run.sh 30
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-30}
targets=(extract extract_published normalize tokenize numbers dates
    gazetteer_scan gazetteer_tsv)

# Seeds, made anew each run (fuzz/corpus is git-ignored): the sample
# articles line by line and whole, the texts of the sample JSON lines, and
# the first lines of the gazetteer tables.
seed() {
    local dir=corpus/$1
    mkdir -p "$dir"
    local n=0
    for f in ../examples/data/*.txt; do
        cp "$f" "$dir/article-$(basename "$f")"
        while IFS= read -r line; do
            [ -n "$line" ] || continue
            n=$((n + 1))
            printf '%s' "$2$line" >"$dir/line-$n"
        done <"$f"
    done
    python3 - "$dir" "$2" <<'PY' 2>/dev/null || true
import json, sys
d, prefix = sys.argv[1], sys.argv[2]
for i, l in enumerate(open("../examples/data/sample.jsonl", encoding="utf-8")):
    t = json.loads(l).get("text", "")
    open(f"{d}/jsonl-{i}", "w", encoding="utf-8").write(prefix + t)
PY
}
for t in extract normalize tokenize numbers gazetteer_scan; do seed "$t" ""; done
# A publication date in the first three bytes (2025-03-14), a reference
# date flag in the first byte.
seed extract_published "$(printf '\x7d\x02\x0d')"
seed dates "$(printf '\x02')"
mkdir -p corpus/gazetteer_tsv
head -c 4000 ../data/places.tsv | sed '$d' | { printf '\x00'; cat; } \
    >corpus/gazetteer_tsv/places
head -c 4000 ../data/actors.tsv | sed '$d' | { printf '\x01'; cat; } \
    >corpus/gazetteer_tsv/actors

cargo +nightly fuzz build -O
status=0
for t in "${targets[@]}"; do
    log=$(mktemp)
    if cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
        -max_total_time="$secs" -max_len=65536 -timeout=30 \
        -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
        echo "fuzz $t: ${execs:-?} executions in ${secs} s, ${rate:-?}/s, no crash"
    else
        echo "fuzz $t: FAILED" >&2
        tail -40 "$log" >&2
        status=1
    fi
    rm -f "$log"
done
exit $status
