"""The Python API on sentences written for these tests."""

from __future__ import annotations

import datetime
import threading
import time

import pytest

import rasd

CLASH = "اشتباكات عنيفة في مدينة درعا"
STRIKE = (
    "قتل 5 مدنيين بينهم طفلان جراء غارة جوية على مدينة معرة النعمان "
    "يوم أمس، وفق الدفاع المدني."
)
NOTHING = "ارتفعت أسعار الذهب في الأسواق اليوم."


def test_extract_gives_cli_records():
    [inc] = rasd.extract(CLASH)
    assert inc["id"] == "doc.1"
    assert list(inc)[:5] == ["id", "kind", "aggregate", "span", "char_span"]
    assert inc["kind"] == "clash"
    assert inc["places"][0]["name"] == "درعا"


def test_spans_slice_the_original_text():
    text = "\u200fخبر: " + STRIKE  # a bidi mark and a prefix move the spans
    [inc] = rasd.extract(text, doc="a")
    assert inc["id"] == "a.1"
    cs, bs = inc["char_span"], inc["span"]
    assert text[cs["start"] : cs["end"]] == inc["text"]
    assert text.encode()[bs["start"] : bs["end"]].decode() == inc["text"]
    k = inc["killed"]
    assert k["value"] == 5 and k["children"] == 2
    assert text[k["char_span"]["start"] : k["char_span"]["end"]] == k["text"]


def test_published_resolves_relative_dates():
    for published in (
        "2025-03-14",
        datetime.date(2025, 3, 14),
        datetime.datetime(2025, 3, 14, 9, 30),
        "2025-03-14T09:30:00Z",
        "Fri, 14 Mar 2025 09:30:00 +0000",
    ):
        [inc] = rasd.extract(STRIKE, published)
        assert inc["date"]["start"] == "2025-03-13", published
    [inc] = rasd.extract(STRIKE)
    assert inc["date"]["start"] is None


def test_bad_date_raises_with_the_rust_message():
    with pytest.raises(rasd.RasdError, match="cannot read .* as a date"):
        rasd.extract(STRIKE, "14/03/2025")
    assert issubclass(rasd.RasdError, ValueError)
    with pytest.raises(TypeError):
        rasd.extract(STRIKE, 2025)


def test_no_incident():
    assert rasd.extract(NOTHING) == []
    assert rasd.extract("") == []


def test_extract_many_is_the_cli_form():
    docs = [
        {"id": "a", "text": STRIKE, "published": "2025-03-14", "url": "u"},
        {"text": CLASH},
        {"id": "a", "text": NOTHING},
        {"id": 7, "text": CLASH, "published": None, "source": {"n": 1}},
    ]
    out = rasd.extract_many(iter(docs), published="2020-01-01")
    assert [d["doc"] for d in out] == ["a", "line-2", "a~2", 7]
    assert out[0]["published"] == "2025-03-14"
    assert out[1]["published"] == "2020-01-01"
    assert out[0]["url"] == "u" and out[3]["source"] == {"n": 1}
    assert [i["id"] for i in out[0]["incidents"]] == ["a.1"]
    assert [i["id"] for i in out[3]["incidents"]] == ["7.1"]
    assert out[2]["incidents"] == []
    assert list(out[0]) == ["doc", "published", "source", "url", "incidents"]


def test_extract_many_published_values():
    docs = [
        {"id": "d", "text": STRIKE, "published": datetime.date(2025, 3, 14)},
        {"id": "n", "text": STRIKE, "published": float("nan")},
        {"id": "b", "text": STRIKE, "published": "  "},
    ]
    out = rasd.extract_many(docs, published="2025-03-15")
    assert [d["published"] for d in out] == ["2025-03-14", "2025-03-15", "2025-03-15"]
    out = rasd.extract_many([{"id": "x", "text": CLASH, "published": 3}], errors="record")
    assert out[0]["error"] == 'doc x: "published" must be a string or null'


def test_extract_many_threads_agree():
    docs = [{"id": str(i), "text": (STRIKE, CLASH, NOTHING)[i % 3]} for i in range(700)]
    one = rasd.extract_many(docs, threads=1)
    assert rasd.extract_many(docs, threads=4) == one
    assert rasd.extract_many(docs) == one
    assert len(one) == 700


def test_extract_many_errors():
    bad = [{"id": "ok", "text": CLASH}, {"id": "x", "published": "2025-01-01"}]
    with pytest.raises(rasd.RasdError, match='doc x: missing "text"'):
        rasd.extract_many(bad)
    out = rasd.extract_many(bad, errors="record")
    assert out[1] == {"doc": "x", "error": 'doc x: missing "text" string'}
    out = rasd.extract_many([{"id": "d", "text": CLASH, "published": "soon"}], errors="record")
    assert "cannot read" in out[0]["error"]
    with pytest.raises(ValueError):
        rasd.extract_many([], errors="ignore")
    with pytest.raises(TypeError):
        rasd.extract_many(["not a dict"])


def test_gil_is_released():
    # While rasd extracts a long text, another Python thread runs.
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    text = NOTHING * 100_000
    t = threading.Thread(target=tick)
    t.start()
    time.sleep(0.01)
    start = time.perf_counter()
    assert rasd.extract(text) == []
    end = time.perf_counter()
    stop.set()
    t.join()
    assert end - start > 0.05
    inside = [x for x in ticks if start + 0.2 * (end - start) < x < end - 0.2 * (end - start)]
    assert inside, f"no Python thread ran during {end - start:.2f} s of extraction"


def test_threads_share_rasd():
    # Python threads calling rasd at once: each gets its own right answer.
    results = {}

    def work(i):
        results[i] = rasd.extract_many([{"id": str(i), "text": STRIKE * 50}], threads=1)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[i][0]["doc"] == str(i) for i in range(4))


def test_to_acled():
    docs = rasd.extract_many([{"id": "a", "text": STRIKE, "published": "2025-03-14"}])
    csv_text = rasd.to_acled(docs)
    lines = csv_text.splitlines()
    assert lines[0].split(",") == rasd.ACLED_COLUMNS
    assert len(lines) == 2 and lines[1].startswith("a.1,2025-03-13,2025,")
    assert rasd.to_acled(docs, header=False) == csv_text.split("\n", 1)[1]
    [row] = rasd.acled_rows(docs)
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["fatalities"] == "5"
    # Bare incident records: their doc is their id without ".N".
    [row] = rasd.acled_rows(rasd.extract(STRIKE, doc="b"))
    assert row["doc"] == "b" and row["event_date"] == ""
    with pytest.raises(rasd.RasdError, match="not a rasd record"):
        rasd.to_acled([{"doc": "a", "incidents": [{"kind": "clash"}]}])


def test_to_dataframe():
    pd = pytest.importorskip("pandas")
    docs = rasd.extract_many(
        [{"id": "a", "text": STRIKE + " " + CLASH}, {"id": "b", "text": NOTHING}]
    )
    df = rasd.to_dataframe(docs)
    assert isinstance(df, pd.DataFrame)
    assert len(df) == sum(len(d["incidents"]) for d in docs)
    assert {"doc", "id", "kind", "killed_value", "span_start"} <= set(df.columns)
    acled = rasd.to_dataframe(docs, acled=True)
    assert list(acled.columns) == rasd.ACLED_COLUMNS
    assert len(rasd.to_dataframe(rasd.extract(CLASH), flat=False)) == 1


PLACES = "id\tname_ar\tlevel\tname_en\tlat\tlon\nX1\tكفر زيتونة\tvillage\tKafr Zaytuna\t35.5\t36.5\n"
VILLAGE = "قصف مدفعي على قرية كفر زيتونة"


def test_custom_places(tmp_path):
    f = tmp_path / "places.tsv"
    f.write_text(PLACES, encoding="utf-8")
    default = rasd.extract(VILLAGE)
    assert all(p["id"] != "X1" for i in default for p in i["places"])
    ex = rasd.Extractor(places=f)
    [inc] = ex.extract(VILLAGE)
    assert inc["places"][0]["id"] == "X1"
    assert inc["places"][0]["name_en"] == "Kafr Zaytuna"
    assert ex.extract_many([{"id": "doc", "text": VILLAGE}])[0]["incidents"] == [inc]
    assert "places" in repr(ex)
    only = rasd.Extractor(places=[str(f)], defaults=False)
    assert "1 places" in repr(only)


def test_bad_tables_raise_with_the_rust_message(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("id\tname_ar\tlevel\nA\tقرية\thamlet\n", encoding="utf-8")
    with pytest.raises(rasd.RasdError, match=r'bad.tsv:2: place A has an unknown level "hamlet"'):
        rasd.Extractor(places=f)
    with pytest.raises(OSError, match="cannot read"):
        rasd.Extractor(actors=tmp_path / "missing.tsv")


def test_docstrings_and_stubs():
    import importlib.resources as res

    assert rasd.extract.__doc__ and rasd.Extractor.__doc__
    assert rasd.Extractor.extract_many.__doc__
    pkg = res.files("rasd")
    assert (pkg / "__init__.pyi").is_file() and (pkg / "py.typed").is_file()
