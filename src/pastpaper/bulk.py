"""Building in bulk: the cyclic garbage collector paused while a course's cards are made.

A course's points, statements and cards are plain frozen values that refer to one another
without cycles: reference counting frees every one of them that is dropped. Yet making
them by the hundred thousand sets off Python's full collections again and again, each of
which walks every point the caches hold (the cards of the 5 MB benchmark notes: six full
collections, about 1 s of their 8 to 9 s).

    >>> import gc
    >>> with collection_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collection_paused"]


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, and restore it after as it was
    (a caller that has turned it off keeps it off)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():
            # What the block made is all in the youngest generation, which the first
            # collection after it would walk whole (0.4 s for the 5 MB notes' cards and
            # schemes). Frozen and thawed, it joins the oldest, walked only when a full
            # collection is due, by when most of it has been freed.
            gc.freeze()
            gc.unfreeze()
        gc.enable()
