"""Turn a file on disk into lines of text, whatever it was saved as.

Plain text and Markdown are decoded (UTF-8, UTF-16 with a byte-order mark, or Windows-1252
with a warning); DOCX and PDF have their text extracted first. Nothing here interprets the
notes: that is ``parse``'s job.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pastpaper.errors import InputError, Line, Notice, clip
from pastpaper.language import CURRENCY, SHORT_SCALE, WORD
from pastpaper.text import OWN_CELL_WORDS

__all__ = ["Format", "Source", "decode_text", "read_source", "source_of_bytes"]

Format = Literal["text", "markdown", "docx", "pdf", "course"]

_SUFFIXES: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".pdf": "pdf",
    ".yaml": "course",
    ".yml": "course",
}
_LINE_END = re.compile(r"\r\n|\r|\n")
_READABLE = ".txt, .md, .docx, .pdf, or a course file (.yaml)"


@dataclass(frozen=True)
class Source:
    """The text of one file as lines, with the label each line has in the original file."""

    name: str
    lines: list[str]
    markdown: bool = False
    labels: list[str] | None = None  # e.g. "paragraph 12" for DOCX; None means "line N"
    notices: list[Notice] = field(default_factory=list)

    def line(self, index: int) -> Line:
        """Where line ``index`` (0-based) is, as a message should name it."""
        return self.labels[index] if self.labels is not None else index + 1


def detect_format(path: Path, head: bytes) -> Format:
    """The file's format, from its first bytes where they tell, else from its suffix."""
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and path.suffix.lower() != ".yaml":
        return "docx"
    return _SUFFIXES.get(path.suffix.lower(), "text")


def read_source(path: Path, max_bytes: int) -> tuple[Format, Source]:
    """Read ``path`` as lines of text, and say which format they are in."""
    name = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError("is a folder; give the notes files inside it", name)
        if size > max_bytes:
            raise InputError(
                f"the file is {_size(size)}, over the {_size(max_bytes)} limit for one notes "
                "file; split it into smaller files",
                name,
                remedy="max_mb",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except PermissionError:
        raise InputError("cannot be read (permission denied)", name) from None
    return source_of_bytes(data, name, max_bytes)


def source_of_bytes(data: bytes, name: str, max_bytes: int) -> tuple[Format, Source]:
    """Read a file's bytes already in memory (an upload) as lines of text, and say which
    format they are in; ``name`` is the file's name, which messages give and whose suffix
    tells the format where the bytes do not."""
    if len(data) > max_bytes:
        raise InputError(
            f"the file is {_size(len(data))}, over the {_size(max_bytes)} limit for one notes "
            "file; split it into smaller files",
            name,
            remedy="max_mb",
        )
    if not data.strip():
        raise InputError("the file is empty: there is nothing to import", name)
    kind = detect_format(Path(name), data[:8])
    if data[:64].lstrip()[:5] == b"{\\rtf":
        # Rich text reads as text, but its markup would become the notes' words.
        raise InputError(
            f"is a rich-text (RTF) document, which pastpaper cannot read; save it as {_READABLE}",
            name,
        )
    if kind == "docx":
        return kind, _docx_source(data, name)
    if kind == "pdf":
        return kind, _pdf_source(data, name)
    text, notices = decode_text(data, name)
    return kind, Source(name, split_lines(text), markdown=kind == "markdown", notices=notices)


def split_lines(text: str) -> list[str]:
    """Lines as editors count them: only CR, LF and CRLF end a line (not form feeds or U+2028)."""
    return _LINE_END.split(text)


def _size(count: int) -> str:
    """A byte count as people say it: 50.0 MB, 12.3 kB, 17 bytes."""
    if count >= 1_000_000:
        return f"{count / 1e6:.1f} MB"
    if count >= 1_000:
        return f"{count / 1e3:.1f} kB"
    return f"{count} byte" + ("" if count == 1 else "s")


def decode_text(data: bytes, name: str) -> tuple[str, list[Notice]]:
    """Decode notes saved by any common editor; refuse binary data with a clear message."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as error:
            raise InputError(f"is marked as UTF-16 but is not ({error.reason})", name) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, []
    if _looks_binary(data):
        raise InputError(
            f"this is not a text file (it holds binary data); pastpaper reads {_READABLE}", name
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return _decode_by_line(data.removeprefix(b"\xef\xbb\xbf"), name)


def _decode_by_line(data: bytes, name: str) -> tuple[str, list[Notice]]:
    """Text that is not all UTF-8: each line that is UTF-8 is read so (an editor may have
    added one pasted from elsewhere), each other as Windows-1252 (else Latin-1); one notice
    names the first such line and counts the rest."""
    parts: list[str] = []
    odd: list[tuple[int, int, str]] = []  # (line, first bad byte, encoding)
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        try:
            parts.append(raw.decode("utf-8"))
            continue
        except UnicodeDecodeError as error:
            bad = raw[error.start]
        try:
            parts.append(raw.decode("cp1252"))
            odd.append((number, bad, "Windows-1252"))
        except UnicodeDecodeError:
            parts.append(raw.decode("latin-1"))
            odd.append((number, bad, "Latin-1"))
    line, byte, encoding = odd[0]
    rest = odd[1:]
    others = ""
    if rest:
        shown = ", ".join(str(n) for n, _, _ in rest[:5]) + (", …" if len(rest) > 5 else "")
        others = f" and {len(rest)} other line{'s' if len(rest) > 1 else ''} ({shown})"
    notice = Notice(
        f"the file is not UTF-8 (byte 0x{byte:02x} here); read this line{others} as "
        f"{encoding}: check {'their' if rest else 'its'} quotes and accents, or save the file "
        "as UTF-8",
        name,
        line,
    )
    return "".join(parts), [notice]


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 with no byte-order mark: every other byte of ASCII text is zero."""
    head = data[:4096]
    if len(head) < 4 or len(data) % 2:
        return None
    for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= len(zeros) * 0.9:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f\v\x1a")
    return controls > len(head) * 0.05


def _docx_source(data: bytes, name: str) -> Source:
    import docx  # python-docx is slow to import; only DOCX imports pay for it

    try:
        document = docx.Document(io.BytesIO(data))
        lines, labels, markdown = _docx_lines(document)
    except Exception as error:
        # A damaged file can fail anywhere in zipfile, zlib, lxml or python-docx, each with
        # exceptions of its own; whichever it is, the file cannot be read.
        raise InputError(f"is not a readable DOCX file ({_reason(error)})", name) from None
    if not any(line.strip() for line in lines):
        raise InputError("the document has no text to import", name)
    return Source(name, lines, markdown=markdown, labels=labels)


def _docx_lines(document: Any) -> tuple[list[str], list[str], bool]:
    """The document's text as lines, the label of each, and whether it has headings."""
    from docx.table import Table

    lines: list[str] = []
    labels: list[str] = []
    markdown = False
    for number, block in enumerate(document.iter_inner_content(), start=1):
        if isinstance(block, Table):
            # Notes kept in a table: each row is a block of notes, its cells one statement.
            texts = _row_texts(block)
        else:
            style = block.style.name if block.style is not None else ""
            level = _heading_level(style or "")
            text = block.text
            if level and text.strip():
                markdown = True
                text = "#" * level + " " + text.strip()
            texts = [text]
        # One DOCX paragraph is one block of notes: keep a blank line after it.
        for text in texts:
            for part in [*split_lines(text), ""]:
                lines.append(part)
                labels.append(f"paragraph {number}")
    return lines, labels, markdown


def _reason(error: Exception) -> str:
    """Why a library could not read a file, on one line and short."""
    return clip(" ".join(str(error).split()) or type(error).__name__)


def _row_texts(table: Any) -> list[str]:
    """A table's rows as blocks of notes, read across: a cell that labels the next is
    joined to it in one statement ("59 BC: As consul he pushed through a land law ..."),
    and a cell that is a sentence of its own stays a block of its own. A header row
    ("When", "What Caesar did") becomes a line that opens the rows below it ("When / What
    Caesar did:"), which the notes keep and no point is cut from."""
    seen: list[Any] = []  # the cells' XML elements: a merged cell is listed once a column
    rows: list[list[str]] = []
    bold: list[bool] = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if not any(element is cell._tc for element in seen):
                seen.append(cell._tc)
                cells.append(cell)
        rows.append([" ".join(cell.text.split()) for cell in cells])
        runs = [
            run for cell in cells for p in cell.paragraphs for run in p.runs if run.text.strip()
        ]
        bold.append(bool(runs) and all(run.bold for run in runs))
    texts = []
    header: list[str] = []
    for number, cells in enumerate(rows):
        filled = [text for text in cells if text]
        if not filled:
            continue
        if number == 0 and len(rows) > 1 and _is_header(filled, rows[1:], bold[0]):
            texts.append(" / ".join(filled) + ":")
            header = cells
        else:
            texts += _joined(_labelled(cells, header) if header else filled)
    return texts


def _labelled(cells: list[str], header: list[str]) -> list[str]:
    """A row's cells, each figure alone after the first cell given its column's heading, so
    that the row says what it counts: "1929", "Unemployed 1,503,000" (under "Year |
    Unemployed"). Cells that say more than a figure are as they are."""
    labelled = []
    for column, text in enumerate(cells):
        heading = header[column] if column < len(header) else ""
        if column > 0 and heading and _FIGURE_CELL.fullmatch(text):
            text = f"{heading} {text}"
        if text:
            labelled.append(text)
    return labelled


# A cell that holds a figure alone: "1,503,000", "£3.60", "25%", "2.5m", "c. 400".
_FIGURE_CELL = re.compile(
    rf"(?:c\.\s?|about\s|approx\.?\s)?{CURRENCY}?\d[\d.,]*(?:%|{SHORT_SCALE})?(?:\s\w+)?"
)


def _is_header(cells: list[str], body: list[list[str]], bold: bool) -> bool:
    """Is a table's first row a header: labels of a few words, no full stop and no figure alone,
    set in bold, shorter than what stands under them, or over rows that each hold a figure
    ("Year | Unemployed" over "1929 | 1,503,000")?"""
    # (A year in a label of words is the label's: "What happened in 1947"; a cell of figures
    # alone is no label: "1929 | 1,503,000".)
    labels = all(
        len(text.split()) <= 6
        and not re.search(r"[.!?;]$", text)
        and (re.search(r"[^\W\d_]{2}", text) is not None)
        and not _FIGURE_CELL.fullmatch(text)
        for text in cells
    )
    longer = any(len(" ".join(row).split()) > 2 * len(" ".join(cells).split()) for row in body)
    figures = all(any(re.search(r"\d", text) for text in row) for row in body if any(row))
    return labels and (bold or longer or figures)


def _joined(cells: list[str]) -> list[str]:
    """A row's cells as blocks of notes: a cell that labels what follows it is joined to it
    ("Fear of prosecution: His enemies ..."); a cell that ends a sentence ends its block, and
    a cell after the second that says something of its own (four words or more) opens one,
    under the row's first cell as its label, so that no statement runs on from one cell into
    the next ("William | Harold had sworn an oath | Edward's cousin once removed" is no "oath:
    Edward's cousin", but "William: Edward's cousin once removed")."""
    blocks = [cells[0]]
    # (A cell of its own keeps the row's name as its label: "Kashmir: He joined India on 26
    # October 1947", not "He joined India ..." with no one to say who.)
    named = "" if re.search(r"[.!?;:]$", cells[0]) else f"{cells[0]}: "
    for column, cell in enumerate(cells[1:], start=1):
        own = column > 1 and len(WORD.findall(cell)) >= OWN_CELL_WORDS
        if own:
            blocks.append(named + cell)
        elif re.search(r"[.!?]$", blocks[-1]):
            blocks.append(cell)
        else:
            blocks[-1] += (" " if blocks[-1].endswith((":", ";")) else ": ") + cell
    return blocks


def _heading_level(style: str) -> int:
    """Markdown level of a Word style: Title is ``#``, Heading 1 is ``##``, and so on."""
    if style == "Title":
        return 1
    if style.startswith("Heading "):
        suffix = style.removeprefix("Heading ").strip()
        if suffix.isdigit():
            return min(int(suffix) + 1, 6)
    return 0


def _pdf_paragraphs(page: list[str]) -> list[str]:
    """Text lines of a laid-out page, with one blank line where the gap is wider than usual."""
    texts: list[str] = []
    gaps: list[int] = []
    blank_run = 0
    for line in page:
        if line.strip():
            if texts:
                gaps.append(blank_run)
            texts.append(line.strip())
            blank_run = 0
        else:
            blank_run += 1
    # Lines of one paragraph sit at most one blank line apart in layout mode.
    usual = min([*gaps, 1])
    out = texts[:1]
    for gap, text in zip(gaps, texts[1:], strict=True):
        if gap > usual:
            out.append("")
        out.append(text)
    return out


def _pdf_source(data: bytes, name: str) -> Source:
    import logging

    import pypdf

    # pypdf logs what it repairs; a PDF it cannot read gets one clear error from us instead.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        # Layout mode keeps vertical gaps as blank lines, which is how paragraphs are told apart.
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except Exception as error:
        # pypdf raises many kinds of exception on a damaged file (PdfReadError, but also
        # NotImplementedError for an unknown filter, LimitReachedError for a loop, ...).
        raise InputError(f"is not a readable PDF file ({_reason(error)})", name) from None
    lines: list[str] = []
    labels: list[str] = []
    for page_number, page in enumerate(pages, start=1):
        for line_number, line in enumerate(_pdf_paragraphs(split_lines(page)), start=1):
            lines.append(line)
            labels.append(f"page {page_number}, line {line_number}")
        lines.append("")
        labels.append(f"page {page_number}")
    if not any(line.strip() for line in lines):
        raise InputError(
            "the PDF has no text layer to import (is it a scan? run it through OCR first)", name
        )
    return Source(name, lines, labels=labels)
