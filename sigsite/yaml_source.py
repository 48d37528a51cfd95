"""Safe YAML reading that remembers where every mapping and key stands.

PyYAML's `safe_load` silently keeps the last of two equal keys and forgets line
numbers; both matter for messages a maintainer can act on. It also expands aliases, so a few
kilobytes of `&a`/`*a` can stand for gigabytes of data, and recurses once per nesting level:
data files may use neither aliases nor deep nesting. And it builds sets, bytes and ordered pairs
that every reader would take for text (`str()` of a set publishes what it holds): here a value is
text, a number, true or false, null, a mapping or a list, and any other (`!!set`, `!!binary`, a
tag of its own) is an error at its line, read as null.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from sigsite.problems import CHARACTERS_LEFT_OUT, FILE_LEFT_OUT, Problems
from sigsite.reading import first_control_character, without_control_characters


class LocatedDict(dict[Any, Any]):
    """A YAML mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        """The line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class LocatedList(list[Any]):
    """A YAML sequence that knows its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        """The line of item `index`, or of the sequence when there is no such item."""
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


def items_of(value: Any) -> list[Any]:
    """The items of a YAML list; nothing for any other value (the schema check reports it)."""
    return value if isinstance(value, list) else []


# libyaml's parser when PyYAML has it (several times faster), with Python's safe constructor.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LocatingLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that builds located containers and reports duplicate keys."""

    source_name: str = ""
    line_offset: int = 0
    problems: Problems

    def line_of(self, node: yaml.Node) -> int:
        """The 1-based line of a node in the whole file."""
        return node.start_mark.line + 1 + self.line_offset


def _construct_mapping(loader: _LocatingLoader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    mapping = LocatedDict()
    mapping.line = loader.line_of(node)
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = loader.line_of(key_node)
        column = key_node.start_mark.column + 1
        try:
            hash(key)
        except TypeError:
            loader.problems.error(loader.source_name, line, "a mapping key must be plain text", column=column)
            continue
        if key in mapping:
            loader.problems.error(
                loader.source_name,
                line,
                f"duplicate key '{key}' (first on line {mapping.key_lines[key]}); "
                "YAML keeps only the last one, so the first is lost",
                "merge the two entries into one",
                column=column,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


def _construct_sequence(loader: _LocatingLoader, node: yaml.SequenceNode) -> LocatedList:
    sequence = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = loader.line_of(node)
    sequence.item_lines = [loader.line_of(child) for child in node.value]
    return sequence


def _construct_text(loader: _LocatingLoader, node: yaml.ScalarNode) -> str:
    # Without the control characters _refuse_aliases_and_depth reported: no page may carry them.
    return without_control_characters(str(loader.construct_scalar(node)))


def _construct_timestamp_as_text(loader: _LocatingLoader, node: yaml.ScalarNode) -> str:
    # Dates stay text (as in JSON), so schemas and messages treat every value alike.
    return str(loader.construct_scalar(node))


Constructor = Callable[[_LocatingLoader, Any], Any]
_TAG = "tag:yaml.org,2002:"
# The types data files hold, each with the node it is written as and what a value of it is.
_READ: dict[str, tuple[Constructor, type[yaml.Node], str]] = {
    "map": (_construct_mapping, yaml.MappingNode, "a mapping"),
    "seq": (_construct_sequence, yaml.SequenceNode, "a list"),
    "str": (_construct_text, yaml.ScalarNode, "text"),
    "timestamp": (_construct_timestamp_as_text, yaml.ScalarNode, "a date"),
    "null": (_BaseLoader.construct_yaml_null, yaml.ScalarNode, "null"),
    "bool": (_BaseLoader.construct_yaml_bool, yaml.ScalarNode, "true or false"),
    "int": (_BaseLoader.construct_yaml_int, yaml.ScalarNode, "a whole number"),
    "float": (_BaseLoader.construct_yaml_float, yaml.ScalarNode, "a number"),
}
_NOT_READ = ("set", "binary", "omap", "pairs")  # YAML's other types: named in the error


def _refuse(loader: _LocatingLoader, node: yaml.Node, what: str) -> None:
    """Report a value the data files may not hold, at its line and column; it is read as null."""
    loader.problems.error(
        loader.source_name,
        loader.line_of(node),
        f"{what} is left out: data files hold only text, numbers, true or false, lists and mappings",
        "write it as plain text, a list or a mapping, without a tag (!!set, !name)",
        column=node.start_mark.column + 1,
    )


def _reading(tag: str, construct: Constructor, node_type: type[yaml.Node], what: str) -> Constructor:
    """`construct`, for a node of `node_type` that it can read; anything else (`!!int abc`,
    `!!str [a]`) is refused at its line, and read as null."""

    def read(loader: _LocatingLoader, node: yaml.Node) -> Any:
        if isinstance(node, node_type):
            try:
                return construct(loader, node)
            except (ValueError, KeyError, TypeError, OverflowError, yaml.constructor.ConstructorError):
                pass
        _refuse(loader, node, f"a value tagged !!{tag} that is not {what}")
        return None

    return read


def _not_read(loader: _LocatingLoader, node: yaml.Node) -> None:
    """A set, binary data, an ordered map, pairs, or a value with a tag of its own: refused, never a
    value of another type (str() of a set would publish what it holds). A tag of its own is not
    quoted: it could hold anything."""
    tag = node.tag.removeprefix(_TAG)
    _refuse(loader, node, f"a value of type !!{tag}" if tag in _NOT_READ else "a value with a tag of its own")


for _tag, (_construct, _node_type, _what) in _READ.items():
    _LocatingLoader.add_constructor(_TAG + _tag, _reading(_tag, _construct, _node_type, _what))
for _tag in _NOT_READ:
    _LocatingLoader.add_constructor(_TAG + _tag, _not_read)
_LocatingLoader.add_constructor(None, _not_read)  # every other tag: `!!python/object`, `!mine`


MAX_DEPTH = 32  # mappings and lists inside each other; real SIG files use four


def _refuse_aliases_and_depth(text: str, loader: _LocatingLoader) -> bool:
    """Report the first alias and the first place nested too deep; True when there is neither.
    A value holding a control character is reported too, and read without it (`_construct_text`).

    Reads the parser's events, which libyaml produces without recursion: its composer recurses
    in C and crashes the interpreter on a few thousand nested brackets.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        refusal = None
        if isinstance(event, yaml.ScalarEvent) and (control := first_control_character(event.value)):
            line, column = (event.start_mark.line, event.start_mark.column) if event.start_mark else (0, 0)
            loader.problems.error(
                loader.source_name,
                line + 1 + loader.line_offset,
                f"the value holds the control character U+{ord(control):04X}",
                "remove it (escapes such as \\x01 in quoted text make one); the value is read without it",
                column=column + 1,
                topic=CHARACTERS_LEFT_OUT,
            )
        elif isinstance(event, yaml.AliasEvent):
            refusal = (
                "an alias (*name) repeats a value defined elsewhere; SIG files may not use aliases",
                "write the value out wherever it is needed",
            )
        elif isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                refusal = (
                    f"the data is nested more than {MAX_DEPTH} levels deep here",
                    "flatten the structure",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if refusal is not None:
            line, column = (event.start_mark.line, event.start_mark.column) if event.start_mark else (0, 0)
            loader.problems.error(
                loader.source_name,
                line + 1 + loader.line_offset,
                *refusal,
                column=column + 1,
                topic=FILE_LEFT_OUT,
            )
            return False
    return True


def load_yaml(text: str, source_name: str, problems: Problems, first_line: int = 1) -> Any:
    """Parse YAML text; syntax errors and duplicate keys become problems, never exceptions.

    `first_line` is the line of the file where the text starts, for YAML embedded in a
    larger file (front matter). Returns None when the text cannot be parsed.
    """
    loader = _LocatingLoader(text)
    loader.source_name = source_name
    loader.line_offset = first_line - 1
    loader.problems = problems
    try:
        if not _refuse_aliases_and_depth(text, loader):
            return None
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problems.error(
            source_name,
            mark.line + first_line if mark else first_line,
            f"YAML syntax error: {exc.problem or exc.context}",
            "check the indentation and quoting on this line and the one above",
            column=mark.column + 1 if mark else None,
            topic=FILE_LEFT_OUT,
        )
    except yaml.YAMLError as exc:
        problems.error(source_name, first_line, f"YAML error: {exc}", topic=FILE_LEFT_OUT)
    finally:
        loader.dispose()
    return None
