"""Validate located YAML data against the JSON Schemas shipped in `sigsite/schemas/`."""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError

from sigsite.addresses import HUB_SCHEMA_FILES, SCHEMA_FILES
from sigsite.problems import Problems
from sigsite.yaml_source import LocatedDict, LocatedList

_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of keys to values",
    "integer": "a whole number",
    "null": "empty",
    "boolean": "true or false",
}


def schema_text(name: str) -> str:
    """The schema file as shipped, for publishing on the site."""
    return (
        resources.files("sigsite.schemas")
        .joinpath({**SCHEMA_FILES, **HUB_SCHEMA_FILES}[name])
        .read_text("utf-8")
    )


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads(schema_text(name))
    return jsonschema.validators.validator_for(schema)(schema)


def _line_of(root: Any, path: list[str | int]) -> int | None:
    """Follow `path` into located data and return the line of its last step."""
    node, line = root, getattr(root, "line", None)
    for step in path:
        in_mapping = isinstance(node, LocatedDict) and step in node
        in_list = isinstance(node, LocatedList) and isinstance(step, int) and step < len(node)
        if not (in_mapping or in_list):
            break
        line = node.line_of(step)
        node = node[step]
    return line


def _describe(path: list[str | int]) -> str:
    parts = []
    for step in path:
        parts.append(f"entry {step + 1}" if isinstance(step, int) else f"'{step}'")
    return " > ".join(parts) or "the file"


def suggest(word: str, choices: list[str]) -> str:
    """A 'did you mean' hint for a misspelled key, or an empty string."""
    folded = {choice.lower(): choice for choice in choices}
    match = difflib.get_close_matches(word.lower(), list(folded), n=1, cutoff=0.6)
    return f"did you mean '{folded[match[0]]}'?" if match else ""


def _report(error: ValidationError, data: Any, file: str, problems: Problems) -> None:
    path = list(error.absolute_path)
    where = _describe(path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        allowed = sorted(schema.get("properties", {}))
        for key in error.instance:
            if key not in allowed:
                hint = suggest(str(key), allowed) or "allowed keys: " + ", ".join(allowed)
                problems.error(file, _line_of(data, [*path, key]), f"unknown key '{key}' in {where}", hint)
    elif error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "a required key"
        problems.error(file, _line_of(data, path), f"{where} has no '{missing}'", f"add '{missing}:'")
    elif error.validator == "type":
        wanted = error.validator_value
        names = [_TYPE_NAMES.get(str(t), str(t)) for t in (wanted if isinstance(wanted, list) else [wanted])]
        problems.error(file, _line_of(data, path), f"{where} must be {' or '.join(names)}")
    elif error.validator == "minLength":
        problems.error(file, _line_of(data, path), f"{where} is empty", "write a value or remove the key")
    elif error.validator == "pattern":
        problems.error(
            file,
            _line_of(data, path),
            f"{where} is not a web address: {error.instance!r}",
            "write a full address starting with https://",
        )
    else:
        problems.error(file, _line_of(data, path), f"{where}: {error.message}")


def check_against_schema(data: Any, name: str, file: str, problems: Problems) -> None:
    """Report every schema violation of `data` with its line."""
    errors = sorted(_validator(name).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        _report(error, data, file, problems)
