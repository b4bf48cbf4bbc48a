"""The teachers' class pages in-process, for every role: a teacher sees and changes their own
classes only (another teacher's is 404, a change to it 403 or 404), an admin every class, a
student none (403), a stranger is sent to sign in; every change needs the form's CSRF token.
On a real SQLite file with the built-in example course."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import date

import httpx
import pytest
from fastapi import FastAPI

from pastpaper.app import Pastpaper
from web.conftest import NOW, PASSWORD, send_form, sign_in

pytestmark = pytest.mark.anyio

EXAM = date(2027, 6, 14)


class Classes:
    """Ms Reed teaches 11B (Sam and Ada in it, the example course); Mr Cole teaches 12A
    (nobody in it); Jo is an admin."""

    def __init__(self, app: FastAPI) -> None:
        core: Pastpaper = app.state.core
        people = core.store.people
        for login, name, role in (
            ("ms.reed", "Ms Reed", "teacher"),
            ("mr.cole", "Mr Cole", "teacher"),
            ("jo", "Jo Admin", "admin"),
            ("sam", "Sam Okafor", "student"),
            ("ada", "Ada Byrne", "student"),
        ):
            people.add_user(login, name, role, password=PASSWORD, now=NOW)
        self.example = core.import_examples()[0].saved
        self.b = people.add_class("ms.reed", "11B", now=NOW)
        self.a = people.add_class("mr.cole", "12A", now=NOW)
        for login in ("sam", "ada"):
            people.enrol(login, self.b.id, now=NOW)
        people.assign_course(self.b.id, self.example.slug)
        self.core = core

    def school_class(self, class_id: int) -> object:
        return self.core.store.people.school_class(class_id)


@pytest.fixture
async def world(web_app: FastAPI) -> AsyncIterator[Classes]:
    yield Classes(web_app)


async def test_a_teacher_sees_their_own_classes_and_makes_one(
    client: httpx.AsyncClient, world: Classes
) -> None:
    await sign_in(client, "ms.reed")
    shown = await client.get("/classes")
    assert shown.status_code == 200
    assert "11B" in shown.text and world.b.join_code in shown.text
    assert "12A" not in shown.text and world.a.join_code not in shown.text
    row = re.search(r"<tr>\s*<td><a href=\"/classes/\d+\">11B</a></td>(.*?)</tr>", shown.text, re.S)
    assert row and "<td>2</td>" in row.group(1) and world.example.slug in row.group(1)

    made = await send_form(client, "/classes", "/classes", {"name": "13C history"})
    assert made.status_code == 303
    [new] = [c for c in world.core.store.people.classes("ms.reed") if c.name == "13C history"]
    assert made.headers["location"] == f"/classes/{new.id}"
    page = await client.get(made.headers["location"])
    assert page.status_code == 200 and new.join_code in page.text
    assert "13C history is made" in page.text

    unnamed = await send_form(client, "/classes", "/classes", {"name": "  "})
    assert unnamed.status_code == 400 and "a class needs a name" in unnamed.text


async def test_a_class_page_shows_the_code_an_invite_link_and_the_roster(
    client: httpx.AsyncClient, world: Classes
) -> None:
    await sign_in(client, "ms.reed")
    page = await client.get(f"/classes/{world.b.id}")
    assert page.status_code == 200
    assert world.b.join_code in page.text
    assert f'value="http://testserver/sign-up?code={world.b.join_code}"' in page.text
    for name, login in (("Sam Okafor", "sam"), ("Ada Byrne", "ada")):
        assert f"<td>{name}</td>" in page.text and f"<td>{login}</td>" in page.text
        assert f'aria-label="Remove {name}"' in page.text
    # The invite link opens the sign-up page with the code in it.
    client.cookies.clear()
    invited = await client.get(f"/sign-up?code={world.b.join_code}")
    assert invited.status_code == 200 and f'value="{world.b.join_code}"' in invited.text


async def test_a_teacher_removes_a_student_who_keeps_what_they_did(
    client: httpx.AsyncClient, world: Classes
) -> None:
    sam = world.core.store.people.user("sam")
    as_sam = world.core.acting_for(sam)
    question = as_sam.questions(course=world.example.slug)[0].id
    as_sam.save_draft(question, "Sam's answer, half written")
    await sign_in(client, "ms.reed")
    page = f"/classes/{world.b.id}"
    removed = await send_form(client, page, f"{page}/students/sam/remove", {})
    assert removed.status_code == 303 and removed.headers["location"] == page
    after = await client.get(page)
    assert "sam is out of 11B" in after.text
    assert "<td>Sam Okafor</td>" not in after.text and "<td>Ada Byrne</td>" in after.text
    assert world.core.store.people.school_class(world.b.id).students == ("ada",)
    kept = world.core.store.drafts.get(sam.id, question)
    assert kept is not None and kept.answer == "Sam's answer, half written"
    again = await send_form(client, page, f"{page}/students/sam/remove", {})
    assert again.status_code == 404 and "sam is not in 11B" in again.text


async def test_a_teacher_assigns_a_course(client: httpx.AsyncClient, world: Classes) -> None:
    await sign_in(client, "mr.cole")
    page = f"/classes/{world.a.id}"
    shown = await client.get(page)
    assert f'<option value="{world.example.slug}">' in shown.text
    assigned = await send_form(client, page, f"{page}/courses", {"course": world.example.slug})
    assert assigned.status_code == 303
    assert world.core.store.people.school_class(world.a.id).courses == (world.example.slug,)
    after = await client.get(page)
    assert f'href="/courses/{world.example.slug}"' in after.text
    assert f'<option value="{world.example.slug}">' not in after.text
    unknown = await send_form(client, page, f"{page}/courses", {"course": "no-such-course"})
    assert unknown.status_code == 404


async def test_the_exam_date_is_set_and_cleared_and_the_student_counts_down(
    client: httpx.AsyncClient, world: Classes
) -> None:
    await sign_in(client, "ms.reed")
    page = f"/classes/{world.b.id}"
    dated = await send_form(client, page, f"{page}/exam-date", {"exam_date": EXAM.isoformat()})
    assert dated.status_code == 303
    assert world.core.store.people.school_class(world.b.id).exam_date == EXAM
    shown = await client.get(page)
    assert "The exam is on 14 June 2027" in shown.text and 'value="2027-06-14"' in shown.text
    days = (EXAM - NOW.date()).days

    client.cookies.clear()
    await sign_in(client, "sam")
    home = await client.get("/")
    assert f'<span class="big">{days}</span> days to go' in home.text

    client.cookies.clear()
    await sign_in(client, "ms.reed")
    bad = await send_form(client, page, f"{page}/exam-date", {"exam_date": "next June"})
    assert bad.status_code == 400 and "next June is not a date" in bad.text
    assert world.core.store.people.school_class(world.b.id).exam_date == EXAM
    cleared = await send_form(client, page, f"{page}/exam-date", {"exam_date": ""})
    assert cleared.status_code == 303
    assert world.core.store.people.school_class(world.b.id).exam_date is None

    client.cookies.clear()
    await sign_in(client, "sam")
    assert "No exam date is set." in (await client.get("/")).text


async def test_another_teachers_class_is_not_there_and_cannot_be_changed(
    client: httpx.AsyncClient, world: Classes
) -> None:
    await sign_in(client, "mr.cole")
    page = f"/classes/{world.b.id}"
    shown = await client.get(page)
    assert shown.status_code == 404 and world.b.join_code not in shown.text
    token = client.cookies["csrftoken"]
    before = world.school_class(world.b.id)
    for action, data in (
        (f"{page}/students/sam/remove", {}),
        (f"{page}/courses", {"course": world.example.slug}),
        (f"{page}/exam-date", {"exam_date": EXAM.isoformat()}),
    ):
        refused = await client.post(action, data={"csrftoken": token, **data})
        assert refused.status_code in (403, 404), action
        assert "Sam Okafor" not in refused.text and world.b.join_code not in refused.text
    assert world.school_class(world.b.id) == before


async def test_an_admin_sees_and_changes_every_class(
    client: httpx.AsyncClient, world: Classes
) -> None:
    await sign_in(client, "jo")
    listed = await client.get("/classes")
    assert world.a.join_code in listed.text and world.b.join_code in listed.text
    assert "<td>mr.cole</td>" in listed.text
    page = f"/classes/{world.a.id}"
    assert (await client.get(page)).status_code == 200
    dated = await send_form(client, page, f"{page}/exam-date", {"exam_date": "2027-05-20"})
    assert dated.status_code == 303
    assert world.core.store.people.school_class(world.a.id).exam_date == date(2027, 5, 20)


async def test_a_student_gets_403_on_every_class_page(
    client: httpx.AsyncClient, world: Classes
) -> None:
    await sign_in(client, "sam")
    token = client.cookies["csrftoken"]
    before = world.school_class(world.b.id)
    page = f"/classes/{world.b.id}"  # Sam's own class
    for method, path, data in (
        ("GET", "/classes", {}),
        ("POST", "/classes", {"name": "Sam's own class"}),
        ("GET", page, {}),
        ("POST", f"{page}/students/ada/remove", {}),
        ("POST", f"{page}/courses", {"course": world.example.slug}),
        ("POST", f"{page}/exam-date", {"exam_date": "2027-01-01"}),
    ):
        form = {"csrftoken": token, **data} if method == "POST" else None
        answer = await client.request(method, path, data=form)
        assert answer.status_code == 403, (method, path, answer.status_code)
        assert world.b.join_code not in answer.text
    assert world.school_class(world.b.id) == before
    assert [c.name for c in world.core.store.people.classes()] == ["11B", "12A"]


async def test_a_stranger_is_sent_to_sign_in(client: httpx.AsyncClient, world: Classes) -> None:
    for path in ("/classes", f"/classes/{world.b.id}"):
        answer = await client.get(path)
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/sign-in?next={path}"


async def test_a_change_without_the_forms_csrf_token_is_refused(
    client: httpx.AsyncClient, world: Classes
) -> None:
    await sign_in(client, "ms.reed")
    before = world.school_class(world.b.id)
    page = f"/classes/{world.b.id}"
    for action, data in (
        ("/classes", {"name": "Forged class"}),
        (f"{page}/students/sam/remove", {}),
        (f"{page}/exam-date", {"exam_date": "2027-01-01"}),
        (f"{page}/courses", {"course": world.example.slug}),
    ):
        forged = await client.post(action, data=data)
        assert forged.status_code == 403, action
    assert world.school_class(world.b.id) == before
    assert "Forged class" not in [c.name for c in world.core.store.people.classes()]
