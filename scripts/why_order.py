"""Do the marks follow the examiner's order on "why" questions? Print Spearman's rank
correlation between our examiner's marks and the marker's for every "why" and "explain why"
question of our history sets (benchmarks/data), each marked by its own notes.

    python scripts/why_order.py
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from scipy.stats import spearmanr

from pastpaper.ingest import read_notes
from pastpaper.marking import mark
from pastpaper.marking.calibration import calibration
from pastpaper.marking.embed import embedder
from pastpaper.marking.evaluate import read_marking_set, scheme_for

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data"
#: Each history set and the notes that answer its questions.
SETS = {
    "history-weimar.jsonl": "weimar-recovery.txt",
    "history-ww1.jsonl": "causes-ww1.txt",
    "history-new-deal.jsonl": "new-deal.txt",
    "history-elizabeth.jsonl": "elizabeth-religion.txt",
}


def main() -> None:
    table = Table("set", "question", "answers", "Spearman")
    for answers, notes in SETS.items():
        course = read_notes(DATA / "notes" / notes).course
        asked: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in read_marking_set(DATA / answers):
            if row["question"].lower().startswith(("why", "explain why")):
                asked[row["question"]].append(row)
        for question, rows in asked.items():
            scheme = scheme_for(rows[0], course)
            given = [mark(r["answer"], scheme, embedder(), calibration()).mark for r in rows]
            order = spearmanr([r["score"] for r in rows], given).statistic
            table.add_row(answers, question, str(len(rows)), f"{order:.3f}")
    Console().print(table)


if __name__ == "__main__":
    main()
