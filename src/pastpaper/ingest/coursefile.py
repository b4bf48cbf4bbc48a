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
from pastpaper.points import family_points, teacher_point_id

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
    for topic, topic_data in zip(course.topics, data["topics"], strict=True):
        for family, family_data in zip(topic.families, topic_data["families"], strict=True):
            for question, question_data in zip(
                family.questions, family_data["questions"], strict=True
            ):
                # Only the edits a teacher made, not every empty field of one.
                if question.scheme is None:
                    del question_data["scheme"]
                else:
                    question_data["scheme"] = question.scheme.model_dump(
                        mode="json", exclude_defaults=True
                    )
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
    try:
        data = yaml.safe_load(text)
    except RecursionError:
        raise InputError("an alias (*name) refers to itself; write the value out", name) from None
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
        course = Course.model_validate(data)
    except ValidationError as error:
        problems = [
            (_line_of(root, tuple(e["loc"])), _explain(e, tuple(e["loc"]))) for e in error.errors()
        ]
        (line, message), rest = problems[0], problems[1:5]
        if rest:
            more = "; ".join(f"line {n}: {m}" for n, m in rest)
            message += f" (and {len(problems) - 1} more: {more})"
        raise InputError(message, name, line) from None
    _check_scheme_points(course, root, name)
    return course


def _check_scheme_points(course: Course, root: yaml.Node, name: str) -> None:
    """Every point a scheme edit names must be one of its family's points, or added by it."""
    for t, topic in enumerate(course.topics):
        for f, family in enumerate(topic.families):
            known: set[str] | None = None
            for q, question in enumerate(family.questions):
                if question.scheme is None:
                    continue
                if known is None:
                    known = {point.id for point in family_points(family)}
                added = {teacher_point_id(p) for p in question.scheme.add}
                for place, point in question.scheme.point_ids():
                    if point not in known | added:
                        at = ("topics", t, "families", f, "questions", q, "scheme", *place)
                        raise InputError(
                            f"the scheme names the point '{point}', which is not one of this "
                            "question family's points; 'pastpaper points' lists their ids",
                            name,
                            _line_of(root, at),
                        )


_KINDS = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "string_type": "text",
    "tuple_type": "a list (lines starting with '- ')",
    "list_type": "a list (lines starting with '- ')",
    "model_type": "a mapping ('key: value' lines)",
    "model_attributes_type": "a mapping ('key: value' lines)",
    "dict_type": "a mapping ('key: value' lines)",
}


def _explain(error: Any, location: tuple[Any, ...]) -> str:
    """A pydantic error in the words of the course file: which key, what it should be."""
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in location).lstrip(".")
    key = next((p for p in reversed(location) if isinstance(p, str)), "the file")
    where_ = f" (at {path})" if path else ""
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key '{location[-1]}'; check its spelling{where_}"
    if kind == "missing":
        return f"'{location[-1]}' is required here{where_}"
    if kind in _KINDS:
        return f"'{key}' should be {_KINDS[kind]}, not {error['input']!r}{where_}"
    if kind == "value_error":
        reason = str(error["ctx"]["error"]) if "ctx" in error else error["msg"]
        return f"'{key}': {reason}{where_}"
    detail = error["msg"].replace("Input should", "should")
    return f"'{key}' {detail}, not {error['input']!r}{where_}"


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


def _refuse_duplicate_keys(node: yaml.Node, name: str, depth: int = 0) -> None:
    # PyYAML keeps the last of two equal keys and drops the first: that would lose text.
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise InputError(
                    "a key must be a plain word such as 'title', not a list or mapping",
                    name,
                    key.start_mark.line + 1,
                )
            if key.value in seen:
                raise InputError(
                    f"the key '{key.value}' is given twice in one place; keep one",
                    name,
                    key.start_mark.line + 1,
                )
            seen.add(key.value)
            _refuse_duplicate_keys(value, name, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        if depth > 50:  # a course file is 6 levels deep; only an alias loop goes further
            raise InputError(
                "an alias (*name) refers to itself; write the value out",
                name,
                node.start_mark.line + 1,
            )
        for item in node.value:
            _refuse_duplicate_keys(item, name, depth + 1)
