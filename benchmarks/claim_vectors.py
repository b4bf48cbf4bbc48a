"""Claims encoded one by one, or taken from one pass over the answer: the marker's figures
side by side (issue 13, part 2).

    python benchmarks/claim_vectors.py [--data ../shared/data] [--only NAME]

The marker cuts a long answer into claims and encodes each on its own. The cheaper way
encodes the (respelled) answer once and takes each claim's vector from its word pieces'
vectors in context: the mean over the claim's span of pieces, normalised; a claim whose
span lies past the model's 256 pieces is encoded on its own. This prints, for each set we
may measure on (train splits and our own dev sets; never the unseen-* splits), the figures
of both ways and the largest difference. The marker keeps span means only if no figure
moves by more than 0.01.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from pastpaper.errors import NothingToMark
from pastpaper.ingest import read_notes
from pastpaper.marking import MAX_ANSWER_CHARS, claim_spans, mark
from pastpaper.marking.calibration import Calibration, calibration
from pastpaper.marking.embed import Embedder, Pieces
from pastpaper.marking.evaluate import read_marking_set, scheme_for, scores
from pastpaper.marking.respell import _LONG_WORD, respelled, vocabulary
from pastpaper.schemes.scheme import MarkScheme

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks" / "data"


class SpanMeans:
    """A model for the marker whose claim vectors come from one pass over the answer: the
    claims of the answer last ``prepared`` are looked up, every other text is encoded."""

    def __init__(self, model: Embedder) -> None:
        self.model = model
        self.claims: dict[str, npt.NDArray[np.float32]] = {}
        self.fell_back = 0
        self.taken = 0

    def pieces(self, texts: list[str]) -> list[Pieces]:
        return self.model.pieces(texts)

    def within(self, parts: list[tuple[str, int, int]]) -> npt.NDArray[np.float32]:
        return self.model.within(parts)

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.claims]
        found = dict(zip(missing, self.model.encode(missing), strict=True)) if missing else {}
        if not texts:
            return self.model.encode([])
        return np.stack([self.claims.get(t, found.get(t)) for t in texts])  # type: ignore[misc]

    def prepare(self, answer: str, scheme: MarkScheme) -> None:
        """Take the vectors of ``answer``'s claims (as ``claim_texts`` gives them) from one
        pass over the whole answer, respelled as the claims are."""
        self.claims = {}
        text = answer[:MAX_ANSWER_CHARS]
        own = vocabulary(scheme)
        whole, where = _respelled_with_offsets(text, own)
        encoding = self.model.tokenizer.encode(whole)
        ids = np.array([encoding.ids], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": 0 * ids}
        [tokens] = self.model.session.run(["token_embeddings"], feed)
        offsets = encoding.offsets
        special = encoding.special_tokens_mask
        covered = max(
            (end for (_, end), s in zip(offsets, special, strict=True) if not s), default=0
        )
        for a, b in claim_spans(text):
            claim = respelled(text[a:b], own)
            start, end = where[a], where[b]
            chosen = [
                n
                for n, ((s, e), extra) in enumerate(zip(offsets, special, strict=True))
                if not extra and s >= start and e <= end
            ]
            if end > covered or not chosen or claim in self.claims:
                self.fell_back += end > covered or not chosen
                continue
            mean = tokens[0, chosen].mean(axis=0)
            self.claims[claim] = (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)
            self.taken += 1


def _respelled_with_offsets(text: str, own: Mapping[str, str]) -> tuple[str, list[int]]:
    """The text respelled as claims are, and where each of its characters (and its end)
    stands in the respelled text."""
    parts: list[str] = []
    where = [0] * (len(text) + 1)
    at = 0
    length = 0
    for match in _LONG_WORD.finditer(text):
        for i in range(at, match.start()):
            where[i] = length + i - at
        length += match.start() - at
        parts.append(text[at : match.start()])
        new = respelled(match.group(), own)
        for i in range(match.start(), match.end()):
            where[i] = length
        parts.append(new)
        length += len(new)
        at = match.end()
    for i in range(at, len(text) + 1):
        where[i] = length + i - at
    parts.append(text[at:])
    return "".join(parts), where


def figures(
    rows: list[dict[str, Any]], schemes: list[MarkScheme], model: Any, calibrated: Calibration
) -> dict[tuple[str, str], dict[str, float | None]]:
    """The marker's figures for each data set and split, marking with ``model``."""
    groups: dict[tuple[str, str], list[tuple[float, float, float]]] = defaultdict(list)
    for row, scheme in zip(rows, schemes, strict=True):
        if isinstance(model, SpanMeans):
            model.prepare(row["answer"], scheme)
        try:
            given = float(mark(row["answer"], scheme, model, calibrated).mark)
        except NothingToMark:
            given = 0.0
        groups[(row["dataset"], row["split"])].append(
            (float(row["score"]), given, float(row["max_marks"]))
        )
    return {
        key: scores(*(list(column) for column in zip(*marks, strict=True)))
        for key, marks in sorted(groups.items())
    }


def sets(data: Path) -> list[tuple[str, Path, str | None, Path | None]]:
    """The sets this may measure on: name, file, split, notes."""
    notes = BENCH / "notes"
    return [
        (
            "seed",
            data / "seed-answers.jsonl",
            None,
            data.parent / "seed" / "khrushchev-modernisation.txt",
        ),
        ("short", BENCH / "short-answers.jsonl", None, None),
        ("criteria", BENCH / "criteria-answers.jsonl", None, None),
        ("model", BENCH / "model-answers.jsonl", None, None),
        ("ww1", BENCH / "history-ww1.jsonl", None, notes / "causes-ww1.txt"),
        ("weimar", BENCH / "history-weimar.jsonl", None, notes / "weimar-recovery.txt"),
        ("new-deal", BENCH / "history-new-deal.jsonl", None, notes / "new-deal.txt"),
        ("elizabeth", BENCH / "history-elizabeth.jsonl", None, notes / "elizabeth-religion.txt"),
        ("saf", data / "saf-english.jsonl", "train", None),
        ("semeval", data / "semeval2013.jsonl", "train", None),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--only", action="append", help="a set's name (repeatable)")
    args = parser.parse_args()
    calibrated = calibration()
    worst = 0.0
    for name, path, split, notes in sets(args.data):
        if args.only and name not in args.only:
            continue
        if split is not None and split.startswith("unseen"):
            raise SystemExit("the unseen splits are not measured here")
        rows = read_marking_set(path, split)
        course = read_notes(notes).course if notes is not None else None
        schemes = [scheme_for(row, course) for row in rows]
        # A fresh embedder each way, so neither finds the other's vectors cached.
        started = time.perf_counter()
        claims = figures(rows, schemes, Embedder(), calibrated)
        middle = time.perf_counter()
        spans = SpanMeans(Embedder())
        means = figures(rows, schemes, spans, calibrated)
        ended = time.perf_counter()
        for key in claims:
            moved = {
                k: (float(a), float(b))
                for k, a in claims[key].items()
                if a is not None and (b := means[key][k]) is not None
            }
            largest = max(abs(a - b) for a, b in moved.values())
            worst = max(worst, largest)
            shown = ", ".join(f"{k} {a:.4f} -> {b:.4f}" for k, (a, b) in moved.items())
            print(f"{name} {key[0]} {key[1]} n={len(rows)}: {shown}; largest move {largest:.4f}")
        print(
            f"  {name}: claims encoded {middle - started:.1f} s, span means {ended - middle:.1f} s;"
            f" {spans.taken} claims from spans, {spans.fell_back} encoded (past 256 pieces)",
            flush=True,
        )
    print(f"largest move of any figure: {worst:.4f} (span means kept only if <= 0.01)")


if __name__ == "__main__":
    main()
