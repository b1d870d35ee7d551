#!/usr/bin/env bash
# Runs `rasd extract` over general news and prints what it finds, for
# reading by eye before and after a rule change.
#
#   scripts/wide.sh [-n N] [-s SEED] [-k K] [-c CORPUS] [--no-build]
#
#   -n N        read a random sample of N articles (default: all)
#   -s SEED     seed of the article sample and of the record sample
#               (default: 1); the same seed gives the same output
#   -k K        how many records to print with their evidence (default: 30)
#   -c CORPUS   JSON lines, gzipped or not, with "id" and "text" and
#               optionally "published" (default:
#               ../shared/corpus/saudinewsnet.jsonl.gz)
#   --no-build  use target/release/examples/rasd as it is
#
# Prints: the number of articles read, the number with at least one
# incident, incidents by kind, records with a killed / injured /
# displaced figure, then K records picked at random (seeded) with their
# kind, figures and evidence text.
#
# The other checks of issue 10, for reference:
#   gsr (easy-no sentences fired on <= 3%, assault sentences found >= 93%):
#     python3 ../shared/eval/gsr/run.py target/release/examples/rasd \
#       ../shared/eval/gsr/assault_gsr.csv 0.03 0.93
#   dev score:
#     python3 ../shared/eval/run.py target/release/examples/rasd \
#       ../shared/eval/dev/dev.gold.jsonl ../shared/eval/dev/texts
#
# Needs python3. Exits 0 with a message when the corpus is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
n=0
seed=1
k=30
corpus=../shared/corpus/saudinewsnet.jsonl.gz
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    -s) seed=$2; shift 2 ;;
    -k) k=$2; shift 2 ;;
    -c) corpus=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "wide.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
if [ ! -f "$corpus" ]; then
  echo "wide.sh: $corpus not found, skipped"
  exit 0
fi
if [ "$build" = 1 ]; then
  cargo build --release --example rasd --quiet
fi
bin=target/release/examples/rasd
out=${TMPDIR:-/tmp}/rasd-wide.$$
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT

# The input: one JSON line per article, sampled with the seed.
python3 - "$corpus" "$n" "$seed" > "$out/input.jsonl" <<'PY'
import gzip, json, random, sys
path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
opener = gzip.open if path.endswith(".gz") else open
with opener(path, "rt", encoding="utf-8") as f:
    docs = [json.loads(line) for line in f if line.strip()]
if 0 < n < len(docs):
    docs = random.Random(seed).sample(docs, n)
for d in docs:
    rec = {"id": d["id"], "text": d.get("text") or ""}
    if d.get("published"):
        rec["published"] = d["published"]
    print(json.dumps(rec, ensure_ascii=False))
PY

"$bin" extract < "$out/input.jsonl" > "$out/output.jsonl"

python3 - "$out/output.jsonl" "$seed" "$k" <<'PY'
import collections, json, random, sys
path, seed, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
docs = with_incident = 0
kinds = collections.Counter()
figures = collections.Counter()
records = []
with open(path, encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        d = json.loads(line)
        docs += 1
        incs = d.get("incidents") or []
        if incs:
            with_incident += 1
        for inc in incs:
            kinds[inc.get("kind")] += 1
            for field in ("killed", "injured", "displaced"):
                if inc.get(field):
                    figures[field] += 1
            records.append((d.get("doc"), inc))
print(f"articles: {docs}")
share = 100.0 * with_incident / docs if docs else 0.0
print(f"articles with at least one incident: {with_incident} ({share:.1f}%)")
print(f"incidents: {len(records)}")
for kind, c in kinds.most_common():
    print(f"  {kind:<13} {c}")
for field in ("killed", "injured", "displaced"):
    print(f"records with {field}: {figures[field]}")
sample = random.Random(seed).sample(records, min(k, len(records)))
print(f"\n--- {len(sample)} records picked at random (seed {seed}) ---")
for doc, inc in sample:
    figs = []
    for field in ("killed", "injured", "displaced"):
        fig = inc.get(field)
        if fig:
            figs.append(f"{field}={fig.get('value')} «{fig.get('text')}»")
    print(f"\n[{doc}] {inc.get('kind')}  {'  '.join(figs)}")
    print("  " + " ".join((inc.get("text") or "").split()))
PY
