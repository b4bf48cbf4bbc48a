"""The stems of a text's content words, read once for every scheme that asks.

>>> sorted(content_stems("The treaty was signed, and the Treaty stood."))
['sign', 'stood', 'treati']
"""

from __future__ import annotations

from functools import lru_cache

from pastpaper.language import stem
from pastpaper.schemes.parts import content_words

__all__ = ["clear_caches", "content_stems", "text_stems"]


def content_stems(text: str) -> set[str]:
    """The stems of a text's content words (not "the", "was", "policy")."""
    return set(text_stems(text))


# Each point's text, its paragraph and opening sentence are read for every family view, and
# a bank says the same sentences in many families.
@lru_cache(maxsize=32768)
def text_stems(text: str) -> frozenset[str]:
    """``content_stems``, kept: a frozen set, one for every scheme that reads the text."""
    return frozenset(map(stem, content_words(text)))


def clear_caches() -> None:
    """Forget the texts read before (for benchmarks that time the work itself)."""
    text_stems.cache_clear()
