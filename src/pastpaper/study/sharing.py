"""A large course's cards made in several processes, one share of its families each.

Cutting a course's notes into points and reading them as statements is most of the work
of its cards, and each family's is its own: each process reads a share of the families.
What a card may ask or hide also depends on the whole course (its common names, how its
notes write each word, the names that stood for people), so the shares tell the first
process what they found, it adds them up and tells them the whole, and then each makes
its cards. Only names and cards pass between processes, never the points (sending them
costs about what cutting them does). The cards are the ones a single process makes, in
the same order.

Each other process is a new Python running ``serve`` of this module, spoken to in pickles
over its standard input and output: it is not forked from the caller, which may be running
threads (a web server's), and it runs none of the caller's own script, as
multiprocessing's processes would.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from itertools import pairwise
from pathlib import Path
from threading import Thread
from typing import IO, Any

from pastpaper.bulk import collection_paused
from pastpaper.course import Course
from pastpaper.schemes.clauses import Casing
from pastpaper.study.cards import Card, Share, common_from, read_share, without_duplicates

__all__ = [
    "HEAD_START",
    "SHARE_CHARACTERS",
    "CannotShare",
    "cards_in_shares",
    "share_count",
    "shares_of",
]

#: A share of a course's notes worth a process of its own, in characters.
SHARE_CHARACTERS = 1_000_000
#: How many characters of notes this process reads in the time another takes to start
#: and be given the course (0.4 s on the 2-core development machine): the first share is
#: that much bigger, so that no process waits for another.
HEAD_START = 500_000


def share_count(course: Course, processes: int | None) -> int:
    """How many processes make a course's cards: ``processes`` if given, else one per
    core the process may use, but no more than the course has ``SHARE_CHARACTERS`` of
    notes for."""
    if processes is not None:
        if processes < 1:
            raise ValueError(f"processes must be 1 or more, not {processes}")
        return processes
    size = sum(len(note) for topic in course.topics for f in topic.families for note in f.notes)
    families = sum(len(topic.families) for topic in course.topics)
    return max(1, min(_cores(), size // SHARE_CHARACTERS, families))


def shares_of(course: Course, shares: int) -> list[slice]:
    """The course's families (in order, counting through every topic's) cut into ``shares``
    runs with about the same length of notes each, the first ``HEAD_START`` longer (less
    for a short course, whose shares would be all but empty)."""
    sizes = [
        sum(map(len, family.notes)) + 1 for topic in course.topics for family in topic.families
    ]
    head = min(HEAD_START, sum(sizes) // (2 * shares))
    rest = sum(sizes) - head  # what is shared out evenly, after the first's head start
    cuts, read = [0], -head
    for index, size in enumerate(sizes):
        # A share ends before the family whose middle passes its end (or with the family,
        # if that would leave it empty).
        if len(cuts) < shares and (2 * read + size) * shares >= 2 * rest * len(cuts):
            cuts.append(max(index, cuts[-1] + 1))
        read += size
    cuts += [len(sizes)] * (shares + 1 - len(cuts))
    return [slice(start, stop) for start, stop in pairwise(cuts)]


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def cards_in_shares(course: Course, shares: int) -> list[Card]:
    """``cards_of(course)``, made in ``shares`` processes: this one and ``shares - 1`` more."""
    first, *rest = shares_of(course, shares)
    with _processes(course, rest) as others, collection_paused():
        mine = read_share(course, first)
        theirs = _gather(others)  # each: (names, people, casing)
        names = set(mine.names).union(*(found[0] for found in theirs))
        for other in others:
            other.send(names)
        counts = [mine.counts(names), *_gather(others)]
        common = common_from(course, names, counts)
        people = set(mine.people).union(*(found[1] for found in theirs))
        casing = Casing(
            mine.casing.proper.union(*(found[2].proper for found in theirs)),
            mine.casing.lower.union(*(found[2].lower for found in theirs)),
        )
        for other in others:
            other.send((common, casing, people))
        cards = mine.cards(course.slug, common, casing, people)
        for made in _gather(others):
            cards += made
        return list(without_duplicates(cards))


class CannotShare(Exception):
    """No other process could be started: the cards are made in this one instead."""


class _Other:
    """Another process making a share's cards, and the pipes to and from it."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdin is not None and process.stdout is not None
        self.process = process
        self.to: IO[bytes] = process.stdin
        self.back: IO[bytes] = process.stdout

    def send(self, message: object) -> None:
        self.to.write(_pickled(message))
        self.to.flush()

    def send_share(self, given: bytes) -> None:
        """Give it the course and its share, pickled. (If it has stopped, ``receive`` says
        so.)"""
        # One write of bytes pickled already: a pickle written in pieces, from a thread, would
        # wait for the interpreter's lock between them while this process reads its share.
        with suppress(OSError, ValueError):  # (ValueError: the pipe was closed first)
            self.to.write(given)
            self.to.flush()

    def receive(self) -> Any:
        try:
            return pickle.load(self.back)
        except EOFError:
            code = self.process.wait()
            raise RuntimeError(
                f"a process making cards stopped (exit code {code}) without sending them"
            ) from None


@contextmanager
def _processes(course: Course, shares: list[slice]) -> Iterator[list[_Other]]:
    """Start a process for each of the shares and give it the course and its share; when
    the block ends, wait for each to end, or stop it if the block failed."""
    others: list[_Other] = []
    sending: list[Thread] = []
    try:
        for share in shares:
            try:
                process = subprocess.Popen(
                    # -P: nothing in the working folder is imported in place of its own.
                    [sys.executable, "-P", "-c", _SERVE, _PACKAGE_ROOT],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                )
            except OSError as error:  # no Python to start (an embedded one), or no room
                raise CannotShare(f"cannot start a process to make cards: {error}") from error
            others.append(_Other(process))
            # Sent while this process reads its own share: the other reads nothing until
            # it has started, which takes a while.
            given = _pickled((course, share))
            sending.append(Thread(target=others[-1].send_share, args=(given,), daemon=True))
            sending[-1].start()
        yield others
    except BaseException:
        for other in others:
            other.process.kill()
        raise
    finally:
        for thread in sending:
            thread.join()
        for other in others:
            for pipe in (other.to, other.back):
                with suppress(OSError):  # what was left to say to a process stopped early
                    pipe.close()
            other.process.wait()


def _pickled(message: object) -> bytes:
    return pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)


def _gather(others: list[_Other]) -> list[Any]:
    """What each process sent next, in the order of the shares; a process's failure is
    raised here, with its own traceback."""
    found = []
    for other in others:
        message = other.receive()
        if isinstance(message, _Failed):
            raise RuntimeError(f"a process making cards failed:\n{message.trace}")
        found.append(message)
    return found


class _Failed:
    """What a process sends instead of its next answer when it fails."""

    def __init__(self, trace: str) -> None:
        self.trace = trace


def _make_share(given: IO[bytes], answer: IO[bytes]) -> None:
    """A process's part: read its share, say what it found, count the names it is told of,
    and make its cards with the whole course's names, casing and people."""

    def send(message: object) -> None:
        pickle.dump(message, answer, protocol=pickle.HIGHEST_PROTOCOL)
        answer.flush()

    try:
        course, share = pickle.load(given)
        with collection_paused():
            read: Share = read_share(course, share)
            send((read.names, read.people, read.casing))
            send(read.counts(pickle.load(given)))
            common, casing, people = pickle.load(given)
            send(read.cards(course.slug, common, casing, people))
    except (EOFError, BrokenPipeError):
        pass  # the first process stopped listening: nothing is waiting for the cards
    except BaseException:
        send(_Failed(traceback.format_exc()))


def serve() -> None:
    """Make one share's cards, spoken to over the standard input and output."""
    # The pickles go out on the standard output as it was; anything printed goes to the
    # standard error instead, where it cannot break them.
    answer = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    _make_share(sys.stdin.buffer, answer)
    answer.close()
    # Its cards are sent: freeing the hundreds of thousands of values it made, one by one,
    # would only keep the first process waiting.
    os._exit(0)


# What another process runs: this package is found where this process found it (given as
# its argument), whether installed or not, after anything installed.
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
_SERVE = (
    "import sys; sys.path.append(sys.argv[1]); from pastpaper.study.sharing import serve; serve()"
)
