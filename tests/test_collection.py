"""Building in bulk: the collector paused for a block, and what the block made left out of
the walk of its first collection after."""

from __future__ import annotations

import gc

from pastpaper.bulk import collection_paused


def test_what_a_paused_block_made_joins_the_oldest_generation_after_it() -> None:
    with collection_paused():
        assert not gc.isenabled()
        made = [[index] for index in range(2000)]
    assert gc.isenabled()
    # In the oldest generation, where only a full collection walks them.
    oldest = {id(value) for value in gc.get_objects(generation=2)}
    assert all(id(value) in oldest for value in made)


def test_a_caller_that_froze_its_objects_keeps_them_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collection_paused():
            [[index] for index in range(100)]
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()


def test_a_caller_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
