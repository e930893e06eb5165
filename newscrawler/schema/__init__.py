"""The archive record's JSON Schema, shipped as ``record-v1.json`` beside this module."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_FILE = "record-v1.json"


def load_schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    # merged with appstate's body_source: schema 1.2 (the app-state branch) declares it;
    # until then a rendered record says so with this one value.
    schema["properties"].setdefault("body_source", {"enum": ["html", "app_state", "rendered"]})
    return schema


def record_validator() -> Draft202012Validator:
    """A compiled validator; build one per component, not per record."""
    return Draft202012Validator(load_schema())


def schema_errors(validator: Draft202012Validator, record: dict[str, Any]) -> list[str]:
    """Readable errors (``path: message``), empty when the record is valid."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '<record>'}: {error.message}"
        for error in validator.iter_errors(record)
    ]
