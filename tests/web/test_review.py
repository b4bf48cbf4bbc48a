"""Reviewing cards, progress, a course's trends and timeline, and the Anki download, in the
web app in-process: what each page shows, the review kept after a rating, a form without
its CSRF token refused, and another class's course not found."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from io import BytesIO
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from pastpaper.app.study import MarkAt
from pastpaper.settings import Settings
from pastpaper.web.marks_chart import marks_svg
from web.conftest import NOW, send_form, sign_in
from web.school import School, make_school

pytestmark = pytest.mark.anyio


@pytest.fixture
def school(web_settings: Settings, seed_path: Path) -> School:
    return make_school(web_settings, seed_path)


def shown_card(page: str) -> str:
    """The id of the card a review page shows (in its form)."""
    found = re.search(r'name="show" value="([^"]+)"', page) or re.search(
        r'action="/review/([^"]+)"', page
    )
    assert found, page
    return found.group(1)


def sam_id(web_app: FastAPI) -> int:
    return int(web_app.state.core.store.people.user("sam").id)


async def test_review_asks_to_sign_in(client: httpx.AsyncClient, school: School) -> None:
    asked = await client.get("/review")
    assert (asked.status_code, asked.headers["location"]) == (303, "/sign-in?next=/review")


async def test_a_card_is_shown_revealed_and_rated_and_the_review_kept(
    client: httpx.AsyncClient, school: School, web_app: FastAPI
) -> None:
    await sign_in(client, "sam")
    page = await client.get("/review")
    assert page.status_code == 200
    assert "Show the answer" in page.text and 'name="typed"' in page.text
    card_id = shown_card(page.text)
    memory = web_app.state.core.store.memory
    card = memory.card(sam_id(web_app), card_id)
    assert card.state is None  # never reviewed: new

    revealed = await client.get(f"/review?show={card_id}")
    assert card.back in revealed.text
    assert [f'data-rating="{key}"' in revealed.text for key in "1234"] == [True] * 4

    rated = await send_form(
        client, f"/review?show={card_id}", f"/review/{card_id}", {"rating": "3"}
    )
    assert (rated.status_code, rated.headers["location"]) == (303, "/review")
    kept = memory.card(sam_id(web_app), card_id)
    assert kept.due is not None and kept.due > NOW
    after = await client.get("/review")
    assert "Rated Good" in after.text and "is due again" in after.text
    assert shown_card(after.text) != card_id


async def test_a_typed_answer_preselects_the_rating_it_suggests(
    client: httpx.AsyncClient, school: School, web_app: FastAPI
) -> None:
    await sign_in(client, "sam")
    card_id = shown_card((await client.get("/review")).text)
    card = web_app.state.core.store.memory.card(sam_id(web_app), card_id)
    right = await client.get("/review", params={"show": card_id, "typed": card.back})
    assert re.search(r'value="3" data-rating="3" class="suggested" autofocus', right.text)
    assert "Your answer suggests Good" in right.text
    wrong = await client.get("/review", params={"show": card_id, "typed": "no idea"})
    assert re.search(r'value="1" data-rating="1" class="suggested" autofocus', wrong.text)
    # The answer typed goes with the rating, to be kept with the review.
    assert 'name="typed" value="no idea"' in wrong.text


async def test_a_session_shows_one_card_a_point_then_a_summary(
    client: httpx.AsyncClient, school: School, web_app: FastAPI
) -> None:
    await sign_in(client, "sam")
    memory = web_app.state.core.store.memory
    points: list[str] = []
    ratings: list[str] = []
    page = await client.get("/review")
    while "Session finished" not in page.text:
        assert len(points) < 20, "a session stops at 20 cards"
        card_id = shown_card(page.text)
        points.append(memory.card(sam_id(web_app), card_id).point_id)
        rating = str(len(points) % 4 + 1)
        ratings.append(rating)
        await send_form(client, f"/review?show={card_id}", f"/review/{card_id}", {"rating": rating})
        page = await client.get("/review")
    assert len(points) == len(set(points)) > 3
    summary = re.sub(r"\s+", " ", page.text)
    assert f"<dt>Cards reviewed</dt><dd>{len(points)}</dd>" in summary
    for key, label in ((1, "Again"), (2, "Hard"), (3, "Good"), (4, "Easy")):
        assert f"<dt>{label}</dt><dd>{ratings.count(str(key))}</dd>" in summary
    assert "<dt>Next due</dt><dd>Mon 30 Nov 2026" in summary  # an Again comes back today
    again = await send_form(client, "/review", "/review/restart", {})
    assert again.headers["location"] == "/review"
    assert "Card 1" in (await client.get("/review")).text


async def test_a_rating_without_the_csrf_token_is_refused_and_not_kept(
    client: httpx.AsyncClient, school: School, web_app: FastAPI
) -> None:
    await sign_in(client, "sam")
    card_id = shown_card((await client.get("/review")).text)
    refused = await client.post(f"/review/{card_id}", data={"rating": "3"})
    assert refused.status_code == 403
    assert web_app.state.core.store.memory.card(sam_id(web_app), card_id).state is None


async def test_a_rating_must_be_one_of_the_four(
    client: httpx.AsyncClient, school: School, web_app: FastAPI
) -> None:
    await sign_in(client, "sam")
    card_id = shown_card((await client.get("/review")).text)
    odd = await send_form(client, "/review", f"/review/{card_id}", {"rating": "7"})
    assert odd.status_code == 400 and "a rating is 1, 2, 3 or 4" in odd.text
    assert web_app.state.core.store.memory.card(sam_id(web_app), card_id).state is None


async def test_another_class_s_course_is_not_found(
    client: httpx.AsyncClient, school: School, web_app: FastAPI
) -> None:
    core = web_app.state.core
    hidden = core.cards(school.other)[0].id
    await sign_in(client, "sam")
    for address in (
        f"/review?course={school.other}",
        f"/review?show={hidden}",
        f"/courses/{school.other}/trends",
        f"/courses/{school.other}/timeline",
        f"/cards/export.apkg?course={school.other}",
    ):
        assert (await client.get(address)).status_code == 404, address
    refused = await send_form(client, "/review", f"/review/{hidden}", {"rating": "3"})
    assert refused.status_code == 404
    assert core.store.memory.card(sam_id(web_app), hidden).state is None
    # Sam's own pages never show the other course.
    assert school.other not in (await client.get("/progress")).text


async def test_the_review_of_one_course(client: httpx.AsyncClient, school: School) -> None:
    await sign_in(client, "ada")
    page = await client.get(f"/review?course={school.other}")
    assert page.status_code == 200 and f'name="course" value="{school.other}"' in page.text
    assert (await client.get(f"/review?course={school.seed}")).status_code == 404


async def test_progress_shows_topics_a_chart_and_my_answers(
    client: httpx.AsyncClient, school: School, web_app: FastAPI
) -> None:
    core = web_app.state.core
    sam = core.acting_for(core.store.people.user("sam"))
    question = sam.questions()[0]
    kept = sam.keep_draft(question.id, "Stalin died in 1953 and", NOW, 600)
    await sign_in(client, "sam")
    page = await client.get("/progress")
    assert page.status_code == 200
    [topic] = sam.progress()
    assert f"<td>{topic.topic}</td>" in page.text.replace("’", "’")
    assert f'<td class="number">{topic.cards}</td>' in page.text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="marks-chart" role="img"' in page.text
    assert f'<a href="/attempts/{kept}">' in page.text and "not marked" in page.text
    assert f"/cards/export.apkg?course={school.seed}" in page.text
    client.cookies.clear()
    await sign_in(client, "ada")
    assert f"/attempts/{kept}" not in (await client.get("/progress")).text


async def test_trends_and_timeline_show_their_tables_and_charts(
    client: httpx.AsyncClient, school: School, web_app: FastAPI
) -> None:
    core = web_app.state.core
    await sign_in(client, "sam")
    trends = await client.get(f"/courses/{school.seed}/trends")
    assert trends.status_code == 200
    assert trends.text.count("<svg") == 1 and "<?xml" not in trends.text
    first = core.trends(school.seed)[0]
    assert f"<td>{first.command_word}</td>" in trends.text
    timeline = await client.get(f"/courses/{school.seed}/timeline")
    assert timeline.status_code == 200 and timeline.text.count("<svg") == 1
    event = core.timeline(school.seed)[0]
    assert f"<td>{event.label}</td>" in timeline.text


async def test_my_cards_download_as_an_anki_package(
    client: httpx.AsyncClient, school: School, web_app: FastAPI
) -> None:
    await sign_in(client, "sam")
    got = await client.get(f"/cards/export.apkg?course={school.seed}")
    assert got.status_code == 200
    assert got.headers["content-disposition"] == (
        f'attachment; filename="{school.seed}-cards.apkg"'
    )
    assert "collection.anki2" in zipfile.ZipFile(BytesIO(got.content)).namelist()
    missing = await client.get("/cards/export.apkg")
    assert missing.status_code == 400 and "which course" in missing.text


def test_the_marks_chart_draws_each_mark_with_its_axes_and_words() -> None:
    marks = [
        MarkAt(at=NOW.replace(day=28), mark=6, max=8),
        MarkAt(at=NOW.replace(day=2), mark=2, max=8),
        MarkAt(at=NOW.replace(day=20), mark=0, max=0),  # no marks to have: not drawn
    ]
    svg = marks_svg(marks, title="Marks <yours>")
    assert svg.count("<circle") == 2
    assert '<title id="marks-title">Marks &lt;yours&gt;</title>' in svg
    assert "2 marked answers, from 2 of 8 on 2026-11-02 to 6 of 8 on 2026-11-28." in svg
    assert "<title>2026-11-02: 2 of 8</title>" in svg
    assert ">0%</text>" in svg and ">100%</text>" in svg
    # 2 of 8 is a quarter of the way up: y = top + height * 0.75 (SVG's y runs down).
    assert 'cy="179.0"' in svg and 'cy="73.0"' in svg
    assert "No marked answers yet" in marks_svg([]) and "<polyline" not in marks_svg([])


async def test_a_session_can_be_shorter_or_finished_early(
    client: httpx.AsyncClient, school: School
) -> None:
    await sign_in(client, "sam")
    page = await client.get("/review?cards=2")
    for _ in range(2):
        card_id = shown_card(page.text)
        await send_form(client, f"/review?show={card_id}", f"/review/{card_id}", {"rating": "3"})
        page = await client.get("/review")
    assert "Session finished" in page.text and "<dd>2</dd>" in page.text
    await send_form(client, "/review", "/review/restart", {})
    page = await client.get("/review")
    card_id = shown_card(page.text)
    assert "Finish the session" not in page.text  # nothing to sum up yet
    await send_form(client, f"/review?show={card_id}", f"/review/{card_id}", {"rating": "2"})
    page = await client.get("/review")
    assert '<a href="/review?finish=1">Finish the session' in page.text
    finished = re.sub(r"\s+", " ", (await client.get("/review?finish=1")).text)
    assert "<dt>Cards reviewed</dt><dd>1</dd>" in finished and "<dt>Hard</dt><dd>1</dd>" in finished
    assert (await client.get("/review?cards=500")).status_code == 400


async def test_the_review_page_counts_the_days_to_the_exam(
    client: httpx.AsyncClient, school: School, web_app: FastAPI
) -> None:
    await sign_in(client, "sam")
    assert "The exam is" not in (await client.get("/review")).text
    web_app.state.core.store.people.set_user_exam_date("sam", date(2027, 5, 14))
    page = await client.get("/review")
    assert "The exam is in 165 days, on 2027-05-14." in page.text
