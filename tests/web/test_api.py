"""The JSON API under /api, in-process: signed in by the session cookie (writes need the
x-csrftoken header) or by a personal API token; errors as {"error": ...}; and for every
operation, a student gets only their own records and their classes' courses (404 otherwise).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from web.conftest import NOW, PASSWORD, sign_in

pytestmark = pytest.mark.anyio

GOOD = (
    "Khrushchev wanted to secure his own position against rivals such as Beria and Malenkov. "
    "Stalin's terror had been unacceptable, so the cult of personality was attacked in the "
    "Secret Speech of 1956. He also wanted to improve relations with the West."
)


@pytest.fixture
def school(
    web_app: FastAPI, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Any]:
    """The seed course in Sam's class; the example course in no class of his; Ana in none."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    core = web_app.state.core
    core.import_file(seed_path)
    core.import_examples()
    seed, example = (c.slug for c in core.courses())
    people = core.store.people
    people.add_user("ms.reed", "Ms Reed", "teacher", password=PASSWORD, now=NOW)
    history = people.add_class("ms.reed", "11B", now=NOW)
    people.assign_course(history.id, seed)
    for login in ("sam", "ana"):
        people.add_user(login, login.title(), "student", password=PASSWORD, now=NOW)
    people.enrol("sam", history.id, now=NOW)
    teacher = core.acting_for(people.user("ms.reed"))
    return {
        "seed": seed,
        "example": example,
        "mine": teacher.questions(course=seed)[0].id,
        "hidden": teacher.questions(course=example)[0].id,
        "hidden_card": teacher.cards(example)[0].id,
        "class": history.id,
    }


def csrf(client: httpx.AsyncClient) -> dict[str, str]:
    """The header a script signed in by the session sends with a write."""
    return {"x-csrftoken": client.cookies["csrftoken"]}


def token_for(web_app: FastAPI, login: str) -> dict[str, str]:
    core = web_app.state.core
    token = core.acting_for(core.store.people.user(login)).make_token("test script")
    return {"Authorization": f"Bearer {token}"}


#: Every operation of the API, with a body where it takes one.
OPERATIONS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "/api/me", None),
    ("GET", "/api/courses", None),
    ("GET", "/api/courses/{seed}/questions", None),
    ("GET", "/api/questions/{mine}", None),
    ("POST", "/api/questions/{mine}/attempts", {"answer": GOOD}),
    ("GET", "/api/attempts", None),
    ("GET", "/api/attempts/1", None),
    ("GET", "/api/review/next", None),
    ("POST", "/api/review/{hidden_card}", {"rating": 3}),
    ("GET", "/api/progress", None),
    ("POST", "/api/notes", None),
    ("GET", "/api/notes/uploads/" + "t" * 32, None),
    ("POST", "/api/notes/uploads/" + "t" * 32 + "/confirm", None),
    ("DELETE", "/api/notes/uploads/" + "t" * 32, None),
    ("GET", "/api/notes/{seed}/course-file", None),
    ("GET", "/api/questions/{mine}/scheme", None),
    ("POST", "/api/questions/{mine}/scheme/dry-run", {"action": "marks", "marks": 3}),
    ("POST", "/api/questions/{mine}/scheme/apply", {"edit": None, "based_on": None, "reason": "x"}),
    ("GET", "/api/classes/1/results", None),
    ("GET", "/api/classes/1/results/questions/{mine}", None),
    ("GET", "/api/jobs", None),
    ("POST", "/api/jobs", None),
    ("POST", "/api/jobs/attempts", {"class_id": 1, "question_id": 1}),
    ("GET", "/api/jobs/1", None),
    ("GET", "/api/jobs/1/mark-book", None),
    ("GET", "/api/jobs/1/mark-book.csv", None),
    ("GET", "/api/classes/{class}/questions/{mine}/groups", None),
    ("POST", "/api/classes/{class}/questions/{mine}/moderations", {"attempt_ids": [1], "mark": 0}),
    ("GET", "/api/classes/{class}/questions/{mine}/answers/1", None),
    (
        "POST",
        "/api/classes/{class}/questions/{mine}/answers/1/teach",
        {"point_id": "p1", "phrase": "the KGB"},
    ),
    ("GET", "/api/classes/{class}/questions/{mine}/agreement", None),
]


async def test_every_operation_wants_a_user_and_says_so_in_json(
    client: httpx.AsyncClient, web_app: FastAPI, school: dict[str, Any]
) -> None:
    spec = (await client.get("/api/openapi.json")).json()
    documented = {
        (method.upper(), path)
        for path, methods in spec["paths"].items()
        if path.startswith("/api/")
        for method in methods
    }
    assert len(documented) == len(OPERATIONS)  # the list above is every operation
    for method, path, body in OPERATIONS:
        answer = await client.request(method, path.format(**school), json=body)
        assert answer.status_code == 401, (method, path, answer.text)
        assert answer.json() == {"error": "sign in first, or send an API token"}
    bogus = {"Authorization": "Bearer pp_not-a-token"}
    refused = await client.get("/api/me", headers=bogus)
    assert refused.status_code == 401 and "not known here" in refused.json()["error"]
    # A token refused is refused even beside a signed-in session.
    await sign_in(client, "sam")
    assert (await client.get("/api/me", headers=bogus)).status_code == 401
    assert (await client.get("/api/me")).json()["login"] == "sam"


async def test_the_session_signs_in_and_a_write_needs_the_csrf_header(
    client: httpx.AsyncClient, web_app: FastAPI, school: dict[str, Any]
) -> None:
    await sign_in(client, "sam")
    me = (await client.get("/api/me")).json()
    assert (me["login"], me["role"]) == ("sam", "student")
    assert [c["slug"] for c in (await client.get("/api/courses")).json()] == [school["seed"]]
    url = f"/api/questions/{school['mine']}/attempts"
    refused = await client.post(url, json={"answer": GOOD})
    assert refused.status_code == 403 and "x-csrftoken" in refused.json()["error"]
    sam = web_app.state.core.store.people.user("sam")
    assert web_app.state.core.store.memory.attempts(sam.id) == []
    made = await client.post(url, json={"answer": GOOD}, headers=csrf(client))
    assert made.status_code == 201, made.text
    done = made.json()
    assert done["marking"]["mark"] >= 1 and done["marking"]["credited"]
    [kept] = web_app.state.core.store.memory.attempts(sam.id)
    assert (kept.id, kept.answer, kept.mark) == (done["attempt_id"], GOOD, done["marking"]["mark"])
    mine = (await client.get("/api/attempts")).json()
    assert [a["id"] for a in mine] == [done["attempt_id"]]
    one = (await client.get(f"/api/attempts/{done['attempt_id']}")).json()
    assert one["answer"] == GOOD and one["marking"]["mark"] == done["marking"]["mark"]


async def test_an_api_token_signs_in_without_csrf_and_stops_when_revoked(
    client: httpx.AsyncClient, web_app: FastAPI, school: dict[str, Any]
) -> None:
    core = web_app.state.core
    sam = core.acting_for(core.store.people.user("sam"))
    token = sam.make_token("revision app")
    bearer = {"Authorization": f"Bearer {token}"}
    assert (await client.get("/api/me", headers=bearer)).json()["login"] == "sam"
    card = (await client.get("/api/review/next", headers=bearer)).json()["card"]
    assert card is not None and "{{c" not in card["front"]
    rated = await client.post(f"/api/review/{card['id']}", json={"rating": 3}, headers=bearer)
    assert rated.status_code == 200, rated.text
    assert rated.json()["card_id"] == card["id"] and rated.json()["due"] > NOW.isoformat()
    assert len(core.store.memory.reviews(sam.user.id)) == 1
    assert sam.tokens()[0].last_used_at == NOW
    sam.revoke(sam.tokens()[0].id)
    gone = await client.get("/api/me", headers=bearer)
    assert gone.status_code == 401 and "revoked" in gone.json()["error"]


async def test_a_student_gets_only_their_own_and_their_classes_courses(
    client: httpx.AsyncClient, web_app: FastAPI, school: dict[str, Any]
) -> None:
    core = web_app.state.core
    sam, ana = token_for(web_app, "sam"), token_for(web_app, "ana")
    made = await client.post(
        f"/api/questions/{school['mine']}/attempts", json={"answer": GOOD}, headers=sam
    )
    attempt = made.json()["attempt_id"]
    rating = {"rating": 3}
    not_found = [
        ("GET", f"/api/courses/{school['example']}/questions", None, sam),
        ("GET", "/api/courses/no-such-course/questions", None, sam),
        ("GET", f"/api/questions/{school['hidden']}", None, sam),
        ("POST", f"/api/questions/{school['hidden']}/attempts", {"answer": GOOD}, sam),
        ("GET", f"/api/attempts/{attempt}", None, ana),
        ("POST", f"/api/review/{school['hidden_card']}", rating, sam),
        ("GET", f"/api/review/next?course={school['example']}", None, sam),
        ("GET", f"/api/progress?course={school['example']}", None, sam),
        # Ana is in no class: even Sam's course is not hers.
        ("GET", f"/api/courses/{school['seed']}/questions", None, ana),
        ("GET", f"/api/questions/{school['mine']}", None, ana),
        ("POST", f"/api/questions/{school['mine']}/attempts", {"answer": GOOD}, ana),
    ]
    for method, path, body, who in not_found:
        answer = await client.request(method, path, json=body, headers=who)
        assert answer.status_code == 404, (method, path, answer.text)
        assert school["example"] not in answer.json()["error"] or school["example"] in path
    assert (await client.get("/api/courses", headers=ana)).json() == []
    assert (await client.get("/api/attempts", headers=ana)).json() == []
    assert (await client.get("/api/review/next", headers=ana)).json() == {"card": None}
    assert (await client.get("/api/progress", headers=ana)).json() == []
    progress = (await client.get("/api/progress", headers=sam)).json()
    assert progress and {row["course"] for row in progress} == {school["seed"]}
    assert any(row["marks"] for row in progress)
    # Nothing was written for the refused requests: one attempt (Sam's), no reviews.
    ana_id = core.store.people.user("ana").id
    sam_id = core.store.people.user("sam").id
    assert len(core.store.memory.attempts(sam_id)) == 1
    assert core.store.memory.attempts(ana_id) == []
    assert core.store.memory.reviews(sam_id) == [] and core.store.memory.reviews(ana_id) == []


async def test_a_request_it_cannot_read_is_a_json_error(
    client: httpx.AsyncClient, web_app: FastAPI, school: dict[str, Any]
) -> None:
    sam = token_for(web_app, "sam")
    url = f"/api/questions/{school['mine']}/attempts"
    for body in ({}, {"answer": 7}, {"answer": GOOD, "seconds_allowed": -1}):
        answer = await client.post(url, json=body, headers=sam)
        assert answer.status_code == 422 and answer.json()["error"], answer.text
    empty = await client.post(url, json={"answer": "  "}, headers=sam)
    assert empty.status_code == 400 and "empty" in empty.json()["error"]
    card = (await client.get("/api/review/next", headers=sam)).json()["card"]
    wrong = await client.post(f"/api/review/{card['id']}", json={"rating": 9}, headers=sam)
    assert wrong.status_code == 422
    assert (await client.get("/api/questions/abc", headers=sam)).status_code == 422


async def test_the_api_page_lists_every_operation_and_loads_nothing_from_elsewhere(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/api/docs")
    assert page.status_code == 200
    spec = (await client.get("/api/openapi.json")).json()
    for path, methods in spec["paths"].items():
        if path.startswith("/api/"):
            for method in methods:
                assert f"{method.upper()}</span> <code>{path}</code>" in page.text
    assert 'id="shape-Submitted"' in page.text and 'href="#shape-Marking"' in page.text
    assert spec["paths"]["/api/attempts/{attempt_id}"]["get"]["responses"]["404"]
    hosts = set(re.findall(r'(?:src|href)="(?:https?:)?//([^/"]+)', page.text))
    assert hosts <= {"testserver"}, hosts  # this site's own static files only
    assert not re.search(r"cdn|unpkg|jsdelivr", page.text, re.IGNORECASE)
