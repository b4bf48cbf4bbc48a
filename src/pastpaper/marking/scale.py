"""Marking a class's answers with Ray Data, on this machine or a Ray cluster
(``pastpaper mark --csv FILE -o OUT --engine ray [--address ADDR]``).

The answers become a Ray dataset, each numbered; ``map_batches`` hands chunks of
``pastpaper.marking.bulk.CHUNK`` to a pool of actors, one a CPU of the cluster, each of which builds
a Marker once (the embedding model with one thread, and the run's calibration) and marks its
chunks as ``pastpaper.marking.bulk`` does.
The schemes are built here, once, and given to every actor when it starts; an answer carries
only its scheme's number. Outcomes come back pickled, in the order the actors finish, and are
put back in the answers' order, so the mark book is the one the local path writes
(tests/test_scale.py checks it).

Ray is an optional extra, ``pastpaper[scale]``; only this path imports it. Ray's usage
statistics are off unless the environment turns them on: pastpaper does not call out.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Mapping, Sequence
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

from pastpaper.errors import PastpaperError
from pastpaper.marking.bulk import CHUNK, Item, Outcome
from pastpaper.marking.calibration import Calibration
from pastpaper.schemes.scheme import MarkScheme

if TYPE_CHECKING:
    from pastpaper.marking.embed import Kept

__all__ = ["ENGINES", "REACH_SECONDS", "check_reachable", "mark_with_ray", "require_ray"]

#: What ``mark --csv --engine`` takes: this machine's processes, or Ray.
ENGINES = ("local", "ray")


def require_ray() -> None:
    """Refuse, before any work, when Ray is not installed, naming the extra that brings it."""
    if find_spec("ray") is None:
        raise PastpaperError(
            "--engine ray needs Ray, which is not installed; install the extra with "
            "pip install 'pastpaper[scale]' (or use --engine local)"
        )


def mark_with_ray(
    items: Sequence[Item],
    calibration: Calibration,
    progress: Callable[[int], None] = lambda done: None,
    address: str | None = None,
    chunk: int = CHUNK,
    vectors: Mapping[str, Kept] | None = None,
) -> list[Outcome]:
    """Mark every answer against its scheme with Ray, in order, as ``Marker.mark_many`` does;
    ``progress`` hears how many are done. ``address`` is a running cluster's (as
    ``ray.init`` takes it); without one, a Ray already started in this process is used, or
    else one is started on this machine for the run and stopped after it. Each actor holds
    ``vectors`` (the schemes' texts', ``bulk.scheme_vectors``) rather than encode them."""
    if address is not None:
        check_reachable(address)
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import ray

    started = not ray.is_initialized()
    if started and address is None:
        ray.init(include_dashboard=False, logging_level=logging.ERROR)
    elif started:
        try:
            ray.init(address=address, logging_level=logging.ERROR)
        except (ConnectionError, RuntimeError, ValueError) as error:
            raise PastpaperError(
                f"cannot join the Ray cluster at {address} ({error}); check the address "
                "(ray status on the head shows it), and that this machine's Ray matches the "
                "cluster's and has its token if the cluster asks for one"
            ) from None
    try:
        return _marked_by_ray(items, calibration, progress, chunk, dict(vectors or {}))
    finally:
        if started:
            ray.shutdown()


#: How long the head of a Ray cluster has to answer before marking gives up on it.
REACH_SECONDS = 5.0
#: Ports Ray listens on when an address names none: the head's (GCS) and Ray Client's.
_RAY_PORT, _CLIENT_PORT = 6379, 10001


def check_reachable(address: str, seconds: float = REACH_SECONDS) -> None:
    """Refuse, at once, a cluster address whose host and port nothing answers at within
    ``seconds``: Ray itself would wait for it for minutes. "auto" and "local" (a Ray
    already running on this machine) are left to Ray."""
    import socket

    if address in ("auto", "local"):
        return
    client = address.startswith("ray://")
    where = address.removeprefix("ray://").rstrip("/")
    host, colon, port = where.rpartition(":")
    if not colon or "]" in port:  # no port given ("head", "[::1]")
        host, port = where, str(_CLIENT_PORT if client else _RAY_PORT)
    host = host.strip("[]")
    if not host or not port.isdigit():
        raise PastpaperError(
            f"--address {address!r} is not a Ray cluster's address; give HOST:PORT, for "
            "instance 10.0.0.5:6379 or ray://head:10001"
        )
    try:
        with socket.create_connection((host, int(port)), timeout=seconds):
            pass
    except OSError as error:
        reason = "no answer" if isinstance(error, TimeoutError) else error.strerror or str(error)
        raise PastpaperError(
            f"cannot reach the Ray cluster at {address}: nothing answers at {host}:{port} "
            f"({reason}, waited {seconds:g} s); check the address (ray status on the head "
            "shows it), that the head is running, and that its port is open to this machine"
        ) from None


def _marked_by_ray(
    items: Sequence[Item],
    calibration: Calibration,
    progress: Callable[[int], None],
    chunk: int,
    vectors: dict[str, Kept],
) -> list[Outcome]:
    import ray
    import ray.data

    # Ray Data's notes on its plan and progress would bury the CLI's own; failures still raise.
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    numbers: dict[int, int] = {}
    schemes: list[MarkScheme] = []
    rows = []
    for row, (answer, scheme) in enumerate(items):
        if id(scheme) not in numbers:
            numbers[id(scheme)] = len(schemes)
            schemes.append(scheme)
        rows.append({"row": row, "answer": answer, "scheme": numbers[id(scheme)]})
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # the CLI shows its own
    actors = max(1, int(ray.cluster_resources().get("CPU", 1)))  # type: ignore[no-untyped-call]
    blocks = max(1, min(len(rows), -(-len(rows) // chunk)))
    marked = ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
        _Actor,
        batch_size=chunk,
        compute=ray.data.ActorPoolStrategy(size=min(actors, blocks)),
        num_cpus=1,
        fn_constructor_kwargs={
            "schemes": schemes,
            "calibration": calibration,
            "vectors": vectors,
        },
    )
    outcomes: list[Outcome | None] = [None] * len(rows)
    done = 0
    for batch in marked.iter_batches(batch_size=None):
        for row, outcome in zip(batch["row"], batch["outcome"], strict=True):
            outcomes[int(row)] = pickle.loads(outcome)
        done += len(batch["row"])
        progress(done)
    missing = [row for row, outcome in enumerate(outcomes) if outcome is None]
    if missing:
        raise PastpaperError(f"Ray gave back no mark for {len(missing)} answers; run it again")
    return [outcome for outcome in outcomes if outcome is not None]


class _Actor:
    """A Ray actor: a Marker built once, with the model on one thread (each CPU has an actor
    of its own) holding the schemes' vectors it is given, the run's calibration, and the
    run's schemes."""

    def __init__(
        self, schemes: list[MarkScheme], calibration: Calibration, vectors: dict[str, Kept]
    ):
        from pastpaper.marking.embed import Embedder
        from pastpaper.marking.marker import Marker

        embedder = Embedder(threads=1)
        embedder.keep(vectors)
        self.marker = Marker(embedder, calibration)
        self.schemes = schemes

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from pastpaper.marking.bulk import mark_chunk

        items = [
            (str(answer), self.schemes[int(scheme)])
            for answer, scheme in zip(batch["answer"], batch["scheme"], strict=True)
        ]
        outcomes = mark_chunk(items, self.marker)
        return {"row": batch["row"], "outcome": [pickle.dumps(o) for o in outcomes]}
