#!/usr/bin/env python3
"""Share of the places reported in incidents that carry coordinates.

    target/release/examples/rasd extract < input.jsonl | python3 tools/coords_fraction.py
"""
import json, sys

n = with_coords = 0
for line in sys.stdin:
    if not line.strip():
        continue
    for inc in json.loads(line).get("incidents", []):
        for p in inc.get("places", []):
            n += 1
            with_coords += p.get("lat") is not None
print(f"places in incidents: {n}, with coordinates: {with_coords} ({with_coords / max(n, 1):.1%})")
