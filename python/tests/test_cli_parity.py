"""rasd.extract gives the CLI's records: over the 66 dev articles of
../shared/eval/dev/texts and the first articles of the corpus."""

from __future__ import annotations

import gzip
import itertools
import json

import rasd

from conftest import run_cli

CORPUS_DOCS = 500


def test_dev_articles_match_the_cli(shared, cli):
    texts = shared / "eval" / "dev" / "texts"
    files = sorted(texts.glob("*.txt"))
    assert len(files) == 66
    lines = [json.loads(l) for l in run_cli(cli, "extract", str(texts)).splitlines()]
    by_doc = {d["doc"]: d for d in lines}
    assert len(by_doc) == 66
    total = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        mine = rasd.extract(text, doc=f.stem)
        assert mine == by_doc[f.stem]["incidents"], f.stem
        total += len(mine)
    assert total > 50
    # The ACLED CSV, byte for byte.
    acled = run_cli(cli, "extract", "--format", "acled", str(texts))
    docs = [by_doc[f.stem] for f in files]
    mine_csv = rasd.to_acled(docs)
    assert sorted(mine_csv.splitlines()[1:]) == sorted(acled.splitlines()[1:])
    assert mine_csv.splitlines()[0] == acled.splitlines()[0]
    with_agg = run_cli(cli, "extract", "--format", "acled", "--with-aggregates", str(texts))
    assert sorted(rasd.to_acled(docs, with_aggregates=True).splitlines()) == sorted(
        with_agg.splitlines()
    )


def test_corpus_lines_match_the_cli(shared, cli):
    with gzip.open(shared / "corpus" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as f:
        raw = list(itertools.islice(f, CORPUS_DOCS))
    stdin = "".join(raw).encode("utf-8")
    theirs = [json.loads(l) for l in run_cli(cli, "extract", "--published", "2015-08-01", stdin=stdin).splitlines()]
    mine = rasd.extract_many((json.loads(l) for l in raw), threads=2, published="2015-08-01")
    assert mine == theirs
    assert sum(len(d["incidents"]) for d in mine) > 0
    csv_theirs = run_cli(cli, "extract", "--format", "acled", stdin=stdin)
    assert rasd.to_acled(rasd.extract_many(json.loads(l) for l in raw)) == csv_theirs
