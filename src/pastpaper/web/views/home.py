"""The home page: for a student, what is due today, the exam countdown, the weakest topics
and the next thing to do; before anyone has an account, the way to make the first."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from pastpaper.web.auth import core, current_user
from pastpaper.web.pages import render

__all__ = ["router"]

router = APIRouter()

#: How many of the weakest topics the home page names.
WEAKEST = 3


@router.get("/")
def home(request: Request) -> Response:
    user = current_user(request)
    app = core(request)
    if user is None:
        to = "/sign-in" if app.has_accounts() else "/setup"
        return RedirectResponse(to, status_code=303)
    if not app.store.courses():
        return render(request, "home.html", "Home", empty=True)
    due_cards = app.review_cards(limit=1000)
    due_questions = app.due_questions()
    topics = app.progress()
    return render(
        request,
        "home.html",
        "Home",
        empty=False,
        due_cards=len([card for card in due_cards if card.due is not None]),
        new_cards=len([card for card in due_cards if card.due is None]),
        due_questions=due_questions[:5],
        days_to_exam=app.days_to_exam(),
        weakest=_weakest(topics),
        next_step=_next_step(due_cards, due_questions),
    )


def _weakest(topics: list[Any]) -> list[Any]:
    """The topics that need most work: lowest predicted recall, or lowest recent mark."""

    def weakness(topic: Any) -> float:
        scores = []
        if topic.retention is not None:
            scores.append(topic.retention)
        if topic.marks:
            last = topic.marks[-1]
            scores.append(last.mark / last.max if last.max else 0.0)
        return min(scores) if scores else 1.0

    tried = [t for t in topics if t.retention is not None or t.marks]
    return sorted(tried, key=weakness)[:WEAKEST]


def _next_step(due_cards: list[Any], due_questions: list[Any]) -> tuple[str, str]:
    """The one button the page offers: (label, link)."""
    if due_questions:
        question = due_questions[0]
        return (f"Practise: {question.text}", f"/questions/{question.id}/practise")
    if due_cards:
        return (f"Review {len(due_cards)} cards", "/review")
    return ("Practise a new question", "/practise/next")
