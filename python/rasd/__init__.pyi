"""Type stubs of rasd (the PyO3 extension ``rasd._rasd`` and its pandas helpers)."""

from __future__ import annotations

import datetime
import os
from typing import Any, Iterable, Literal, Mapping, Sequence, TypedDict, Union

__version__: str
ACLED_COLUMNS: list[str]
DOC_FIELDS: tuple[str, ...]

Published = Union[str, datetime.date, None]
PathArg = Union[str, os.PathLike[str], Sequence[Union[str, os.PathLike[str]]], None]

class Span(TypedDict):
    start: int
    end: int

class Incident(TypedDict, total=False):
    """One incident, as docs/OUTPUT.md describes it."""

    id: str
    kind: str
    aggregate: bool
    span: Span
    char_span: Span
    text: str
    date: dict[str, Any] | None
    places: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    killed: dict[str, Any] | None
    injured: dict[str, Any] | None
    displaced: dict[str, Any] | None
    targets: list[str]
    weapons: list[str]
    source: dict[str, Any] | None
    uncertain: bool

class DocRecord(TypedDict, total=False):
    """One document, as the CLI's JSON lines (``error`` instead of
    ``incidents`` when it could not be read)."""

    doc: str | int
    published: str | None
    source: Any
    url: Any
    incidents: list[Incident]
    error: str

class RasdError(ValueError):
    """A bad gazetteer table, date or record; the message is rasd's own."""

class Extractor:
    """An incident extractor with the default gazetteer, or the default
    tables plus (``defaults=False``: only) your own TSV files."""

    def __init__(
        self,
        places: PathArg = None,
        actors: PathArg = None,
        *,
        defaults: bool = True,
    ) -> None: ...
    def extract(
        self, text: str, published: Published = None, *, doc: str = "doc"
    ) -> list[Incident]: ...
    def extract_many(
        self,
        docs: Iterable[Mapping[str, Any]],
        threads: int | None = None,
        *,
        published: Published = None,
        errors: Literal["raise", "record"] = "raise",
    ) -> list[DocRecord]: ...
    def to_acled(
        self,
        records: Iterable[Mapping[str, Any]],
        *,
        with_aggregates: bool = False,
        header: bool = True,
    ) -> str: ...
    def acled_rows(
        self, records: Iterable[Mapping[str, Any]], *, with_aggregates: bool = False
    ) -> list[dict[str, str]]: ...

def extract(
    text: str, published: Published = None, *, doc: str = "doc"
) -> list[Incident]:
    """The incidents of one article, as the CLI's records, with the default
    gazetteer. The GIL is released while extracting."""

def extract_many(
    docs: Iterable[Mapping[str, Any]],
    threads: int | None = None,
    *,
    published: Published = None,
    errors: Literal["raise", "record"] = "raise",
) -> list[DocRecord]:
    """Extracts many ``{"id", "text", "published", "source", "url"}`` docs on
    ``threads`` threads (default: all cores); one record per doc, in order."""

def to_acled(
    records: Iterable[Mapping[str, Any]],
    *,
    with_aggregates: bool = False,
    header: bool = True,
) -> str:
    """The ACLED-style CSV of ``rasd extract --format acled``."""

def acled_rows(
    records: Iterable[Mapping[str, Any]], *, with_aggregates: bool = False
) -> list[dict[str, str]]:
    """The rows of ``to_acled`` as dicts."""

def incident_rows(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One dict per incident, after its document's fields."""

def to_dataframe(
    records: Iterable[Mapping[str, Any]],
    *,
    acled: bool = False,
    flat: bool = True,
    with_aggregates: bool = False,
) -> Any:
    """A pandas DataFrame, one row per incident (needs pandas)."""
