"""Charts as files: SVG or PNG, chosen by the file's suffix, drawn with matplotlib.

matplotlib is imported only when a chart is drawn, so commands that draw none start fast.
Figures are built with the object-oriented API (no pyplot, no global state) and rendered
in memory before anything is written, so a chart that fails to draw leaves no file behind.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from pastpaper.errors import OutputError
from pastpaper.files import PNG, SVG, FileKind, write_file
from pastpaper.text import shorten

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["FORMATS", "chart_format", "chart_kind", "new_figure", "save_figure", "shorten"]

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


def save_figure(figure: Figure, path: Path, *, force: bool = False) -> None:
    """Write ``figure`` to ``path`` in the format its suffix names; never over an existing
    file unless ``force``."""
    kind = chart_format(path)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        # A character the font lacks is drawn as a box; the chart is still worth having.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        # No creation date in the file: the same chart is the same bytes.
        metadata = {"Date": None} if kind == "svg" else {}
        figure.savefig(buffer, format=kind, metadata=metadata, bbox_inches="tight", dpi=150)
    write_file(path, buffer.getvalue(), kind=chart_kind(path), force=force)


def chart_kind(path: Path) -> FileKind:
    """The kind of file a chart at ``path`` is, for ``write_file``'s checks."""
    return PNG if chart_format(path) == "png" else SVG
