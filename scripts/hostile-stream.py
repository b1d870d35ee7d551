#!/usr/bin/env python3
"""Streams 200,000 JSON lines with bad lines of every kind into `rasd
extract` and checks that exactly one output line comes out per input
line, in input order (issue 15). The kinds: invalid JSON, invalid UTF-8,
a missing text, wrong types (text, id, published), a bad date, blank
lines, an array, repeated ids, and one 20 MB line. The sentences are made
up in the style of the news.

usage: scripts/hostile-stream.py RASD_BINARY [LINES]
"""

import json
import subprocess
import sys
import threading

GOOD = [
    "قتل 4 مدنيين بينهم طفلان جراء قصف مدفعي على بلدة في ريف إدلب الجنوبي.",
    "أصيب 7 أشخاص بغارة جوية استهدفت سوقا شعبيا في مدينة حلب صباح اليوم.",
    "اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام في ريف درعا.",
    "عاد الهدوء إلى أحياء المدينة بعد أسبوع من التوتر وفق مصادر محلية.",
]


def lines(n):
    """Yields (bytes of the line, expected doc id or None, good)."""
    for i in range(n):
        # Line numbers from 1; the big line after line n // 2 + 1 shifts
        # the later ones by one.
        no = i + 1 + (i > n // 2)
        ident = f"s{i % (n // 2)}"  # every id twice
        kind = i % 12
        if kind == 0:
            yield b'{"id": "x", "text": "unterminated', f"line-{no}", False
        elif kind == 1:
            yield b'{"id":"u","text":"\xff\xfe bad"}', f"line-{no}", False
        elif kind == 2:
            yield json.dumps({"id": ident}).encode(), None, False
        elif kind == 3:
            yield json.dumps({"id": ident, "text": 12}).encode(), None, False
        elif kind == 4:
            obj = {"id": ident, "text": GOOD[0], "published": "2025-13-45"}
            yield json.dumps(obj, ensure_ascii=False).encode(), None, False
        elif kind == 5:
            yield b"", f"line-{no}", False
        elif kind == 6:
            yield b"[1, 2]", f"line-{no}", False
        elif kind == 7:
            obj = {"id": {"n": 1}, "text": GOOD[1]}
            yield json.dumps(obj, ensure_ascii=False).encode(), f"line-{no}", False
        elif kind == 8:
            obj = {"id": ident, "text": GOOD[2], "published": 2025}
            yield json.dumps(obj, ensure_ascii=False).encode(), None, False
        else:
            obj = {"id": ident, "text": GOOD[i % 4], "published": "2025-03-14"}
            yield json.dumps(obj, ensure_ascii=False).encode(), None, True
        if i == n // 2:
            big = " ".join([GOOD[3]] * (20_000_000 // len(GOOD[3].encode())))
            obj = {"id": "big", "text": big}
            yield json.dumps(obj, ensure_ascii=False).encode(), "big", True


def main():
    binary = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    expected = []
    proc = subprocess.Popen(
        [binary, "extract", "--offsets", "bytes"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )

    def feed():
        for line, doc, good in lines(n):
            expected.append((doc, good))
            proc.stdin.write(line + b"\n")
        proc.stdin.close()

    feeder = threading.Thread(target=feed)
    feeder.start()
    got = 0
    for raw in proc.stdout:
        rec = json.loads(raw)
        feeder.join(0)
        got += 1
        if len(expected) >= got:
            doc, good = expected[got - 1]
            if doc is not None and rec["doc"] != doc:
                sys.exit(f"output line {got}: doc {rec['doc']!r}, expected {doc!r}")
            if good != ("error" not in rec):
                sys.exit(f"output line {got}: {str(rec)[:200]}")
    feeder.join()
    code = proc.wait()
    if got != len(expected):
        sys.exit(f"{len(expected)} lines in, {got} out")
    if code != 1:
        sys.exit(f"exit status {code}, expected 1 (bad lines)")
    print(f"hostile stream: {len(expected)} lines in, {got} out, in order, exit 1")


if __name__ == "__main__":
    main()
