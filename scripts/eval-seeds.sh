#!/usr/bin/env bash
# Scores `rasd extract` on the seed articles against their hand annotations.
#
#   scripts/eval-seeds.sh [SHARED_DIR]      (default: ../shared)
#
# Needs python3 (the scorer is ../shared/eval/score.py). Skips, exit 0, when
# the shared folder is absent. The publication dates given to the extractor
# are the gold file's "published" field: the date the article itself states,
# the metadata a real feed carries with each article.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
if [ ! -f "$shared/eval/score.py" ] || [ ! -d "$shared/seeds" ]; then
  echo "eval-seeds: $shared not found, skipped"
  exit 0
fi
out=${TMPDIR:-/tmp}/rasd-eval.$$
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT
python3 - "$shared" > "$out/input.jsonl" <<'PY'
import json, os, sys
shared = sys.argv[1]
published = {}
with open(os.path.join(shared, "eval", "seeds.gold.jsonl"), encoding="utf-8") as f:
    for line in f:
        if line.strip():
            d = json.loads(line)
            published[d["doc"]] = d.get("published")
seeds = os.path.join(shared, "seeds")
for name in sorted(os.listdir(seeds)):
    if name.endswith(".txt"):
        doc = name[:-4]
        text = open(os.path.join(seeds, name), encoding="utf-8").read()
        print(json.dumps({"id": doc, "text": text, "published": published.get(doc)},
                         ensure_ascii=False))
PY
cargo run --quiet --release --example rasd -- extract < "$out/input.jsonl" > "$out/pred.jsonl"
python3 "$shared/eval/score.py" "$shared/eval/seeds.gold.jsonl" "$out/pred.jsonl" "${@:2}"
