"""The authorisation matrix: every route of the app, for every role, gets exactly the status
written here. The roles: a stranger, a student of the class (Sam), a student of another
class (Ann), the class's teacher (Ms Reed), another teacher (Mr Khan) and an admin. Every
id in a path is one of the class's or Sam's, so the table says who reaches the class's
things and who does not; each role starts from a fresh school, so one role's changes do
not decide another's answer. A route the table does not name fails the test: a new route
must say who may use it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from pastpaper.app import Pastpaper
from web.conftest import NOW, PASSWORD, send_form

pytestmark = pytest.mark.anyio

ROLES = ("stranger", "sam", "ann", "ms.reed", "mr.khan", "head")
#: Routes the matrix leaves to their own tests: signing in, up and out, the first account,
#: a password change (each changes who is signed in).
OWN_TESTS = {"/setup", "/sign-in", "/sign-up", "/sign-out", "/account/password"}
S, A, T = 303, 200, 201  # a page's form done (a redirect), a page or answer, an API's new thing

#: A class's question, as moderation's routes begin.
_Q = "/classes/{class_id}/questions/{question_id}"

#: (method, path): statuses for a stranger, Sam, Ann, Ms Reed, Mr Khan and the admin.
EXPECTED: dict[tuple[str, str], tuple[int, ...]] = {
    ("GET", "/"): (S, A, A, A, A, A),
    ("GET", "/account"): (S, A, A, A, A, A),
    ("GET", "/courses"): (S, A, A, A, A, A),
    ("GET", "/courses/{slug}"): (S, A, 404, A, A, A),
    ("GET", "/courses/{slug}/trends"): (S, A, 404, A, A, A),
    ("GET", "/courses/{slug}/timeline"): (S, A, 404, A, A, A),
    ("GET", "/questions/{question_id}"): (S, A, 404, A, A, A),
    ("GET", "/questions/{question_id}/practise"): (S, A, 404, A, A, A),
    ("POST", "/questions/{question_id}/practise"): (S, S, 404, S, S, S),
    ("POST", "/questions/{question_id}/draft"): (S, S, 404, S, S, S),
    ("GET", "/attempts/{attempt_id}"): (S, A, 404, 404, 404, 404),
    ("GET", "/review"): (S, A, A, A, A, A),
    ("POST", "/review/restart"): (S, S, S, S, S, S),
    ("POST", "/review/{card_id}"): (S, S, 404, S, S, S),
    ("GET", "/progress"): (S, A, A, A, A, A),
    ("GET", "/cards/export.apkg"): (S, 400, 400, 400, 400, 400),  # needs ?course=
    ("GET", "/account/tokens"): (S, A, A, A, A, A),
    ("POST", "/account/tokens"): (S, A, A, A, A, A),
    ("POST", "/account/tokens/{token_id}/revoke"): (S, S, 404, 404, 404, 404),
    ("GET", "/classes"): (S, 403, 403, A, A, A),
    ("POST", "/classes"): (S, 403, 403, S, S, S),
    ("GET", "/classes/{class_id}"): (S, 403, 403, A, 404, A),
    ("POST", "/classes/{class_id}/students/{login}/remove"): (S, 403, 403, S, 403, S),
    ("POST", "/classes/{class_id}/courses"): (S, 403, 403, S, 403, S),
    ("POST", "/classes/{class_id}/exam-date"): (S, 403, 403, S, 403, S),
    # Moderation. A form without a moderation's fields is 400 for whom the page is for;
    # teaching the scheme is for the course's owner or an admin (the seed is the
    # installation's: Ms Reed 403).
    ("GET", "/classes/{class_id}/moderate"): (S, 403, 403, A, 404, A),
    ("GET", f"{_Q}/moderate"): (S, 403, 403, A, 404, A),
    ("POST", f"{_Q}/moderate"): (S, 403, 403, 400, 404, 400),
    ("GET", f"{_Q}/moderate/answers/{{attempt_id}}"): (S, 403, 403, A, 404, A),
    ("POST", f"{_Q}/moderate/answers/{{attempt_id}}"): (S, 403, 403, 400, 404, 400),
    ("POST", f"{_Q}/moderate/answers/{{attempt_id}}/teach"): (S, 403, 403, 403, 404, 400),
    ("GET", f"{_Q}/agreement"): (S, 403, 403, A, 404, A),
    # Notes in: an upload is its uploader's alone (an admin too is told it is not there);
    # confirming it saves the course, after which the upload is gone (404). A form or body
    # without a file is 400.
    ("GET", "/notes"): (S, 403, 403, A, A, A),
    ("POST", "/notes"): (S, 403, 403, 400, 400, 400),
    ("GET", "/notes/uploads/{token}"): (S, 403, 403, A, 404, 404),
    ("POST", "/notes/uploads/{token}/confirm"): (S, 403, 403, S, 404, 404),
    ("POST", "/notes/uploads/{token}/discard"): (S, 403, 403, 404, 404, 404),
    ("GET", "/notes/{slug}/course.yaml"): (S, 403, 403, A, A, A),
    ("POST", "/api/notes"): (401, 403, 403, 400, 400, 400),
    ("GET", "/api/notes/uploads/{token}"): (401, 403, 403, A, 404, 404),
    ("DELETE", "/api/notes/uploads/{token}"): (401, 403, 403, 404, 404, 404),
    ("POST", "/api/notes/uploads/{token}/confirm"): (401, 403, 403, 404, 404, 404),
    ("GET", "/api/notes/{slug}/course-file"): (401, 403, 403, A, A, A),
    # The scheme editor: teachers read it; only the course's owner or an admin changes it (the
    # seed is the installation's); a change the form does not name is 400, a body 422.
    ("GET", "/questions/{question_id}/scheme"): (S, 403, 403, A, A, A),
    ("POST", "/questions/{question_id}/scheme/dry-run"): (S, 403, 403, 400, 400, 400),
    ("POST", "/questions/{question_id}/scheme/apply"): (S, 403, 403, 403, 403, 400),
    ("GET", "/api/questions/{question_id}/scheme"): (401, 403, 403, A, A, A),
    ("POST", "/api/questions/{question_id}/scheme/dry-run"): (401, 403, 403, 422, 422, 422),
    ("POST", "/api/questions/{question_id}/scheme/apply"): (401, 403, 403, 422, 422, 422),
    # A class's results: its teacher and an admin.
    ("GET", "/classes/{class_id}/results"): (S, 403, 403, A, 404, A),
    ("GET", "/classes/{class_id}/results.csv"): (S, 403, 403, A, 404, A),
    ("GET", "/classes/{class_id}/results/questions/{question_id}"): (S, 403, 403, A, 404, A),
    ("GET", "/api/classes/{class_id}/results"): (401, 403, 403, A, 404, A),
    ("GET", "/api/classes/{class_id}/results/questions/{question_id}"): (
        401,
        403,
        403,
        A,
        404,
        A,
    ),
    # Bulk marking: a job is its owner's (and an admin's); the job here waits, so its
    # progress fragment sends a browser that is not htmx on to the job's page.
    ("GET", "/jobs"): (S, 403, 403, A, A, A),
    ("POST", "/jobs/csv"): (S, 403, 403, 400, 400, 400),
    ("POST", "/jobs/attempts"): (S, 403, 403, 400, 400, 400),
    ("GET", "/jobs/{job_id}"): (S, 403, 403, A, 404, A),
    ("GET", "/jobs/{job_id}/progress"): (S, 403, 403, S, 404, S),
    ("GET", "/jobs/{job_id}/mark-book.csv"): (S, 403, 403, A, 404, A),
    ("GET", "/api/jobs"): (401, 403, 403, A, A, A),
    ("POST", "/api/jobs"): (401, 403, 403, 400, 400, 400),
    ("POST", "/api/jobs/attempts"): (401, 403, 403, 422, 422, 422),
    ("GET", "/api/jobs/{job_id}"): (401, 403, 403, A, 404, A),
    ("GET", "/api/jobs/{job_id}/mark-book"): (401, 403, 403, A, 404, A),
    ("GET", "/api/jobs/{job_id}/mark-book.csv"): (401, 403, 403, A, 404, A),
    ("GET", "/api/openapi.json"): (A, A, A, A, A, A),
    ("GET", "/api/docs"): (A, A, A, A, A, A),
    ("GET", "/api/me"): (401, A, A, A, A, A),
    ("GET", "/api/courses"): (401, A, A, A, A, A),
    ("GET", "/api/courses/{slug}/questions"): (401, A, 404, A, A, A),
    ("GET", "/api/questions/{question_id}"): (401, A, 404, A, A, A),
    ("POST", "/api/questions/{question_id}/attempts"): (401, T, 404, T, T, T),
    ("GET", "/api/attempts"): (401, A, A, A, A, A),
    ("GET", "/api/attempts/{attempt_id}"): (401, A, 404, 404, 404, 404),
    ("GET", "/api/review/next"): (401, A, A, A, A, A),
    ("POST", "/api/review/{card_id}"): (401, A, 404, A, A, A),
    ("GET", "/api/progress"): (401, A, A, A, A, A),
    # Moderation's API: a body without a moderation's fields is 422 for a teacher.
    ("GET", f"/api{_Q}/groups"): (401, 403, 403, A, 404, A),
    ("POST", f"/api{_Q}/moderations"): (401, 403, 403, 422, 422, 422),
    ("GET", f"/api{_Q}/answers/{{attempt_id}}"): (401, 403, 403, A, 404, A),
    ("POST", f"/api{_Q}/answers/{{attempt_id}}/teach"): (401, 403, 403, 422, 422, 422),
    ("GET", f"/api{_Q}/agreement"): (401, 403, 403, A, 404, A),
}


class School:
    """Ms Reed's class studies the seed and has Sam, who has answered, reviewed and made a
    token; Mr Khan's class studies the example and has Ann; the head is an admin."""

    def __init__(self, app: FastAPI, seed_path: Path) -> None:
        core: Pastpaper = app.state.core
        people = core.store.people
        for login, name, role in (
            ("ms.reed", "Ms Reed", "teacher"),
            ("mr.khan", "Mr Khan", "teacher"),
            ("head", "The Head", "admin"),
            ("sam", "Sam Okafor", "student"),
            ("ann", "Ann Lee", "student"),
        ):
            people.add_user(login, name, role, password=PASSWORD, now=NOW)
        self.seed = core.import_file(seed_path).saved.slug
        example = core.import_examples()[0].saved.slug
        reeds = people.add_class("ms.reed", "11B", now=NOW)
        khans = people.add_class("mr.khan", "11C", now=NOW)
        people.enrol("sam", reeds.id, now=NOW)
        people.enrol("ann", khans.id, now=NOW)
        people.assign_course(reeds.id, self.seed)
        people.assign_course(khans.id, example)
        sam = core.acting_for(people.user("sam"))
        self.question = sam.questions(course=self.seed)[0].id
        self.attempt = sam.practise(
            self.question, "He denounced Stalin.", started=NOW, seconds=600
        ).attempt_id
        self.card = sam.cards(self.seed)[0].id
        sam.make_token("Sam's script")
        reed = core.acting_for(people.user("ms.reed"))
        upload = reed.upload_notes(seed_path.name, seed_path.read_bytes())
        rows = f"student,question,answer\nsam,{self.question},He denounced Stalin.\n"
        job = reed.start_csv_job(rows.encode(), "11B.csv")
        self.values = {
            "slug": self.seed,
            "question_id": self.question,
            "attempt_id": self.attempt,
            "card_id": self.card,
            "token_id": sam.tokens()[0].id,
            "class_id": reeds.id,
            "login": "sam",
            "token": upload.token,
            "job_id": job.id,
        }

    def path(self, template: str) -> str:
        def value(match: re.Match[str]) -> str:
            name = match.group(1)
            assert name in self.values, f"a route has {{{name}}}: give the School one"
            return str(self.values[name])

        return re.sub(r"\{(\w+)\}", value, template)

    def body(self, method: str, path: str) -> dict[str, Any]:
        """A body the route would take from someone allowed: JSON for the API, a form for
        a page."""
        if method != "POST":
            return {}
        fields: dict[str, Any] = {
            "answer": "The Virgin Lands scheme.",
            "rating": 3,
            "typed": "",
            "name": "x",
            "course": self.seed,
            "exam_date": "",
        }
        if path.startswith("/api/"):
            return {"json": fields}
        return {"data": {**fields, "rating": "3"}}


#: Routes the OpenAPI description leaves out: itself, and the page that shows it.
UNDESCRIBED = [("GET", "/api/openapi.json"), ("GET", "/api/docs")]


#: Asked last: after it, Sam is not in the class.
LAST = ("POST", "/classes/{class_id}/students/{login}/remove")


def routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every (method, path) the app serves, from its OpenAPI description: the reads first,
    then the writes, and last the one that takes Sam out of the class."""
    described = [
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        for method in operations
        if path not in OWN_TESTS
    ]
    return sorted(described + UNDESCRIBED, key=lambda r: (r == LAST, r[0] != "GET"))


def test_every_route_is_in_the_matrix(web_app: FastAPI) -> None:
    missing = [route for route in routes(web_app) if route not in EXPECTED]
    assert missing == [], f"say who may use these routes in EXPECTED: {missing}"
    gone = [route for route in EXPECTED if route not in routes(web_app)]
    assert gone == [], f"these routes are no more: {gone}"


@pytest.mark.parametrize("role", ROLES)
async def test_every_route_for_every_role(
    client: httpx.AsyncClient, web_app: FastAPI, seed_path: Path, role: str
) -> None:
    school = School(web_app, seed_path)
    await client.get("/sign-in")  # a CSRF cookie, so that no refusal is about the token
    if role != "stranger":
        signed = await send_form(
            client, "/sign-in", "/sign-in", {"login": role, "password": PASSWORD}
        )
        assert signed.status_code == 303
    token = client.cookies["csrftoken"]
    column = ROLES.index(role)
    wrong = []
    for method, path in routes(web_app):
        if (method, path) not in EXPECTED:
            continue  # test_every_route_is_in_the_matrix names it
        answer = await client.request(
            method,
            school.path(path),
            headers={"x-csrftoken": token},
            **school.body(method, path),
        )
        expected = EXPECTED[(method, path)][column]
        if answer.status_code != expected:
            wrong.append((method, path, expected, answer.status_code))
    assert wrong == [], f"{role}: (method, path, expected, got): {wrong}"
