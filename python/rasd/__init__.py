"""rasd: structured, verifiable incident records from Arabic news about the
war in Syria (airstrikes, shelling, clashes...), every fact with a span into
the original text.

The records are those of the ``rasd extract`` CLI (docs/OUTPUT.md in the
repository): ``span`` is in UTF-8 bytes, ``char_span`` in characters, so
``text[inc["char_span"]["start"]:inc["char_span"]["end"]]`` is the evidence.

>>> import rasd
>>> incs = rasd.extract("اشتباكات عنيفة في مدينة درعا", "2025-03-14")
>>> incs[0]["kind"]
'clash'
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from ._rasd import (
    ACLED_COLUMNS,
    Extractor,
    RasdError,
    __version__,
    acled_rows,
    extract,
    extract_many,
    to_acled,
)

__all__ = [
    "ACLED_COLUMNS",
    "Extractor",
    "RasdError",
    "__version__",
    "acled_rows",
    "extract",
    "extract_many",
    "incident_rows",
    "to_acled",
    "to_dataframe",
]

#: The document fields ``incident_rows`` and ``to_dataframe`` put before
#: each incident's own.
DOC_FIELDS = ("doc", "published", "source", "url")


def incident_rows(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One dict per incident: the incident's fields after its document's
    (``doc``, ``published``, ``source``, ``url``).

    ``records`` are document records (``extract_many``, the CLI's JSON
    lines; those with an ``error`` are skipped) or incident records
    (``extract``), which are passed through with ``doc`` set from their id.
    """
    rows: list[dict[str, Any]] = []
    for rec in records:
        if "incidents" in rec or "error" in rec:
            meta = {k: rec.get(k) for k in DOC_FIELDS}
            for inc in rec.get("incidents") or ():
                rows.append({**meta, **inc})
        elif "doc" not in rec:
            doc = str(rec.get("id", "")).rpartition(".")[0]
            rows.append({"doc": doc, **rec})
        else:
            rows.append(dict(rec))
    return rows


def to_dataframe(
    records: Iterable[Mapping[str, Any]],
    *,
    acled: bool = False,
    flat: bool = True,
    with_aggregates: bool = False,
):
    """A pandas DataFrame of ``records`` (documents or incidents), one row
    per incident. Needs pandas.

    ``flat`` (the default) spreads nested objects into columns joined by
    ``_`` (``killed_value``, ``date_start``, ``span_start``...); lists
    (``places``, ``actors``, ``targets``, ``weapons``) stay lists.
    ``acled=True`` gives the ACLED-style table of ``to_acled`` instead
    (string cells, aggregates left out unless ``with_aggregates``).
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the install
        raise ImportError(
            "rasd.to_dataframe needs pandas: pip install pandas"
        ) from e
    records = list(records)
    if acled:
        rows = acled_rows(records, with_aggregates=with_aggregates)
        return pd.DataFrame(rows, columns=list(ACLED_COLUMNS))
    rows = incident_rows(records)
    if flat:
        return pd.json_normalize(rows, sep="_", max_level=1)
    return pd.DataFrame(rows)
