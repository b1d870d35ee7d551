#!/usr/bin/env python3
"""Share of the places reported in incidents that carry coordinates.

    python3 tools/coords_fraction.py target/release/examples/rasd \\
        ../shared/eval/dev/dev.gold.jsonl ../shared/eval/dev/texts

runs `rasd extract` on the documents of the gold file (texts from the folder, the gold
"published" dates, as ../shared/eval/run.py does) and counts. With no arguments it reads
`rasd extract` output on stdin instead.
"""
import json, os, subprocess, sys


def count(lines):
    n = with_coords = 0
    for line in lines:
        if not line.strip():
            continue
        for inc in json.loads(line).get("incidents", []):
            for p in inc.get("places", []):
                n += 1
                with_coords += p.get("lat") is not None
    return n, with_coords


if len(sys.argv) == 4:
    rasd, gold, texts = sys.argv[1:]
    docs = []
    with open(gold, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                with open(os.path.join(texts, d["doc"] + ".txt"), encoding="utf-8") as t:
                    docs.append(json.dumps({"id": d["doc"], "text": t.read(),
                                            "published": d.get("published")},
                                           ensure_ascii=False))
    out = subprocess.run([rasd, "extract"], input="\n".join(docs) + "\n",
                         capture_output=True, text=True, check=True).stdout
    n, c = count(out.splitlines())
else:
    n, c = count(sys.stdin)
print(f"places in incidents: {n}, with coordinates: {c} ({c / max(n, 1):.1%})")
