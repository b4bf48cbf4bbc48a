"""A class's results, for its teacher (or an admin): the students-by-topic grid of marks and
recall, the points the class missed most, the marks of each question as a chart and a
table, the weekly trend, the grid as a CSV download, and one question across the class.
A student gets 403 (a page for teachers); another teacher's class is 404 (the layer's rule,
``Pastpaper.class_results``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from pastpaper.web.auth import core, teaching
from pastpaper.web.pages import render
from pastpaper.web.params import RowId
from pastpaper.web.results_charts import distribution_svg, weekly_svg

__all__ = ["router"]

router = APIRouter()

Teacher = Annotated[Any, Depends(teaching)]

#: How many of the points missed most the page lists (the JSON API gives them all).
MISSED_SHOWN = 10


@router.get("/classes/{class_id}/results")
def results_page(request: Request, user: Teacher, class_id: RowId) -> Response:
    results = core(request).class_results(class_id)
    return render(
        request,
        "results.html",
        f"Results of {results.name}",
        results=results,
        several=len({c.course for c in results.columns}) > 1,
        missed=results.missed[:MISSED_SHOWN],
        charts={q.question_id: distribution_svg(q) for q in results.questions},
        trend=weekly_svg(results.weeks),
    )


@router.get("/classes/{class_id}/results.csv")
def results_csv(request: Request, user: Teacher, class_id: RowId) -> Response:
    made = core(request).class_results_csv(class_id)
    return Response(
        made.text.encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{made.name}"'},
    )


@router.get("/classes/{class_id}/results/questions/{question_id}")
def question_page(request: Request, user: Teacher, class_id: RowId, question_id: RowId) -> Response:
    found = core(request).question_results(class_id, question_id)
    return render(
        request,
        "results_question.html",
        f"Question {found.question_id} in {found.class_name}",
        found=found,
        chart=None if found.marks is None else distribution_svg(found.marks),
    )
