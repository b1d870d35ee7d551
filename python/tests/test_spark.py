"""examples/spark/extract.py in local mode (local[2]) over 2,000 corpus
articles: as many incident rows as the CLI finds in the same articles.

Runs when pyspark and a Java runtime are present; with RASD_REQUIRE_SPARK
set (as .ci/run does) their absence is a failure, not a skip.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import itertools
import json
import os
import shutil
import sys
import time

import pytest

import rasd

from conftest import REPO, run_cli

ARTICLES = 2000


def _need(what: str):
    if os.environ.get("RASD_REQUIRE_SPARK"):
        pytest.fail(f"RASD_REQUIRE_SPARK is set but {what}")
    pytest.skip(what)


@pytest.fixture(scope="module")
def spark():
    if importlib.util.find_spec("pyspark") is None:
        _need("pyspark is not installed")
    if importlib.util.find_spec("pandas") is None or importlib.util.find_spec("pyarrow") is None:
        _need("pandas and pyarrow are not installed")
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))):
        _need("no Java runtime (java on PATH or JAVA_HOME)")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("rasd-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "1g")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _job():
    spec = importlib.util.spec_from_file_location("rasd_spark_job", REPO / "examples" / "spark" / "extract.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_spark_job_writes_the_cli_incidents(spark, shared, cli, tmp_path, capsys):
    src = shared / "corpus" / "saudinewsnet.jsonl.gz"
    articles = tmp_path / "articles.jsonl"
    with gzip.open(src, "rt", encoding="utf-8") as f, open(articles, "w", encoding="utf-8") as out:
        out.writelines(itertools.islice(f, ARTICLES))
    cli_docs = [json.loads(l) for l in run_cli(cli, "extract", str(articles)).splitlines()]
    assert len(cli_docs) == ARTICLES
    cli_ids = sorted(i["id"] for d in cli_docs for i in d["incidents"])
    cli_acled = run_cli(cli, "extract", "--format", "acled", str(articles))
    cli_acled_rows = sorted(csv.reader(cli_acled.splitlines(True)))
    header = cli_acled_rows.pop(cli_acled_rows.index(list(rasd.ACLED_COLUMNS)))

    start = time.perf_counter()
    out = tmp_path / "out"
    stats = _job().run(spark, str(articles), str(out), partitions=4)
    seconds = time.perf_counter() - start
    assert stats["docs"] == ARTICLES

    incidents = spark.read.parquet(str(out / "incidents"))
    rows = incidents.count()
    ids = sorted(r.id for r in incidents.select("id").collect())
    acled_rows = []
    for part in sorted((out / "acled").glob("part-*")):
        with open(part, newline="", encoding="utf-8") as f:
            rows_here = list(csv.reader(f))
        if rows_here:
            assert rows_here[0] == header
            acled_rows.extend(rows_here[1:])
    with capsys.disabled():
        print(
            f"\nspark local[2]: {ARTICLES} articles in {seconds:.1f} s; "
            f"{rows} incident rows (CLI {len(cli_ids)}), "
            f"{len(acled_rows)} ACLED rows (CLI {len(cli_acled_rows)})"
        )
    assert rows == len(cli_ids) > 0
    assert ids == cli_ids
    assert len(acled_rows) == len(cli_acled_rows) > 0
    assert sorted(acled_rows) == cli_acled_rows
    sample = incidents.where("killed is not null").first()
    assert sample is not None and json.loads(sample.record)["id"] == sample.id
