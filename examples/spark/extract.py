"""rasd on Spark: the incidents of a JSON-lines archive of articles, as
Parquet and ACLED-style CSV.

    spark-submit examples/spark/extract.py ARTICLES OUT [--master local[4]]
    python examples/spark/extract.py ARTICLES OUT      # local[*], pyspark from pip

ARTICLES is a file, directory or glob of JSON lines {"id", "text",
"published", "source", "url"} (gzip is fine), as `rasd extract` reads them.
OUT gets two datasets:

- OUT/incidents: Parquet, one row per incident (totals over several events
  included, with aggregate = true): the main fields as columns and the
  whole record, as the CLI writes it (docs/OUTPUT.md), in `record` (JSON);
- OUT/acled: CSV with a header, ACLED's columns then rasd's, as
  `rasd extract --format acled` (totals left out unless --with-aggregates).

Each executor needs the rasd package (`pip install ./python`). Articles are
extracted once, partition by partition with mapInPandas (one rasd thread
per Spark task: Spark supplies the parallelism), and the document records
are cached for the two outputs. Doc ids are made unique within a
partition only (`<id>~2`); give the articles unique ids.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Iterator

import pandas as pd
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import types as T

import rasd

ARTICLES = T.StructType(
    [
        T.StructField("id", T.StringType()),
        T.StructField("text", T.StringType()),
        T.StructField("published", T.StringType()),
        T.StructField("source", T.StringType()),
        T.StructField("url", T.StringType()),
    ]
)

#: One row per document: its id and its record as the CLI writes it.
DOCS = T.StructType(
    [T.StructField("doc", T.StringType()), T.StructField("record", T.StringType())]
)

#: One row per incident.
INCIDENTS = T.StructType(
    [
        T.StructField("id", T.StringType()),
        T.StructField("doc", T.StringType()),
        T.StructField("published", T.StringType()),
        T.StructField("source", T.StringType()),
        T.StructField("url", T.StringType()),
        T.StructField("kind", T.StringType()),
        T.StructField("aggregate", T.BooleanType()),
        T.StructField("uncertain", T.BooleanType()),
        T.StructField("date_start", T.StringType()),
        T.StructField("date_end", T.StringType()),
        T.StructField("date_precision", T.StringType()),
        T.StructField("place", T.StringType()),
        T.StructField("place_en", T.StringType()),
        T.StructField("place_id", T.StringType()),
        T.StructField("place_level", T.StringType()),
        T.StructField("lat", T.DoubleType()),
        T.StructField("lon", T.DoubleType()),
        T.StructField("perpetrators", T.ArrayType(T.StringType())),
        T.StructField("killed", T.LongType()),
        T.StructField("injured", T.LongType()),
        T.StructField("displaced", T.LongType()),
        T.StructField("targets", T.ArrayType(T.StringType())),
        T.StructField("weapons", T.ArrayType(T.StringType())),
        T.StructField("char_start", T.LongType()),
        T.StructField("char_end", T.LongType()),
        T.StructField("text", T.StringType()),
        T.StructField("record", T.StringType()),
    ]
)

ACLED = T.StructType([T.StructField(c, T.StringType()) for c in rasd.ACLED_COLUMNS])


def extract_docs(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas: articles to document records (JSON)."""
    for pdf in batches:
        docs = pdf.to_dict("records")
        out = rasd.extract_many(docs, threads=1, errors="record")
        yield pd.DataFrame(
            {
                "doc": [str(r["doc"]) for r in out],
                "record": [json.dumps(r, ensure_ascii=False) for r in out],
            },
            columns=["doc", "record"],
        )


def _figure(f):
    return None if f is None else f.get("value")


def incident_row(doc: dict, inc: dict) -> dict:
    date = inc.get("date") or {}
    place = (inc.get("places") or [{}])[0]
    return {
        "id": inc["id"],
        "doc": str(doc["doc"]),
        "published": doc.get("published"),
        "source": None if doc.get("source") is None else str(doc["source"]),
        "url": None if doc.get("url") is None else str(doc["url"]),
        "kind": inc["kind"],
        "aggregate": bool(inc.get("aggregate")),
        "uncertain": bool(inc.get("uncertain")),
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "place": place.get("name"),
        "place_en": place.get("name_en"),
        "place_id": place.get("id"),
        "place_level": place.get("level"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "perpetrators": [
            a["id"] for a in inc.get("actors") or () if a.get("role") == "perpetrator"
        ],
        "killed": _figure(inc.get("killed")),
        "injured": _figure(inc.get("injured")),
        "displaced": _figure(inc.get("displaced")),
        "targets": list(inc.get("targets") or ()),
        "weapons": list(inc.get("weapons") or ()),
        "char_start": inc["char_span"]["start"],
        "char_end": inc["char_span"]["end"],
        "text": inc["text"],
        "record": json.dumps(inc, ensure_ascii=False),
    }


def to_incidents(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas: document records to incident rows."""
    names = INCIDENTS.fieldNames()
    for pdf in batches:
        rows = []
        for line in pdf["record"]:
            doc = json.loads(line)
            rows.extend(incident_row(doc, inc) for inc in doc.get("incidents") or ())
        frame = pd.DataFrame(rows, columns=names)
        for c in ("killed", "injured", "displaced", "char_start", "char_end"):
            frame[c] = frame[c].astype("Int64")
        yield frame


def to_acled(with_aggregates: bool):
    """mapInPandas: document records to ACLED-style rows."""

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for pdf in batches:
            docs = [json.loads(line) for line in pdf["record"]]
            rows = rasd.acled_rows(docs, with_aggregates=with_aggregates)
            yield pd.DataFrame(rows, columns=list(rasd.ACLED_COLUMNS))

    return run


def read_articles(spark: SparkSession, path: str, partitions: int | None) -> DataFrame:
    articles = spark.read.schema(ARTICLES).json(path)
    n = partitions or spark.sparkContext.defaultParallelism * 4
    return articles.repartition(n)


def run(
    spark: SparkSession,
    articles_path: str,
    out: str,
    *,
    partitions: int | None = None,
    with_aggregates: bool = False,
) -> dict:
    """Runs the job; returns the row counts and the time taken."""
    start = time.perf_counter()
    articles = read_articles(spark, articles_path, partitions)
    docs = articles.mapInPandas(extract_docs, DOCS).cache()
    n_docs = docs.count()
    incidents = docs.mapInPandas(to_incidents, INCIDENTS)
    incidents.write.mode("overwrite").parquet(os.path.join(out, "incidents"))
    acled = docs.mapInPandas(to_acled(with_aggregates), ACLED)
    (
        acled.write.mode("overwrite")
        .option("header", True)
        .option("escape", '"')
        .option("emptyValue", "")
        .option("ignoreLeadingWhiteSpace", False)
        .option("ignoreTrailingWhiteSpace", False)
        .csv(os.path.join(out, "acled"))
    )
    docs.unpersist()
    return {"docs": n_docs, "seconds": time.perf_counter() - start}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("articles", help="JSON lines of articles (file, dir or glob)")
    p.add_argument("out", help="output directory (incidents/, acled/)")
    p.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--partitions", type=int, help="partitions to extract in")
    p.add_argument("--with-aggregates", action="store_true", help="ACLED: keep totals")
    args = p.parse_args(argv)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("rasd-extract")
    if args.master:
        builder = builder.master(args.master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Not started by spark-submit (which sets the master): local mode.
        builder = builder.master("local[*]")
    spark = builder.getOrCreate()
    try:
        stats = run(
            spark,
            args.articles,
            args.out,
            partitions=args.partitions,
            with_aggregates=args.with_aggregates,
        )
    finally:
        spark.stop()
    print(f"rasd spark: {stats['docs']} docs in {stats['seconds']:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
