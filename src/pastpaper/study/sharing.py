"""A course's cards, made in several processes for a large course, one share of its families
each.

Cutting a course's notes into points and reading them as statements is most of the work
of its cards, and each family's is its own: each process reads a share of the families.
What a card may ask or hide also depends on the whole course (its common names, how its
notes write each word, the names that stood for people), so the shares tell the first
process what they found, it adds them up and tells them the whole, and then each makes
its cards. A share's families go to its process, and its names and cards come back, never
its points (sending those costs about what cutting them does). The cards are the ones a
single process makes, in the same order. Asked for the schemes too (``schemes_and_cards``,
as a Moodle export of the whole course is), each process builds its families' schemes
after their points and sends them back at once, while it reads its share for the cards:
the first process reads them back while it would otherwise wait for the others' names.

Each other process is a new Python (``python -I -S``, given this process's import path,
so that it runs the same pastpaper, and nothing else first), spoken to in pickles over its
standard input and output: it is not forked from the caller, which may be running threads
(a web server's), and it runs none of the caller's own script, as multiprocessing's
processes would. Ctrl-C stops the caller, which stops them. A process that cannot start
(no Python to run, or one without pastpaper's libraries) leaves its share to this one.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from itertools import pairwise
from pathlib import Path
from typing import IO, Any

import pastpaper
from pastpaper.bulk import collection_paused
from pastpaper.course import Course
from pastpaper.schemes.clauses import Casing
from pastpaper.schemes.scheme import MarkScheme, build_scheme
from pastpaper.study.cards import (
    Card,
    Place,
    Share,
    common_from,
    places_of,
    read_share,
    without_duplicates,
)

__all__ = [
    "HEAD_START",
    "SCHEMES_HEAD_START",
    "SHARE_CHARACTERS",
    "cards_in_shares",
    "schemes_and_cards",
    "share_count",
    "shares_of",
]

#: The notes worth a process of their own, in characters: a course gets one process for
#: each, up to one for each core.
SHARE_CHARACTERS = 1_000_000
#: How many characters of notes this process reads in the time another takes to start
#: and be given its share (0.4 s on the 2-core development machine): the first share is
#: that much bigger, so that no process waits for another.
HEAD_START = 500_000
#: The same where the processes build the schemes too. Each other process then also pickles
#: its schemes (0.4 s for half the 5 MB notes), more than this one takes to read them back
#: (0.25 s), and starts later: measured, without a head start, it finished its half 0.5 to
#: 1 s after this one.
SCHEMES_HEAD_START = 250_000


def share_count(course: Course, processes: int | None) -> int:
    """How many processes make a course's cards: ``processes`` if given, else one for each
    ``SHARE_CHARACTERS`` of notes, up to one for each core the process may use; never more
    than the course has families, and one where no other Python can be started."""
    families = sum(len(topic.families) for topic in course.topics)
    if processes is not None:
        if processes < 1:
            raise ValueError(f"processes must be 1 or more, not {processes}")
        return max(1, min(processes, families))
    if not sys.executable or getattr(sys, "frozen", False):
        return 1  # an embedded or frozen Python: nothing to start the others with
    size = sum(len(note) for topic in course.topics for f in topic.families for note in f.notes)
    return max(1, min(_cores(), size // SHARE_CHARACTERS, families))


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def shares_of(places: list[Place], shares: int, head_start: int = HEAD_START) -> list[slice]:
    """The families (in order) cut into ``shares`` runs with about the same length of notes
    each, the first ``head_start`` characters longer (less for a short course, whose shares
    would be all but empty)."""
    sizes = [sum(map(len, family.notes)) + 1 for _, _, family in places]
    head = min(head_start, sum(sizes) // (2 * shares))
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


def cards_in_shares(course: Course, shares: int) -> list[Card]:
    """``cards_of(course)``, made in ``shares`` processes: this one and ``shares - 1`` more."""
    return _made_in_shares(course, shares, schemes=False)[1]


def schemes_and_cards(
    course: Course, *, processes: int | None = None
) -> tuple[list[MarkScheme], list[Card]]:
    """The scheme of every question of the course (in the order of the notes) and
    ``cards_of(course)``, made as the cards are: a large course in several processes, each
    making the schemes of its share's families beside their cards."""
    return _made_in_shares(course, share_count(course, processes), schemes=True)


def _made_in_shares(
    course: Course, shares: int, *, schemes: bool
) -> tuple[list[MarkScheme], list[Card]]:
    places = places_of(course)
    first, *rest = shares_of(places, shares, SCHEMES_HEAD_START if schemes else HEAD_START)
    # Hundreds of thousands of values, none in a cycle: the collector would only walk them.
    with (
        _processes(course.slug, [places[s] for s in rest], schemes) as started,
        collection_paused(),
    ):
        # Each family's schemes just after its points, while what they both read of its
        # notes is still kept; the cards read the points again, kept too.
        built = {0: _schemes_of(places[first])} if schemes else {}
        mine = read_share(course.slug, places[first])
        # Each share read here, or the process reading it: a process that did not start
        # leaves its share to this one.
        read: list[Share | _Other] = [mine]
        found = [(mine.names, mine.people, mine.casing)]
        for other, share in zip(started, rest, strict=True):
            try:
                if other is None:
                    raise _NotStarted
                said = other.first()
                if schemes:
                    built[len(read)], said = said, other.receive()
                found.append(said)
                read.append(other)
            except _NotStarted:
                if other is not None:
                    other.process.kill()  # whatever it is doing, it is not making cards
                if schemes:
                    built[len(read)] = _schemes_of(places[share])
                read.append(here := read_share(course.slug, places[share]))
                found.append((here.names, here.people, here.casing))
        others = [share for share in read if isinstance(share, _Other)]
        names = set().union(*(names for names, _, _ in found))
        for other in others:
            other.send(names)
        counted = iter(_answers(others))
        counts = [s.counts(names) if isinstance(s, Share) else next(counted) for s in read]
        common = common_from(course, names, counts)
        people = set().union(*(people for _, people, _ in found))
        casing = Casing.joined(casing for _, _, casing in found)
        for other in others:
            other.send((common, casing, people))
        # This process's cards first, while the others make theirs; then all in order.
        made = {
            index: share.cards(course.slug, common, casing, people)
            for index, share in enumerate(read)
            if isinstance(share, Share)
        }
        theirs = iter(_answers(others))
        cards = [
            card
            for index in range(len(read))
            for card in (made[index] if index in made else next(theirs))
        ]
        every = [scheme for index in range(len(read) if schemes else 0) for scheme in built[index]]
        return every, list(without_duplicates(cards))


def _schemes_of(places: list[Place]) -> list[MarkScheme]:
    """The scheme of every question of these families, in order."""
    return [build_scheme(q, family) for _, _, family in places for q in family.questions]


class _NotStarted(Exception):
    """Another process could not start making cards: its share is made here instead."""


class _Other:
    """Another process making a share's cards, the pipes to and from it, and where its
    standard error goes (to say why, if it fails)."""

    def __init__(self, process: subprocess.Popen[bytes], errors: IO[bytes]) -> None:
        assert process.stdin is not None and process.stdout is not None
        self.process = process
        self.to: IO[bytes] = process.stdin
        self.back: IO[bytes] = process.stdout
        self.errors = errors
        self.sending: threading.Thread | None = None

    def send(self, message: object) -> None:
        try:
            self.to.write(_pickled(message))
            self.to.flush()
        except OSError:
            raise self.failure() from None

    def give(self, given: bytes) -> None:
        """Send it what is pickled already, as its import path or its share (the share from
        a thread of its own). If it has stopped, the next ``receive`` or ``first`` says so."""
        # One write of bytes pickled already: a pickle written in pieces, from a thread, would
        # wait for the interpreter's lock between them while this process reads its share.
        with suppress(OSError):
            self.to.write(given)
            self.to.flush()

    def first(self) -> Any:
        """Its word that it started, running this pastpaper, and then the first thing it
        sends (its schemes, if asked for them, else what its share found); ``_NotStarted``
        if it did not start."""
        try:
            ready = pickle.load(self.back)
        except (EOFError, OSError, pickle.UnpicklingError):
            raise _NotStarted from None
        if ready != ("ready", _PASTPAPER):
            raise _NotStarted
        return self.receive()

    def receive(self) -> Any:
        try:
            message = pickle.load(self.back)
        except (EOFError, OSError, pickle.UnpicklingError):
            raise self.failure() from None
        if isinstance(message, _Failed):
            raise RuntimeError(f"a process making cards failed:\n{message.trace}")
        return message

    def failure(self) -> RuntimeError:
        """What went wrong, once the process has stopped: how it ended and the last lines
        it wrote on its standard error."""
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        if code < 0:
            ended = f"was stopped by {signal.Signals(-code).name}"
        else:
            ended = f"stopped (exit code {code})"
        self.errors.seek(0)
        said = self.errors.read()[-2000:].decode(errors="replace").strip()
        return RuntimeError(
            f"a process making cards {ended} before it sent them" + (f":\n{said}" if said else "")
        )


@contextmanager
def _processes(
    slug: str, shares: list[list[Place]], schemes: bool
) -> Iterator[list[_Other | None]]:
    """Start a process for each of the shares and give it its families (None for one that
    could not be started); when the block ends, wait for each to end, or stop it if the
    block failed."""
    started: list[_Other | None] = []
    with ExitStack() as files:
        try:
            for share in shares:
                errors = files.enter_context(tempfile.TemporaryFile())
                try:
                    process = subprocess.Popen(
                        [sys.executable, "-I", "-S", "-c", _SERVE],
                        stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE,
                        stderr=errors,
                    )
                except OSError:  # no Python to start, or no room for one: made here instead
                    started.append(None)
                    continue
                other = _Other(process, errors)
                started.append(other)
                # A program that ended at once (not a Python that runs pastpaper) has closed
                # its end: its first word, read later, says it did not start.
                other.give(_pickled(_import_path()))
                # The share goes while this process reads its own: the other reads nothing
                # until it has started, which takes a while. (A topic goes without its other
                # families.)
                light = [(t.model_copy(update={"families": ()}), at, f) for t, at, f in share]
                given = _pickled((slug, light, schemes))
                other.sending = threading.Thread(target=other.give, args=(given,), daemon=True)
                other.sending.start()
            yield started
        except BaseException:
            for running in filter(None, started):
                running.process.kill()
            raise
        finally:
            for running in filter(None, started):
                if running.sending is not None:
                    running.sending.join()
                for pipe in (running.to, running.back):
                    with suppress(OSError):  # what was left to say to a process stopped early
                        pipe.close()
                running.process.wait()


#: This pastpaper, as another process says it runs it.
_PASTPAPER = str(Path(pastpaper.__file__).resolve())


def _import_path() -> list[str]:
    """Where another process finds its modules: this pastpaper's folder first, then
    everything this process finds its libraries in (the other starts without the site's
    own paths, ``-S``, and without the environment's, ``-I``)."""
    here = str(Path(_PASTPAPER).parents[1])
    return [here, *(path for path in sys.path if path and path != here)]


def _pickled(message: object) -> bytes:
    return pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)


def _answers(others: list[_Other]) -> list[Any]:
    """What each process sent next, in order; a process's failure is raised here."""
    return [other.receive() for other in others]


class _Failed:
    """What a process sends instead of its next answer when it fails."""

    def __init__(self, trace: str) -> None:
        self.trace = trace


def serve(given: IO[bytes], answer: IO[bytes]) -> None:
    """Another process's part: say it started, build its share's schemes if asked and send
    them, read its share, say what it found, count the names it is told of, and make its
    cards with the whole course's names, casing and people; then end at once."""
    sending: threading.Thread | None = None

    def send(message: object) -> None:
        if sending is not None:
            sending.join()  # (its pickle is all written first)
        answer.write(_pickled(message))
        answer.flush()

    def give(data: bytes) -> None:
        with suppress(OSError):  # (the first process has stopped: the next send says so)
            answer.write(data)
            answer.flush()

    threading.Thread(target=_end_with_parent, args=(os.getppid(),), daemon=True).start()
    try:
        send(("ready", _PASTPAPER))
        slug, mine, schemes = pickle.load(given)
        with collection_paused():
            if schemes:
                # Written from a thread while this one reads its share: the first process
                # reads them only once it has read its own share, and a pipe holds little.
                built = _pickled(_schemes_of(mine))
                sending = threading.Thread(target=give, args=(built,), daemon=True)
                sending.start()
            read = read_share(slug, mine)
            send((read.names, read.people, read.casing))
            send(read.counts(pickle.load(given)))
            common, casing, people = pickle.load(given)
            send(read.cards(slug, common, casing, people))
    except (EOFError, BrokenPipeError):
        pass  # the first process stopped listening: nothing is waiting for the cards
    except BaseException:
        with suppress(OSError):
            send(_Failed(traceback.format_exc()))
    with suppress(OSError):
        answer.close()
    # Its cards are sent: freeing the hundreds of thousands of values it made, one by one,
    # would only keep the first process waiting.
    os._exit(0)


def _end_with_parent(parent: int) -> None:
    """End this process if the one that started it has gone (killed, it could not say)."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


# What another process runs: Ctrl-C is for the process that started it, which stops it;
# its pickles go out on the standard output as it was, and anything printed goes to the
# standard error instead, where it cannot break them; it finds its modules where this
# process finds them. It lives only to make its share, whose values hold no cycles, and
# ends at once: the cyclic collector is off from the start (its imports ran 5 % quicker).
_SERVE = """\
import gc, os, pickle, signal, sys
gc.disable()
signal.signal(signal.SIGINT, signal.SIG_IGN)
answer = os.fdopen(os.dup(1), "wb")
os.dup2(2, 1)
sys.path[:] = pickle.load(sys.stdin.buffer)
from pastpaper.study.sharing import serve
serve(sys.stdin.buffer, answer)
"""
