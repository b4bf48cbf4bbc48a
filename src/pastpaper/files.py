"""Writing files safely: whole or not at all, and never over a file of another kind.

Every file pastpaper writes (a mark book, a deck, a quiz, a course file, a chart) goes through
``write_file``: the content is written to a temporary file beside the target and renamed into
place, so a crash leaves the old file or the new one, never half of one. An existing file is
replaced only with ``force``, and never when it is not of the kind being written, by its
name or its first bytes (a SQLite database, notes in ``notes.txt`` where a CSV was asked
for, a PNG), nor when it is one of the ``protect``ed paths (the database in use, the file
being read).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> write_file(folder / "book.csv", "student,mark\\nA1,3\\n", kind=CSV)
>>> (folder / "book.csv").read_text()
'student,mark\\nA1,3\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pastpaper.errors import OutputError

__all__ = [
    "APKG",
    "CSV",
    "JSON",
    "PNG",
    "SVG",
    "XML",
    "YAML",
    "FileKind",
    "check_writable",
    "write_file",
]

_SQLITE = b"SQLite format 3\x00"
_SNIFF = 4096
# Files that start like text for a few bytes: PNG, zip (DOCX, APKG), PDF, gzip.
_BINARY = (b"\x89PNG", b"PK\x03\x04", b"PK\x05\x06", b"%PDF", b"\x1f\x8b")


@dataclass(frozen=True)
class FileKind:
    """A kind of file pastpaper writes, and how to tell an existing file of that kind: by
    its name's suffix and by its first bytes (a notes file is text too, but not a CSV)."""

    name: str
    suffixes: tuple[str, ...]
    looks_like: Callable[[bytes], bool]


def _is_text(head: bytes) -> bool:
    """Text as a mark book, course file or XML is: no NUL byte, decodable as UTF-8 or
    Windows-1252 (the head may end inside a character, so a short tail is forgiven)."""
    if b"\x00" in head or head.startswith(_BINARY):
        return False
    for encoding in ("utf-8", "cp1252"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as error:
            if encoding == "utf-8" and error.start >= len(head) - 3:
                return True
    return False


def _starts_xml(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return _is_text(head) and text.startswith(b"<")


CSV = FileKind("a CSV file", (".csv", ".tsv"), _is_text)
JSON = FileKind("a JSON file", (".json",), _is_text)
YAML = FileKind("a course file (YAML)", (".yaml", ".yml"), _is_text)
XML = FileKind("an XML file", (".xml",), _starts_xml)
SVG = FileKind("an SVG picture", (".svg",), _starts_xml)
PNG = FileKind("a PNG picture", (".png",), lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"))
# An Anki package is a zip; an empty zip starts with its end record.
APKG = FileKind(
    "an Anki package", (".apkg",), lambda head: head[:4] in (b"PK\x03\x04", b"PK\x05\x06")
)


def _same_file(path: Path, other: Path) -> bool:
    try:
        return path.resolve() == other.resolve() or (
            path.exists() and other.exists() and os.path.samefile(path, other)
        )
    except OSError:
        return False


def check_writable(
    path: Path, kind: FileKind, *, force: bool = False, protect: Iterable[Path | None] = ()
) -> None:
    """Raise OutputError if writing ``path`` would replace what must not be replaced.

    Called before long work starts, so a user learns at once; ``write_file`` checks again.
    ``protect`` may hold None (a ``Store.path`` on a server's database): it protects nothing.
    """
    for kept in filter(None, protect):
        if _same_file(path, kept):
            raise OutputError(f"{path} is {_what(kept)}; write to another file")
    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name")
    if not path.exists() and not path.is_symlink():
        if not path.parent.is_dir():
            raise OutputError(f"{path}: cannot write: the folder {path.parent} does not exist")
        return
    if not force:
        raise OutputError(f"{path} exists", remedy="force")
    try:
        with path.open("rb") as existing:
            head = existing.read(_SNIFF)
    except OSError as error:
        raise OutputError(
            f"{path}: cannot read the file to be replaced ({error.strerror})"
        ) from None
    if head.startswith(_SQLITE):
        raise OutputError(f"{path} is a SQLite database, not {kind.name}; it is left as it is")
    if path.suffix.lower() not in kind.suffixes or (head and not kind.looks_like(head)):
        raise OutputError(f"{path} is not {kind.name}, so it is left as it is", remedy="kept")


def _what(kept: Path) -> str:
    """What a protected file is, in a message: the store, or the file being read."""
    try:
        with kept.open("rb") as file:
            database = file.read(len(_SQLITE)) == _SQLITE
    except OSError:
        database = False
    return "the database in use" if database else f"the file being read ({kept.name})"


def write_file(
    path: str | Path,
    content: str | bytes | Callable[[Path], None],
    *,
    kind: FileKind,
    force: bool = False,
    protect: Iterable[Path | None] = (),
) -> None:
    """Write ``content`` to ``path`` whole: into a temporary file beside it, then renamed.

    ``content`` is text (written as UTF-8), bytes, or a function that writes the file at the
    path it is given (for libraries that only write to a path, such as genanki).
    """
    path = Path(path)
    protect = list(protect)
    check_writable(path, kind, force=force, protect=protect)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    temporary = Path(name)
    try:
        if callable(content):
            os.close(handle)
            content(temporary)
        else:
            data = content.encode("utf-8") if isinstance(content, str) else content
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
        _set_mode(temporary, path)
        # Checked again just before the rename: the file may have appeared meanwhile.
        check_writable(path, kind, force=force, protect=protect)
        if force:
            os.replace(temporary, path)
        else:
            _rename_new(temporary, path)
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _rename_new(temporary: Path, path: Path) -> None:
    """Put ``temporary`` at ``path`` only if nothing is there: a hard link fails if it is."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise OutputError(f"{path} exists", remedy="force") from None
    except OSError:
        # A file system without hard links: the check above is the best there is.
        os.replace(temporary, path)


def _set_mode(temporary: Path, path: Path) -> None:
    """A new file gets the usual permissions (mkstemp's are owner-only); a replaced one keeps
    its own."""
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)
