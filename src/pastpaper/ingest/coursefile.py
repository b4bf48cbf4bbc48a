"""The canonical course file: a whole course in YAML that a teacher can read and correct.

    pastpaper: 1
    title: Khrushchev's attempts at modernisation.
    slug: khrushchevs-attempts-at-modernisation
    topics:
    - number: 4
      title: Khrushchev’s attempts at modernisation
      families:
      - questions:
        - {year: 1999, text: In what ways did ...?, marks: 10, command_word: in what ways}
        notes:
        - In March 1953 Stalin died. ...

``dump_course`` and ``load_course`` round-trip: loading what was dumped gives an equal Course.
A mistake (an unknown key, marks of -1, a key given twice) is reported with its line.
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import ValidationError

from pastpaper.course import Course
from pastpaper.errors import InputError

__all__ = ["FORMAT_VERSION", "dump_course", "load_course"]

FORMAT_VERSION = 1


class _Dumper(yaml.SafeDumper):
    """Block style for text with line breaks, so notes read as they were written."""


# Characters a YAML reader turns into plain line breaks unless they are escaped.
_BREAKS = frozenset("\r\x85\u2028\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _BREAKS.intersection(value):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_course(course: Course) -> str:
    """The course as the text of a course file."""
    data = {"pastpaper": FORMAT_VERSION, **course.model_dump(mode="json")}
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def load_course(text: str, name: str = "<course file>") -> Course:
    """Read a course file's text; raise InputError naming the line of the first mistake."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(f"is not valid YAML: {error.problem or error}", name, line) from None
    except yaml.YAMLError as error:
        raise InputError(f"is not valid YAML: {error}", name) from None
    if root is None:
        raise InputError("the course file is empty", name)
    _refuse_duplicate_keys(root, name)
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise InputError("a course file is a mapping with title and topics", name, 1)
    version = data.pop("pastpaper", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise InputError(
            f"is a course file of format {version!r}; this pastpaper reads format {FORMAT_VERSION}",
            name,
            _line_of(root, ("pastpaper",)),
        )
    try:
        return Course.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        raise InputError(_explain(first, location), name, _line_of(root, location)) from None


def _explain(error: Any, location: tuple[Any, ...]) -> str:
    path = ".".join(str(part) for part in location) or "the file"
    if error["type"] == "extra_forbidden":
        return f"unknown key '{location[-1]}'; check its spelling (at {path})"
    if error["type"] == "missing":
        return f"'{location[-1]}' is required here (at {path})"
    return f"{path}: {error['msg']}, not {error['input']!r}"


def _line_of(node: yaml.Node, location: tuple[Any, ...]) -> int:
    """The line of the key (or list item) at ``location``, as far down as it exists."""
    line = int(node.start_mark.line)
    for part in location:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == part), None)
            if found is None:
                break
            line, node = int(found[0].start_mark.line), found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            line = int(node.start_mark.line)
        else:
            break
    return line + 1


def _refuse_duplicate_keys(node: yaml.Node, name: str) -> None:
    # PyYAML keeps the last of two equal keys and drops the first: that would lose text.
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key, value in node.value:
            if key.value in seen:
                raise InputError(
                    f"the key '{key.value}' is given twice in one place; keep one",
                    name,
                    key.start_mark.line + 1,
                )
            seen.add(key.value)
            _refuse_duplicate_keys(value, name)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_duplicate_keys(item, name)
