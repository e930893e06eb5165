"""``scrapy archive export``: one row per article (its latest revision) as CSV or Parquet.

CSV has no nested values, so ``authors`` and ``related`` are JSON strings there. Parquet
keeps them typed (``list<struct<name, bio, url, bio_source>>`` and ``list<struct<heading,
items: list<struct<title, url, summary>>>>``): pandas, DuckDB and Spark read them as lists
of records, with no JSON parsing downstream.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newscrawler.tools.stats import record_fields

NESTED = ("authors", "related")
FORMATS = ("csv", "parquet")


def export_records(records: Iterable[dict[str, Any]], output: Path, file_format: str) -> int:
    """Write ``records`` to ``output``; returns the number of rows."""
    rows = list(records)
    if file_format == "csv":
        _write_csv(rows, output)
    elif file_format == "parquet":
        _write_parquet(rows, output)
    else:
        raise ValueError(f"unknown format {file_format!r} (one of {', '.join(FORMATS)})")
    return len(rows)


def _write_csv(rows: list[dict[str, Any]], output: Path) -> None:
    fields = record_fields()
    with open(output, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            flat = dict(row)
            for name in NESTED:
                flat[name] = json.dumps(row.get(name, []), ensure_ascii=False)
            writer.writerow(flat)


def parquet_schema() -> Any:
    import pyarrow as pa  # only the parquet export needs it

    text = pa.string()
    author = pa.struct([("name", text), ("bio", text), ("url", text), ("bio_source", text)])
    item = pa.struct([("title", text), ("url", text), ("summary", text)])
    block = pa.struct([("heading", text), ("items", pa.list_(item))])
    types = {
        "authors": pa.list_(author),
        "related": pa.list_(block),
        "status": pa.int32(),
        "revision": pa.int32(),
        "schema_version": pa.int32(),
        "schema_minor": pa.int32(),
    }
    return pa.schema([(name, types.get(name, text)) for name in record_fields()])


def _write_parquet(rows: list[dict[str, Any]], output: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=parquet_schema())
    pq.write_table(table, output)
