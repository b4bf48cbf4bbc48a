"""How much the model is run for each short answer marked in bulk (issue 13, part 2).

    python benchmarks/encoding_counts.py [--answers 1000] [--threads 1]
    PYTHONPATH=/tmp/before/src python benchmarks/encoding_counts.py   # another checkout's

Marks the first SciEntsBank train answers in one process, as ``pastpaper eval`` does, after
their questions' own texts (scheme, references) are encoded: those are the same for every
answer. Prints the texts and the word pieces (special tokens included) the model was run on
for each answer, the pieces it was given once padded to their batch, and the CPU seconds of
marking 1,000 answers, the model's among them. Counts, not timings, compare across sittings
on a shared machine; the CPU seconds compare only within one. Works with a checkout from
before ``Embedder.work`` (counting its runs itself).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from pastpaper.marking.calibration import calibration
from pastpaper.marking.embed import Embedder
from pastpaper.marking.evaluate import read_marking_set, scheme_for
from pastpaper.marking.features import scheme_texts
from pastpaper.marking.judges import reference_texts
from pastpaper.marking.marker import Marker
from pastpaper.schemes.references import read_reference

ROOT = Path(__file__).resolve().parents[1]


class Counted:
    """An ONNX Runtime session that counts what it is given: texts, pieces, padded pieces,
    CPU seconds."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.texts = self.pieces = self.padded = 0
        self.cpu = 0.0

    def run(self, names: list[str], feed: dict[str, Any]) -> Any:
        started = time.process_time()
        out = self.session.run(names, feed)
        self.cpu += time.process_time() - started
        self.texts += feed["input_ids"].shape[0]
        self.pieces += int(feed["attention_mask"].sum())
        self.padded += feed["input_ids"].size
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--answers", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=1, help="ONNX Runtime's (0: a core)")
    args = parser.parse_args()
    rows = [
        row
        for row in read_marking_set(args.data / "semeval2013.jsonl", "train")
        if row["dataset"] == "semeval2013-scientsbank"
    ][: args.answers]
    schemes = {row["question_id"]: scheme_for(row, None) for row in rows}
    model = Embedder(threads=args.threads)
    for scheme in schemes.values():
        model.encode(scheme_texts(scheme))
        pieces, sentences = reference_texts(
            read_reference(scheme.references, scheme.max_marks), scheme
        )
        model.pieces(pieces)
        model.encode(sentences)
    counted = model.session = Counted(model.session)
    items = [(row["answer"], schemes[row["question_id"]]) for row in rows]
    started = time.process_time()
    Marker(model, calibration()).mark_many(items)
    cpu = time.process_time() - started
    n = len(items)
    print(
        json.dumps(
            {
                "answers": n,
                "texts an answer": round(counted.texts / n, 3),
                "pieces an answer": round(counted.pieces / n, 2),
                "padded pieces an answer": round(counted.padded / n, 2),
                "CPU s a 1,000": round(cpu * 1000 / n, 2),
                "model's CPU s a 1,000": round(counted.cpu * 1000 / n, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
