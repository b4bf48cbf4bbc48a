"""Charts as files: SVG or PNG, chosen by the file's suffix, drawn with matplotlib.

matplotlib is imported only when a chart is drawn, so commands that draw none start fast.
Figures are built with the object-oriented API (no pyplot, no global state) and rendered
in memory before anything is written, so a chart that fails to draw leaves no file behind.
"""

from __future__ import annotations

import io
import textwrap
import unicodedata
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from pastpaper.errors import OutputError
from pastpaper.files import PNG, SVG, FileKind, write_file
from pastpaper.text import shorten

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "FORMATS",
    "RIGHT_TO_LEFT_NOT_DRAWN",
    "chart_format",
    "chart_kind",
    "figure_bytes",
    "figure_svg",
    "has_right_to_left",
    "new_figure",
    "right_to_left_drawn",
    "save_figure",
    "shorten",
    "visual_order",
    "wrapped",
]

#: The file suffixes a chart can be written as, and the format each one means.
FORMATS = {".svg": "svg", ".png": "png"}


def chart_format(path: Path) -> str:
    """The format a chart at ``path`` is written in; OutputError for any other suffix.

    >>> chart_format(Path("trends.SVG"))
    'svg'
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        allowed = " or ".join(FORMATS)
        given = f"'{path.suffix}'" if path.suffix else "no suffix"
        raise OutputError(f"{path}: a chart is written as {allowed}, and this file has {given}")
    return FORMATS[suffix]


def new_figure(width: float, height: float) -> Figure:
    """An empty figure of this size in inches, not attached to any window or global state."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def figure_bytes(figure: Figure, kind: str) -> bytes:
    """``figure`` rendered in memory as ``kind`` ("svg" or "png"): the bytes a chart file
    holds, for a file or for a page that shows the chart inline."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        # A character the font lacks is drawn as a box; the chart is still worth having.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        # No creation date in the file: the same chart is the same bytes.
        metadata = {"Date": None} if kind == "svg" else {}
        figure.savefig(buffer, format=kind, metadata=metadata, bbox_inches="tight", dpi=150)
    return buffer.getvalue()


def figure_svg(figure: Figure) -> str:
    """``figure`` as SVG text, without the XML declaration and doctype, to put inside a
    web page."""
    text = figure_bytes(figure, "svg").decode("utf-8")
    return text[text.index("<svg") :]


def save_figure(figure: Figure, path: Path, *, force: bool = False) -> None:
    """Write ``figure`` to ``path`` in the format its suffix names; never over an existing
    file unless ``force``."""
    kind = chart_format(path)
    write_file(path, figure_bytes(figure, kind), kind=chart_kind(path), force=force)


def chart_kind(path: Path) -> FileKind:
    """The kind of file a chart at ``path`` is, for ``write_file``'s checks."""
    return PNG if chart_format(path) == "png" else SVG


# -- right-to-left text -----------------------------------------------------------------------

#: What a chart says under it when it cannot put right-to-left text in reading order.
RIGHT_TO_LEFT_NOT_DRAWN = (
    "Hebrew and Arabic text is drawn here letter by letter in stored order, so it reads "
    "reversed: install python-bidi and arabic-reshaper to draw it in reading order."
)


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` has a letter written right to left (Hebrew, Arabic, Syriac, ...)."""
    return any(unicodedata.bidirectional(character) in {"R", "AL"} for character in text)


def right_to_left_drawn() -> bool:
    """Whether python-bidi and arabic-reshaper are there to put such text in drawing order."""
    try:
        import arabic_reshaper  # noqa: F401
        import bidi  # noqa: F401
    except ImportError:
        return False
    return True


def visual_order(text: str) -> str:
    """``text`` as matplotlib is to draw it, one line at a time.

    matplotlib draws characters left to right in the order they are stored, so Hebrew and
    Arabic would read backwards and Arabic letters would not join. Each line with such
    letters is shaped (arabic-reshaper) and put in visual order (python-bidi's Unicode
    bidirectional algorithm); any other line is returned as it is. Without those packages
    the text is returned as it is, and the chart says so (``RIGHT_TO_LEFT_NOT_DRAWN``).

    >>> visual_order("Stalin died") == "Stalin died", visual_order("שלום 1953")
    (True, '1953 םולש')
    """
    if not has_right_to_left(text) or not right_to_left_drawn():
        return text
    from arabic_reshaper import reshape
    from bidi import get_display

    return "\n".join(
        get_display(reshape(line)) if has_right_to_left(line) else line for line in text.split("\n")
    )


def wrapped(text: str, width: int) -> str:
    """``text`` wrapped at ``width`` characters a line, each line in the order it is drawn.

    Lines are cut in reading order first and each is then put in visual order, as a
    right-to-left reader would expect a wrapped paragraph to read.
    """
    return visual_order(textwrap.fill(text, width, break_on_hyphens=False))
