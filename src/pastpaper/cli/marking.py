"""The marking commands: mark (one answer, or a class's CSV) and eval (the marker measured
against human marks). Each parses, calls one method of ``Pastpaper``, renders."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress
from rich.table import Column, Table

from pastpaper.cli.options import (
    AnswerFile,
    AnswerText,
    JsonTable,
    JsonText,
    MaxMb,
    answer_text,
    friendly,
    open_app,
)
from pastpaper.cli.render import err, n, out, print_json, print_marking, warn
from pastpaper.errors import PastpaperError

__all__ = ["eval_", "mark_"]


@friendly
def mark_(
    ctx: typer.Context,
    question_id: Annotated[
        int | None,
        typer.Argument(metavar="QUESTION_ID", min=1, max=2**63 - 1, help="The question answered."),
    ] = None,
    answer: AnswerText = None,
    file: AnswerFile = None,
    csv_in: Annotated[
        Path | None,
        typer.Option(
            "--csv",
            metavar="ANSWERS.csv",
            help="Mark a class's answers in bulk: columns student, question (an id), answer.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", metavar="MARKS.csv", help="The mark book to write."),
    ] = None,
    delimiter: Annotated[
        str | None,
        typer.Option(
            "--delimiter",
            metavar="SEP",
            help="The CSV's separator: ',', ';' or 'tab' (found from the header if not given).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the mark book if it exists.")
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            metavar="ENGINE",
            help="What marks a CSV: 'local' (this machine's cores) or 'ray' (Ray Data, "
            "needs the extra: pip install 'pastpaper\\[scale]').",
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            metavar="ADDR",
            help="With --engine ray: the Ray cluster to mark on, e.g. 10.0.0.5:6379 or "
            "ray://head:10001 (a Ray started here if not given).",
        ),
    ] = None,
    as_json: JsonText = False,
) -> None:
    """Mark an answer point by point, or a CSV of a class's answers.

    With --csv, every row of the answers gives a row of the mark book, marked or with the
    reason it was not; the exit status is 1 when any row was not marked.

    Example: pastpaper mark 4 --answer "He wanted to secure his own position."
    """
    from pastpaper.marking.markbook import parse_delimiter
    from pastpaper.marking.scale import ENGINES

    if csv_in is None and delimiter is not None:
        raise PastpaperError("--delimiter goes with --csv ANSWERS.csv")
    if engine not in ENGINES:
        raise PastpaperError(f"--engine {engine!r} is not an engine; give 'local' or 'ray'")
    if csv_in is None and (engine != "local" or address is not None):
        raise PastpaperError("--engine and --address go with --csv ANSWERS.csv")
    if address is not None and engine != "ray":
        raise PastpaperError("--address goes with --engine ray")
    separator = None if delimiter is None else parse_delimiter(delimiter)
    app = open_app(ctx)
    if csv_in is not None:
        if question_id is not None or answer is not None or file is not None:
            raise PastpaperError(
                "--csv marks the questions and answers the CSV names: give a QUESTION_ID "
                "and an answer, or --csv ANSWERS.csv, not both"
            )
        if output is None:
            raise PastpaperError("give the mark book to write with -o MARKS.csv")
        # No bar where stderr is not a terminal: a log keeps only the warnings.
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("marking", total=None)
            report = app.mark_csv(
                csv_in,
                output,
                delimiter=separator,
                force=force,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
                engine=engine,
                address=address,
            )
        for notice in report.notices:
            warn(notice)
        summary = f"Marked {report.marked} of {n(report.rows, 'row')}; "
        if report.not_marked:
            summary += f"{report.not_marked} not marked (see the column 'not marked because'); "
        out.print(f"{summary}wrote {escape(str(output))}.")
        if report.not_marked:
            raise typer.Exit(1)
        return
    if question_id is None:
        raise PastpaperError("give a QUESTION_ID and an answer, or --csv ANSWERS.csv -o MARKS.csv")
    text = answer_text(answer, file)
    result = app.mark(question_id, text)
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
        return
    print_marking(text, result)


@friendly
def eval_(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE.jsonl", help="A marking set (../shared/data format).")
    ],
    notes: Annotated[
        Path | None,
        typer.Option(
            "--notes",
            metavar="NOTES",
            help="Notes whose schemes mark answers that have no reference.",
        ),
    ] = None,
    split: Annotated[
        str | None, typer.Option("--split", metavar="NAME", help="Only this split.")
    ] = None,
    max_mb: MaxMb = None,
    as_json: JsonTable = False,
) -> None:
    """Measure the marker against human marks on a marking set, per dataset and split.

    Example: pastpaper eval ../shared/data/semeval2013.jsonl --split unseen-questions
    """
    app = open_app(ctx, store=False, max_mb=max_mb)
    with Progress(console=err, transient=True) as bar:
        task = bar.add_task("reading", total=None)
        found = app.evaluate(
            file,
            split=split,
            notes=notes,
            stage=lambda name, rows: bar.update(task, description=name, total=rows),
            progress=lambda done: bar.update(task, completed=done),
        )
    if as_json:
        print_json(found, ensure_ascii=True)
        return
    results = found.results
    table = Table(
        Column("dataset", overflow="fold", min_width=10),
        Column("split", overflow="fold", min_width=8),
        *("n", "pearson", "rmse", "mae", "qwk", "accuracy", "macro-F1", "per s"),
    )
    for r in results:
        figures = (r.pearson, r.rmse, r.mae, r.qwk, r.accuracy, r.macro_f1)
        table.add_row(
            r.dataset,
            r.split,
            str(r.n),
            *("-" if f is None else f"{f:.3f}" for f in figures),
            f"{r.answers_per_second:.0f}",
        )
    out.print(table)
    for r in results:
        if r.not_marked:
            warn(
                f"{r.dataset} {r.split}: {n(r.not_marked, 'answer')} to questions that cannot "
                "be marked (their schemes have no points) counted as 0"
            )
