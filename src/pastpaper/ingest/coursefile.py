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

from typing import Any, NoReturn

import yaml
from pydantic import ValidationError

from pastpaper.course import Course
from pastpaper.errors import InputError, clip, quote
from pastpaper.ingest.sources import split_lines
from pastpaper.schemes.points import family_points, teacher_point_id

__all__ = ["FORMAT_VERSION", "MAX_DEPTH", "dump_course", "load_course"]

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
    """Read a course file's text; raise InputError naming the line of the first mistake.

    Only plain YAML is read: text, numbers, lists and mappings. Anchors and aliases
    (``&name``, ``*name``), tags such as ``!!python/object``, merge keys (``<<``) and nesting
    deeper than MAX_DEPTH are refused before anything is built from them, so a small hostile
    file can neither hang the reader nor fill its memory.
    """
    try:
        loader = _Loader(text, name)  # checks every character first
    except yaml.reader.ReaderError as error:
        raise InputError(
            f"holds a character a YAML file cannot (#x{error.character:04x}); delete it",
            name,
            _line_at(text, error.position),
        ) from None
    try:
        root = loader.get_single_node()
        if root is None:
            raise InputError("the course file is empty", name)
        _refuse_duplicate_keys(root, loader)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = loader.line_of_mark(mark) if mark else None
        problem = clip(", ".join(filter(None, (error.context, error.problem))) or str(error))
        raise InputError(f"the file is not valid YAML: {problem}", name, line) from None
    except yaml.YAMLError as error:
        raise InputError(f"the file is not valid YAML: {clip(str(error))}", name) from None
    except (ValueError, OverflowError):
        # PyYAML's own checks miss a few things, such as an escape "\U00110000" past the last
        # character or a "%YAML 1.1111..." too long for int(); the reader stopped at them.
        raise InputError(
            "the file is not valid YAML: a number or escape here is out of range",
            name,
            loader.line_of_mark(loader.get_mark()),
        ) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise InputError("a course file is a mapping with title and topics", name, 1)
    version = data.pop("pastpaper", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise InputError(
            f"is a course file of format {quote(version)}; this pastpaper reads format "
            f"{FORMAT_VERSION}",
            name,
            _line_of(root, ("pastpaper",), loader),
        )
    try:
        course = Course.model_validate(data)
    except ValidationError as error:
        errors = error.errors()
        # Lines only for the problems the message shows: finding one reads the whole file.
        problems = [
            (_line_of(root, tuple(e["loc"]), loader), _explain(e, tuple(e["loc"])))
            for e in errors[:5]
        ]
        (line, message), rest = problems[0], problems[1:]
        if rest:
            more = "; ".join(f"line {n}: {m}" for n, m in rest)
            message += f" (and {len(errors) - 1} more: {more})"
        raise InputError(message, name, line) from None
    _check_scheme_points(course, root, loader)
    return course


#: How deep lists and mappings may nest. A course file is at most 11 deep (course, topics,
#: topic, families, family, questions, question, scheme, add, teacher point, accept); deeper
#: nesting is a mistake, and refusing it early keeps the reader from recursing without end.
MAX_DEPTH = 20

# The tags a course file may spell out: the plain YAML kinds it holds, and "!" (plain text).
_CORE = "tag:yaml.org,2002:"
_TAGS = frozenset(
    {"!", *(_CORE + kind for kind in ("str", "int", "float", "bool", "null", "seq", "map"))}
)
_READ_AS = {
    _CORE + "int": "a whole number",
    _CORE + "float": "a number",
    _CORE + "bool": "true or false",
    _CORE + "timestamp": "a date",
}


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing what a course file never needs before it is built.

    Checks are made as each node is composed, so an alias is refused at its first use and
    nesting at its 21st level, before the next level is read.
    """

    def __init__(self, text: str, name: str) -> None:
        super().__init__(text)
        # Names of their own: the reader already has ``name`` and ``line`` attributes.
        self.course_text = text
        self.file_name = name
        self.nesting = 0

    def line_of_mark(self, mark: Any) -> int:
        """The line of ``mark`` as an editor counts it (YAML also breaks lines at U+2028)."""
        return _line_at(self.course_text, mark.index)

    def refuse(self, message: str, mark: Any) -> NoReturn:
        line = None if mark is None else self.line_of_mark(mark)
        raise InputError(message, self.file_name, line)

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        # PyYAML's stubs leave events untyped: the node events have anchor, tag, start_mark.
        event: Any = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            self.refuse(
                f"an alias (*{clip(event.anchor or '', 40)}) repeats a value from elsewhere in the "
                "file; course files do not use aliases: write the value out in full",
                event.start_mark,
            )
        if event.anchor is not None:
            self.refuse(
                f"an anchor (&{clip(event.anchor, 40)}) names a value to repeat elsewhere; "
                "course files do not use anchors or aliases: delete it and write each value "
                "out in full",
                event.start_mark,
            )
        if event.tag is not None and event.tag not in _TAGS:
            self.refuse(
                f"the tag {_tag_as_written(event.tag)} is not read in a course file, which "
                "holds only text, numbers, lists and mappings; delete it",
                event.start_mark,
            )
        nests = isinstance(event, yaml.CollectionStartEvent)
        if nests:
            self.nesting += 1
            if self.nesting > MAX_DEPTH:
                self.refuse(
                    f"lists and mappings are nested more than {MAX_DEPTH} deep here, and a "
                    "course file is at most 11 deep: check the indentation and brackets",
                    event.start_mark,
                )
        node = super().compose_node(parent, index)
        if nests:
            self.nesting -= 1
        return node

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            value = super().construct_object(node, deep)
        except (ArithmeticError, LookupError, ValueError, TypeError):
            # A value YAML reads as a number, date or truth value that is not a valid one:
            # a date of month 13, a number of 5,000 digits, "!!int ten".
            kind = _READ_AS.get(node.tag, "a value")
            self.refuse(
                f"{quote(node.value)} cannot be read as {kind}; if it is text, put it in quotes",
                node.start_mark,
            )
        if isinstance(value, str) and not _encodable(value):
            # An escape such as "\ud800" names half of a character, which no file can hold.
            self.refuse(
                "an escape such as \\ud800 here names half a character (a lone surrogate); "
                "write the character itself",
                node.start_mark,
            )
        return value


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _tag_as_written(tag: str) -> str:
    if tag.startswith(_CORE):
        return clip("!!" + tag.removeprefix(_CORE), 60)
    return clip(tag if tag.startswith("!") else f"!<{tag}>", 60)


def _line_at(text: str, index: int) -> int:
    """The line number of character ``index``, counting line ends as editors do."""
    return len(split_lines(text[:index]))


def _check_scheme_points(course: Course, root: yaml.Node, loader: _Loader) -> None:
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
                            f"the scheme names the point {quote(point)}, which is not one of "
                            "this question family's points; 'pastpaper points' lists their ids",
                            loader.file_name,
                            _line_of(root, at, loader),
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
    key = clip(str(next((p for p in reversed(location) if isinstance(p, str)), "the file")))
    where_ = f" (at {clip(path)})" if path else ""
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key '{clip(str(location[-1]))}'; check its spelling{where_}"
    if kind == "missing":
        return f"'{clip(str(location[-1]))}' is required here{where_}"
    if kind in _KINDS:
        return f"'{key}' should be {_KINDS[kind]}, not {quote(error['input'])}{where_}"
    if kind == "value_error":
        reason = str(error["ctx"]["error"]) if "ctx" in error else error["msg"]
        return f"'{key}': {clip(reason, 600)}{where_}"
    detail = error["msg"].replace("Input should", "should")
    return f"'{key}' {clip(detail, 600)}, not {quote(error['input'])}{where_}"


def _line_of(node: yaml.Node, location: tuple[Any, ...], loader: _Loader) -> int:
    """The line of the key (or list item) at ``location``, as far down as it exists."""
    mark = node.start_mark
    for part in location:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == part), None)
            if found is None:
                break
            mark, node = found[0].start_mark, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return loader.line_of_mark(mark)


def _refuse_duplicate_keys(node: yaml.Node, loader: _Loader) -> None:
    # PyYAML keeps the last of two equal keys and drops the first: that would lose text.
    # (The loader has refused nesting deeper than MAX_DEPTH, so this recursion is shallow.)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                loader.refuse(
                    "a key must be a plain word such as 'title', not a list or mapping",
                    key.start_mark,
                )
            if key.tag == _CORE + "merge":
                # "<<: {...}" would quietly lose any key also written beside it.
                loader.refuse(
                    "'<<' (a YAML merge key) is not read in a course file; write the keys out",
                    key.start_mark,
                )
            if key.value in seen:
                loader.refuse(
                    f"the key '{clip(key.value)}' is given twice in one place; keep one",
                    key.start_mark,
                )
            seen.add(key.value)
            _refuse_duplicate_keys(value, loader)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_duplicate_keys(item, loader)
