#!/usr/bin/env python3
"""Checks the peak memory of `rasd extract` on huge documents (issue 15):
one 100 MB document under 1 GiB, and a stream of 4 MB documents under
512 MiB. The documents repeat sentences made up in the style of the news.
Peak RSS is the child's own (os.wait4), so each run is measured alone.

usage: scripts/memory-check.py RASD_BINARY [DOCS_OF_4MB]   (default 50)
"""

import json
import os
import subprocess
import sys
import tempfile

PARAGRAPH = (
    "قتل خمسة مدنيين وأصيب عشرة آخرون بقصف مدفعي على بلدة في ريف إدلب "
    "الجنوبي يوم الخميس. وقال ناشطون إن الطائرات الحربية شنت غارات على "
    "أطراف المدينة. وافتتح الوزير معرضا للكتاب في العاصمة بحضور عدد من "
    "المسؤولين.\n"
)
MiB = 1024 * 1024


def write_document(f, ident, size):
    """Writes one JSON line of about `size` bytes of text, piece by piece,
    so that this process stays small (a child starts with its parent's
    pages counted in its peak)."""
    piece = json.dumps(PARAGRAPH, ensure_ascii=False)[1:-1].encode()
    f.write(b'{"id": "%s", "text": "' % ident.encode())
    for _ in range(size // len(PARAGRAPH.encode())):
        f.write(piece)
    f.write(b'", "published": "2024-05-10"}\n')


def peak_rss(binary, path, extra):
    """Runs `binary extract` on the file; returns (peak RSS bytes, output
    lines, exit status)."""
    with open(path, "rb") as stdin, tempfile.TemporaryFile() as out:
        p = subprocess.Popen([binary, "extract", *extra], stdin=stdin,
                             stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = sum(1 for _ in out)
    # ru_maxrss is in KiB on Linux.
    return usage.ru_maxrss * 1024, lines, p.returncode


def main():
    binary = sys.argv[1]
    docs = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "big.jsonl")
        with open(big, "wb") as f:
            write_document(f, "big", 100 * 1000 * 1000)
        stream = os.path.join(tmp, "stream.jsonl")
        with open(stream, "wb") as f:
            for i in range(docs):
                write_document(f, f"d{i}", 4 * 1000 * 1000)
        checks = [
            ("one 100 MB document", big, ["--max-doc-bytes", "200000000"],
             1, 1024 * MiB),
            (f"{docs} documents of 4 MB", stream, [], docs, 512 * MiB),
        ]
        for name, path, extra, want_lines, bar in checks:
            rss, lines, code = peak_rss(binary, path, extra)
            ok = rss <= bar and lines == want_lines and code == 0
            failed |= not ok
            print(f"memory: {name}: peak RSS {rss / MiB:.0f} MiB "
                  f"(bar {bar / MiB:.0f} MiB), {lines} line(s), exit {code}"
                  f"{'' if ok else '  FAILED'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
