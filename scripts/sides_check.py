"""Do our schemes put a judgement question's points on the side an examiner would? For every
judgement question ("How far ...", "To what extent ...", "How successful ...") listed in
benchmarks/data/sides/NAME.yaml, build its scheme with pastpaper's own code, as
``pastpaper scheme`` does, find the scheme's creditable point(s) for each of the hand list's
fragments exactly as ``scripts/scheme_check.py`` does (``scheme_check.matches``), and compare
the points' ``side`` with the hand side. Print, per notes file and overall:

- matched: the hand fragments the scheme credits (a fragment it leaves out has no side of
  ours to compare; scheme_check counts those as missed recall);
- sided: those of them that the hand list puts ``for`` or ``against`` the question's view;
- agree: the share of the sided ones whose every matched point carries the hand side. A
  fragment split over points of different sides, or on a point we give no side ("Either
  side:"), disagrees;
- neither: the matched fragments the hand list calls ``neither`` (context, or a verdict that
  weighs both sides), counted apart, as neither agreement nor disagreement.

    python scripts/sides_check.py              # the table
    python scripts/sides_check.py --verbose    # and each disagreement
    python scripts/sides_check.py weimar       # only the files whose name contains this
    python scripts/sides_check.py --corpus benchmarks/data/held-out   # another corpus

``--corpus DIR`` reads the hand sides from DIR/sides, the scheme lists from DIR/schemes and
the notes from DIR/notes.

The hand sides were written from the notes without seeing ours (benchmarks/data/sides/
README.md). Each names a question of benchmarks/data/schemes/NAME.yaml and copies that
question's fragments exactly, every one once, under ``for``, ``against`` or ``neither``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console
from rich.markup import escape
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scheme_check import DATA, HandListError, matches, read_hand_list

from pastpaper.schemes.scheme import build_scheme
from pastpaper.text import match_key, shorten

HAND_SIDES = ("for", "against", "neither")


@dataclass(frozen=True)
class Disagreement:
    question: str
    fragment: str
    hand: str
    ours: str  # "for", "against", "none" (no side), or several joined by "+"


@dataclass
class Tally:
    """Counts for one notes file (or all of them), and each disagreement."""

    questions: int = 0
    hand: int = 0
    matched: int = 0
    sided: int = 0
    agree: int = 0
    neither: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.questions += other.questions
        self.hand += other.hand
        self.matched += other.matched
        self.sided += other.sided
        self.agree += other.agree
        self.neither += other.neither


def read_sides(path: Path) -> dict[str, dict[str, str]]:
    """Each question's hand sides, by ``match_key`` of the question: fragment -> side."""
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not {"notes", "questions"} <= set(data):
        raise HandListError(f"{path.name}: needs the keys 'notes' and 'questions'")
    sides: dict[str, dict[str, str]] = {}
    for item in data["questions"]:
        unknown = set(item) - {"question", *HAND_SIDES}
        if unknown:
            raise HandListError(f"{path.name}: unknown keys {sorted(unknown)} in {item}")
        of_question: dict[str, str] = {}
        for side in HAND_SIDES:
            for fragment in item.get(side) or []:
                if str(fragment) in of_question:
                    raise HandListError(f"{path.name}: given two sides: {fragment!r}")
                of_question[str(fragment)] = side
        sides[match_key(str(item["question"]))] = of_question
    return sides


def check(path: Path, corpus: Path = DATA) -> Tally:
    """Compare the sides of every hand-sided question's scheme with the hand sides."""
    sides = read_sides(path)
    _, listed = read_hand_list(corpus / "schemes" / path.name, corpus / "notes")
    tally = Tally()
    found = set()
    for question, family, entries in listed:
        key = match_key(question.text)
        if key not in sides:
            continue
        found.add(key)
        hand = sides[key]
        fragments = {e.fragment for e in entries}
        if set(hand) != fragments:
            unsided, unlisted = sorted(fragments - set(hand)), sorted(set(hand) - fragments)
            raise HandListError(
                f"{path.name}: {question.text!r}: fragments differ from the scheme list's: "
                f"not sided {unsided}, not listed {unlisted}"
            )
        credited = build_scheme(question, family).creditable
        tally.questions += 1
        tally.hand += len(entries)
        label = f"{question.year}: {question.text}" if question.year else question.text
        for entry in entries:
            ours = {p.side for p in credited if matches(p.point, entry)}
            if not ours:
                continue
            tally.matched += 1
            side = hand[entry.fragment]
            if side == "neither":
                tally.neither += 1
            elif ours == {side}:
                tally.sided += 1
                tally.agree += 1
            else:
                tally.sided += 1
                named = "+".join(sorted(s or "none" for s in ours))
                tally.disagreements.append(Disagreement(label, entry.fragment, side, named))
    missing = set(sides) - found
    if missing:
        raise HandListError(f"{path.name}: no such question in the scheme list: {missing}")
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  python scripts/sides_check.py -v weimar\n"
        "  python scripts/sides_check.py --corpus benchmarks/data/held-out",
    )
    parser.add_argument("only", nargs="?", default="", help="only files whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each disagreement")
    parser.add_argument(
        "--corpus", type=Path, default=DATA, help="the corpus: DIR/sides, DIR/schemes, DIR/notes"
    )
    args = parser.parse_args(argv)
    if not (args.corpus / "sides").is_dir():
        print(f"error: no sides folder in the corpus: {args.corpus / 'sides'}", file=sys.stderr)
        return 1
    # rich wraps to 80 columns when piped, too narrow for the table
    out = Console(width=None if sys.stdout.isatty() else 100)
    table = Table("notes", "questions", "hand", "matched", "sided", "agree", "neither")
    overall = Tally()
    for path in sorted((args.corpus / "sides").glob("*.yaml")):
        if args.only not in path.stem:
            continue
        try:
            tally = check(path, args.corpus)
        except HandListError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        overall.add(tally)
        table.add_row(path.stem, *_figures(tally))
        if args.verbose:
            _details(out, path.stem, tally)
    table.add_section()
    table.add_row("all", *_figures(overall))
    out.print(table)
    return 0


def _figures(tally: Tally) -> list[str]:
    share = f"{tally.agree / tally.sided:.2f} ({tally.agree}/{tally.sided})" if tally.sided else "-"
    return [
        str(tally.questions),
        str(tally.hand),
        str(tally.matched),
        str(tally.sided),
        share,
        str(tally.neither),
    ]


def _details(out: Console, name: str, tally: Tally) -> None:
    """Each disagreement: the question, the fragment, the hand side and ours."""
    out.rule(escape(name))
    question = ""
    for d in tally.disagreements:
        if d.question != question:
            question = d.question
            out.print(f"[bold]{escape(question)}[/bold]")
        out.print(
            f"  - hand {d.hand:<7} ours {d.ours:<12} {escape(shorten(d.fragment, 80))}",
            soft_wrap=True,
        )


if __name__ == "__main__":
    sys.exit(main())
