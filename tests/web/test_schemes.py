"""The scheme editor in-process, for every role: the course's owner (and an admin) changes a
question's scheme through a dry run and Apply; a teacher who sees the course but does not
own it reads it; a teacher who does not see it gets 404, a student 403, a stranger the
sign-in page; the edit carried by the dry run's form is checked again when it comes back.
On a real SQLite file, marked by the real marker."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator
from html.parser import HTMLParser

import httpx
import pytest
from fastapi import FastAPI

from pastpaper.app import Pastpaper
from pastpaper.course import SchemeEdit
from pastpaper.ingest import read_notes
from web.conftest import NOW, PASSWORD, send_form, sign_in

pytestmark = pytest.mark.anyio


class Editing:
    """Ms Reed owns a copy of the seed course and teaches 11B (Sam, who answered its 1962
    "Describe ..." question with the wording of its first point); the built-in examples are
    the installation's; Mr Cole teaches nobody; Jo is an admin."""

    def __init__(self, app: FastAPI, seed_path: object) -> None:
        core: Pastpaper = app.state.core
        people = core.store.people
        users = {
            login: people.add_user(login, name, role, password=PASSWORD, now=NOW)
            for login, name, role in (
                ("ms.reed", "Ms Reed", "teacher"),
                ("mr.cole", "Mr Cole", "teacher"),
                ("jo", "Jo Admin", "admin"),
                ("sam", "Sam Okafor", "student"),
            )
        }
        course = read_notes(seed_path).course  # type: ignore[arg-type]
        saved = core.store.save_course(
            course, source="upload:ms.reed", owner_id=users["ms.reed"].id, now=NOW
        )
        self.shared = core.import_examples()[0].saved.slug
        school_class = people.add_class("ms.reed", "11B", now=NOW)
        people.assign_course(school_class.id, saved.slug)
        people.enrol("sam", school_class.id, now=NOW)
        self.question = next(
            q for q in core.store.questions(saved.slug) if q.marks and q.command_word == "describe"
        ).id
        self.other = core.store.questions(self.shared)[0].id  # the installation's
        scheme = core.scheme(self.question).scheme
        self.top = scheme.creditable[0]
        self.second = scheme.creditable[1]
        sams = core.acting_for(users["sam"]).submit_answer(self.question, self.top.point.text)
        self.sams_mark = sams.marking.mark if sams.marking else None
        self.core = core

    def versions(self) -> list[tuple[int, SchemeEdit | None, str]]:
        return [
            (v.version, v.edit, v.reason)
            for v in self.core.store.teaching.scheme_versions(self.question)
        ]

    def sams_answer(self) -> int | None:
        [answer] = self.core.store.answers.for_question(self.question)
        return answer.mark


@pytest.fixture
async def world(web_app: FastAPI, seed_path: object) -> AsyncIterator[Editing]:
    yield Editing(web_app, seed_path)


class _Forms(HTMLParser):
    """The fields of every form on a page, by the form's action (the last form wins)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, str]]] = []
        self._text: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append((found.get("action", ""), {}))
        elif tag == "input" and self.forms and "name" in found:
            self.forms[-1][1][found["name"]] = found.get("value", "")
        elif tag == "textarea" and self.forms:
            self._text = found.get("name", "")
            self.forms[-1][1][self._text] = ""

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self.forms[-1][1][self._text] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._text = None


def form_of(page: str, action: str) -> dict[str, str]:
    """The fields the page's form for ``action`` sends, as a browser would."""
    parser = _Forms()
    parser.feed(page)
    found = [fields for where, fields in parser.forms if where == action]
    assert found, f"no form for {action}"
    return found[0]


async def dry_run(client: httpx.AsyncClient, question: int, **change: str) -> httpx.Response:
    return await send_form(
        client, f"/questions/{question}/scheme", f"/questions/{question}/scheme/dry-run", change
    )


async def test_the_owner_sees_the_points_in_rank_order_with_their_notes(
    client: httpx.AsyncClient, world: Editing
) -> None:
    await sign_in(client, "ms.reed")
    page = await client.get(f"/questions/{world.question}/scheme")
    assert page.status_code == 200
    text = html.unescape(page.text)
    first, second = text.index(world.top.point.text), text.index(world.second.point.text)
    assert first < second
    assert f"From the notes: “{world.top.point.source.sentence}”" in text
    assert f"relevance {world.top.relevance:.2f}" in text
    assert "No edits yet" in text and "Add a point of your own" in text
    assert f'name="point" value="{world.top.point.id}"' in page.text
    assert page.text.count('value="drop"') == len(world.core.scheme(world.question).scheme.points)
    # The question's page links to it for a teacher, not for a student.
    assert (
        f'href="/questions/{world.question}/scheme"'
        in (await client.get(f"/questions/{world.question}")).text
    )


async def test_a_drop_is_a_dry_run_first_then_applied_with_a_reason(
    client: httpx.AsyncClient, world: Editing
) -> None:
    await sign_in(client, "ms.reed")
    before = world.sams_answer()
    assert before and before == world.sams_mark
    dry = await dry_run(client, world.question, action="drop", point=world.top.point.id)
    assert dry.status_code == 200
    text = html.unescape(dry.text)
    assert f"Drop the point “{world.top.point.text}”." in text
    row = re.search(r"<tr>\s*<td>Sam Okafor.*?</tr>", text, re.S)
    assert row, text
    cells = re.findall(r'<td class="number">([^<]*)</td>', row.group(0))
    new = world.core.remark_preview(world.question, SchemeEdit(drop=(world.top.point.id,)))
    [change] = new.changes
    assert cells == [str(before), f"{change.new_mark} / {change.max_marks}"]
    assert world.top.point.text in row.group(0)  # the point lost
    assert world.versions() == [] and world.sams_answer() == before  # nothing written

    fields = form_of(dry.text, f"/questions/{world.question}/scheme/apply")
    assert SchemeEdit.model_validate_json(fields["edit"]) == SchemeEdit(drop=(world.top.point.id,))
    no_reason = await client.post(
        f"/questions/{world.question}/scheme/apply", data={**fields, "reason": "  "}
    )
    assert no_reason.status_code == 400 and "say why the scheme changes" in no_reason.text
    assert world.versions() == []

    applied = await client.post(
        f"/questions/{world.question}/scheme/apply", data={**fields, "reason": "too general"}
    )
    assert applied.status_code == 200
    assert "Version 1 of the scheme is in force" in applied.text and "Sam Okafor" in applied.text
    assert world.versions() == [
        (0, None, "as imported"),
        (1, SchemeEdit(drop=(world.top.point.id,)), "too general"),
    ]
    assert world.sams_answer() == change.new_mark
    editor = html.unescape((await client.get(f"/questions/{world.question}/scheme")).text)
    assert re.search(r"<td>ms\.reed</td>\s*<td>too general</td>", editor)
    left = editor[editor.index("Points left out") :]
    assert world.top.point.text in left and "dropped by the teacher" in left
    assert "Put back" in left

    # The same dry run's form sent again is refused: the scheme moved on since.
    again = await client.post(
        f"/questions/{world.question}/scheme/apply", data={**fields, "reason": "again"}
    )
    assert again.status_code == 400 and "changed since this dry run" in again.text
    assert len(world.versions()) == 2


async def test_each_change_of_the_editor_reaches_the_scheme(
    client: httpx.AsyncClient, world: Editing
) -> None:
    await sign_in(client, "ms.reed")
    pid = world.second.point.id
    changes = [
        ({"action": "require", "point": pid}, SchemeEdit(required=(pid,))),
        (
            {"action": "accept", "point": pid, "text": "new lands were farmed"},
            SchemeEdit(required=(pid,), accept={pid: ("new lands were farmed",)}),
        ),
        (
            {"action": "reject", "point": pid, "text": "farming"},
            SchemeEdit(
                required=(pid,),
                accept={pid: ("new lands were farmed",)},
                reject={pid: ("farming",)},
            ),
        ),
        ({"action": "marks", "marks": "9"}, None),
        ({"action": "add", "text": "Maize was planted", "kind": "feature", "accept": "corn"}, None),
    ]
    for number, (change, expected) in enumerate(changes, start=1):
        dry = await dry_run(client, world.question, **change)
        assert dry.status_code == 200, dry.text
        fields = form_of(dry.text, f"/questions/{world.question}/scheme/apply")
        applied = await client.post(
            f"/questions/{world.question}/scheme/apply", data={**fields, "reason": f"step {number}"}
        )
        assert applied.status_code == 200, applied.text
        if expected is not None:
            assert world.versions()[-1][1] == expected
    scheme = world.core.scheme(world.question).scheme
    assert scheme.max_marks == 9
    own = next(p for p in scheme.points if p.origin == "teacher")
    assert (own.point.text, own.point.kind, own.accept) == (
        "Maize was planted",
        "feature",
        ("corn",),
    )
    editor = html.unescape((await client.get(f"/questions/{world.question}/scheme")).text)
    assert "Maize was planted" in editor and "a teacher's own point" in editor
    assert "No longer required" in editor and "new lands were farmed" in editor


async def test_going_back_to_an_earlier_version_is_a_new_one(
    client: httpx.AsyncClient, world: Editing
) -> None:
    await sign_in(client, "ms.reed")
    dry = await dry_run(client, world.question, action="marks", marks="2")
    fields = form_of(dry.text, f"/questions/{world.question}/scheme/apply")
    await client.post(f"/questions/{world.question}/scheme/apply", data={**fields, "reason": "2"})
    editor = (await client.get(f"/questions/{world.question}/scheme")).text
    assert "Go back to version 0" in editor and "Go back to version 1" not in editor
    back = await dry_run(client, world.question, action="version", version="0")
    assert back.status_code == 200 and "Go back to version 0." in back.text
    fields = form_of(back.text, f"/questions/{world.question}/scheme/apply")
    assert fields["edit"] == "null"
    applied = await client.post(
        f"/questions/{world.question}/scheme/apply", data={**fields, "reason": "as it was"}
    )
    assert applied.status_code == 200
    assert world.versions()[-1] == (2, None, "as it was")
    assert world.sams_answer() == world.sams_mark


async def test_a_wrong_change_says_what_is_wrong_and_keeps_what_was_typed(
    client: httpx.AsyncClient, world: Editing
) -> None:
    await sign_in(client, "ms.reed")
    marks = await dry_run(client, world.question, action="marks", marks="101")
    assert marks.status_code == 400
    assert "marks: give a whole number from 1 to 100, not &#39;101&#39;" in marks.text
    assert 'value="101"' in marks.text
    unknown = await dry_run(client, world.question, action="drop", point="p000000")
    assert unknown.status_code == 400 and "has no point &#39;p000000&#39;" in unknown.text
    empty = await dry_run(client, world.question, action="reject", point=world.top.point.id)
    assert empty.status_code == 400 and "write the phrasing to reject" in empty.text
    adding = await dry_run(client, world.question, action="add", text="Maize", kind="opinion")
    assert adding.status_code == 400 and "the kind must be one of" in adding.text
    assert ">Maize</textarea>" in adding.text
    assert world.versions() == []


async def test_an_edit_sent_back_from_the_dry_run_is_checked_again(
    client: httpx.AsyncClient, world: Editing
) -> None:
    await sign_in(client, "ms.reed")
    dry = await dry_run(client, world.question, action="drop", point=world.top.point.id)
    fields = form_of(dry.text, f"/questions/{world.question}/scheme/apply")
    url = f"/questions/{world.question}/scheme/apply"
    for edit, said in (
        ('{"drop": ["p000000"]}', "names points this question does not have: p000000"),
        ('{"marks": 0}', "the pending scheme edit is not one"),
        ("not json", "the pending scheme edit is not one"),
    ):
        sent = await client.post(url, data={**fields, "edit": edit, "reason": "x"})
        assert sent.status_code == 400 and said in sent.text, (edit, sent.text)
        assert 'name="reason"' in sent.text and ">x</textarea>" in sent.text  # the reason kept
    assert world.versions() == [] and world.sams_answer() == world.sams_mark
    damaged = await client.post(url, data={**fields, "based_on": "one", "reason": "x"})
    assert damaged.status_code == 400 and world.versions() == []


async def test_who_reaches_the_editor(client: httpx.AsyncClient, world: Editing) -> None:
    mine, theirs = world.question, world.other
    await client.get("/sign-in")
    token = client.cookies["csrftoken"]
    stranger = await client.get(f"/questions/{mine}/scheme")
    assert stranger.status_code == 303 and stranger.headers["location"].startswith("/sign-in")
    sent = await client.post(
        f"/questions/{mine}/scheme/dry-run",
        data={"csrftoken": token, "action": "marks", "marks": "3"},
    )
    assert sent.status_code == 303

    await sign_in(client, "sam")
    token = client.cookies["csrftoken"]
    assert (await client.get(f"/questions/{mine}/scheme")).status_code == 403
    for action in ("dry-run", "apply"):
        sent = await client.post(
            f"/questions/{mine}/scheme/{action}",
            data={
                "csrftoken": token,
                "action": "marks",
                "marks": "3",
                "edit": "null",
                "reason": "x",
            },
        )
        assert sent.status_code == 403
    assert (
        'href="/questions/' + str(mine) + '/scheme"'
        not in (await client.get(f"/questions/{mine}")).text
    )

    client.cookies.clear()
    await sign_in(client, "mr.cole")  # sees the installation's course, not Ms Reed's
    assert (await client.get(f"/questions/{mine}/scheme")).status_code == 404
    assert (await dry_run(client, theirs, action="marks", marks="3")).status_code == 403
    read_only = await client.get(f"/questions/{theirs}/scheme")
    assert read_only.status_code == 200
    assert "only the course's owner or an admin can change it" in read_only.text
    assert "/scheme/dry-run" not in read_only.text

    client.cookies.clear()
    await sign_in(client, "jo")
    for question in (mine, theirs):
        page = await client.get(f"/questions/{question}/scheme")
        assert page.status_code == 200 and "/scheme/dry-run" in page.text
    assert (await dry_run(client, theirs, action="marks", marks="3")).status_code == 200
    assert world.versions() == []


async def test_a_change_without_the_forms_token_is_refused(
    client: httpx.AsyncClient, world: Editing
) -> None:
    await sign_in(client, "ms.reed")
    sent = await client.post(
        f"/questions/{world.question}/scheme/apply",
        data={"edit": "null", "based_on": "", "reason": "no token"},
    )
    assert sent.status_code == 403 and world.versions() == []


async def test_the_api_edits_a_scheme_by_dry_run_and_apply(
    client: httpx.AsyncClient, world: Editing
) -> None:
    await sign_in(client, "ms.reed")
    headers = {"x-csrftoken": client.cookies["csrftoken"]}
    base = f"/api/questions/{world.question}/scheme"
    shown = (await client.get(base)).json()
    assert shown["changeable"] is True and shown["based_on"] is None
    assert shown["scheme"]["points"][0]["point"]["id"] == world.top.point.id
    change = {"action": "drop", "point": world.top.point.id}
    dry = await client.post(f"{base}/dry-run", json=change, headers=headers)
    assert dry.status_code == 200, dry.text
    body = dry.json()
    [moved] = body["remarking"]["changes"]
    assert moved["login"] == "sam" and moved["old_mark"] == world.sams_mark
    assert body["edit"] == {"drop": [world.top.point.id]} | {
        k: v for k, v in body["edit"].items() if k != "drop"
    }
    missing = await client.post(
        f"{base}/apply",
        json={"edit": body["edit"], "based_on": body["based_on"], "reason": ""},
        headers=headers,
    )
    assert missing.status_code == 400 and "say why" in missing.json()["error"]
    applied = await client.post(
        f"{base}/apply",
        json={"edit": body["edit"], "based_on": body["based_on"], "reason": "too general"},
        headers=headers,
    )
    assert applied.status_code == 200 and applied.json()["version"] == 1
    assert world.sams_answer() == moved["new_mark"]
    wrong = await client.post(f"{base}/dry-run", json={"action": "explode"}, headers=headers)
    assert wrong.status_code == 422

    client.cookies.clear()
    await sign_in(client, "sam")
    headers = {"x-csrftoken": client.cookies["csrftoken"]}
    assert (await client.get(base)).status_code == 403
    assert (await client.post(f"{base}/dry-run", json=change, headers=headers)).status_code == 403
    client.cookies.clear()
    assert (await client.get(base)).status_code == 401


async def test_the_dry_run_notes_a_moderated_mark_and_says_when_nothing_changes(
    client: httpx.AsyncClient, world: Editing
) -> None:
    answers = world.core.store.answers
    [sams] = answers.for_question(world.question)
    reed = world.core.store.people.user("ms.reed")
    answers.moderate([sams.attempt_id], mark=5, reason="fair", moderator_id=reed.id, now=NOW)
    await sign_in(client, "ms.reed")
    dry = await dry_run(client, world.question, action="drop", point=world.top.point.id)
    row = re.search(r"<tr>\s*<td>Sam Okafor.*?</tr>", dry.text, re.S)
    assert row and "A teacher's mark of 5 stands" in row.group(0)
    # Putting back a point that was never dropped changes nobody's mark.
    same = await dry_run(client, world.question, action="restore", point=world.top.point.id)
    assert same.status_code == 200
    assert "No answer changes: none of the 1 answers to this question would get" in same.text
    client.cookies.clear()
    await sign_in(client, "jo")
    nobody = await dry_run(client, world.other, action="marks", marks="3")
    assert "No answer changes: nobody has answered this question yet." in nobody.text


async def test_what_a_teacher_writes_is_shown_as_text(
    client: httpx.AsyncClient, world: Editing
) -> None:
    await sign_in(client, "ms.reed")
    written = '<script>alert("x")</script> & "quotes"'
    dry = await dry_run(client, world.question, action="add", text=written, accept=written)
    assert dry.status_code == 200 and "<script>alert" not in dry.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;quotes&#34;" in dry.text
    fields = form_of(dry.text, f"/questions/{world.question}/scheme/apply")
    assert fields["text"] == written  # carried whole to Apply
    applied = await client.post(
        f"/questions/{world.question}/scheme/apply", data={**fields, "reason": written}
    )
    assert applied.status_code == 200
    editor = await client.get(f"/questions/{world.question}/scheme")
    assert "<script>alert" not in editor.text
    assert html.unescape(editor.text).count(written) >= 3  # the point, its phrasing, the reason
