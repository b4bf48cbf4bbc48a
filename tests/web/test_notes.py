"""Notes in, in-process, for every role: a teacher uploads notes, reads the preview, saves
it or discards it, re-imports over a course of their own after seeing what changes, and
downloads a course file; bad files get a message on the page (4xx, never 500); a student
gets 403 from every page and call, a stranger is sent to sign in; a teacher cannot re-import
over another teacher's course. The same through the JSON API. A real SQLite file."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from html import unescape
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from pastpaper.app import Pastpaper
from pastpaper.ingest import load_course
from web.conftest import NOW, PASSWORD, sign_in

pytestmark = pytest.mark.anyio

SEED_NAME = "khrushchev-modernisation.txt"


class Staff:
    """Ms Reed and Mr Cole teach, Jo is an admin, Sam a student; the built-in example is the
    installation's course."""

    def __init__(self, app: FastAPI, seed_path: Path) -> None:
        core: Pastpaper = app.state.core
        people = core.store.people
        for login, name, role in (
            ("ms.reed", "Ms Reed", "teacher"),
            ("mr.cole", "Mr Cole", "teacher"),
            ("jo", "Jo Admin", "admin"),
            ("sam", "Sam Okafor", "student"),
        ):
            people.add_user(login, name, role, password=PASSWORD, now=NOW)
        self.example = core.import_examples()[0].saved.slug
        self.seed = seed_path.read_bytes()
        self.core = core


@pytest.fixture
async def staff(web_app: FastAPI, seed_path: Path) -> AsyncIterator[Staff]:
    yield Staff(web_app, seed_path)


def token_of(page: httpx.Response) -> str:
    found = re.search(r'name="csrftoken" value="([^"]+)"', page.text)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


async def upload(
    client: httpx.AsyncClient, name: str, data: bytes, course: str = ""
) -> httpx.Response:
    """Send the upload form of /notes as a browser does (the CSRF token its first field)."""
    page = await client.get("/notes")
    assert page.status_code == 200, page.text
    return await client.post(
        "/notes",
        data={"csrftoken": token_of(page), "course": course},
        files={"file": (name, data, "application/octet-stream")},
    )


async def press(client: httpx.AsyncClient, page: str, action: str) -> httpx.Response:
    shown = await client.get(page)
    return await client.post(action, data={"csrftoken": token_of(shown)})


def text_of(page: httpx.Response) -> str:
    """The words of a page, as a reader sees them (no space before a comma or a stop)."""
    words = " ".join(unescape(re.sub(r"<[^>]+>", " ", page.text)).split())
    return re.sub(r" ([,.])", r"\1", words)


async def test_a_teacher_uploads_the_seed_reads_the_preview_and_saves_it(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    await sign_in(client, "ms.reed")
    sent = await upload(client, SEED_NAME, staff.seed)
    assert sent.status_code == 303
    preview_url = sent.headers["location"]
    assert re.fullmatch(r"/notes/uploads/[A-Za-z0-9_-]{32}", preview_url)
    preview = await client.get(preview_url)
    shown = text_of(preview)
    assert "Nothing is saved yet" in shown
    assert "1 topic" in shown and "7 questions" in shown
    rows = re.findall(
        r"<tr>\s*<td>(\d{4}|no year)</td>\s*<td>.*?</td>\s*<td>(\w[\w ]*)</td>", preview.text
    )
    assert rows == [
        ("1998", "not given"),
        ("1999", "10"),
        ("2000", "6"),
        ("2000", "5"),
        ("2001", "10"),
        ("2000", "6"),
        ("2001", "15"),
    ]
    assert "in what ways" in shown and "notes paragraphs" in shown
    assert staff.core.store.courses()[-1].slug == staff.example  # nothing saved yet

    saved = await press(client, preview_url, preview_url + "/confirm")
    assert (saved.status_code, saved.headers["location"]) == (303, "/notes")
    listed = await client.get("/notes")
    assert "is a new course" in listed.text
    assert "Khrushchev&#39;s attempts at modernisation." in listed.text
    reeds = staff.core.store.courses()[-1]
    assert reeds.questions == 7 and reeds.owner_id == staff.core.store.people.user("ms.reed").id
    assert (await client.get(preview_url)).status_code == 404  # saved: no longer waiting


async def test_a_re_import_shows_the_changes_before_they_are_applied(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    await sign_in(client, "ms.reed")
    first = await upload(client, SEED_NAME, staff.seed)
    await press(client, first.headers["location"], first.headers["location"] + "/confirm")
    slug = staff.core.store.courses()[-1].slug
    newer = staff.seed.replace(
        b"2000: Why did Khrushchev introduce a policy of de-Stalinisation? (5)",
        b"2002: Explain why the Virgin Lands scheme failed. (8)",
    )
    assert newer != staff.seed
    sent = await upload(client, "newer.txt", newer, slug)
    assert sent.status_code == 303
    shown = text_of(await client.get(sent.headers["location"]))
    assert "Saving it updates the course" in shown
    assert "Questions: 1 new, 6 kept, 1 removed" in shown, shown
    assert "Explain why the Virgin Lands scheme failed." in shown
    assert staff.core.store.summary(slug).questions == 7
    assert "Virgin Lands scheme failed" not in str(staff.core.store.course(slug))
    applied = await press(client, sent.headers["location"], sent.headers["location"] + "/confirm")
    assert applied.status_code == 303
    assert "is updated (1 new, 6 kept, 1 removed)" in (await client.get("/notes")).text
    assert "Virgin Lands scheme failed" in str(staff.core.store.course(slug))


async def test_a_teacher_discards_an_upload_and_nothing_is_saved(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    await sign_in(client, "ms.reed")
    sent = await upload(client, SEED_NAME, staff.seed)
    url = sent.headers["location"]
    gone = await press(client, url, url + "/discard")
    assert gone.status_code == 303
    assert f"{SEED_NAME} was discarded" in (await client.get("/notes")).text
    assert [c.slug for c in staff.core.store.courses()] == [staff.example]
    assert (await client.get(url)).status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("huge.txt", b"1999: Why? (5)\n\nBecause.\n" * 2_000_000, "over the 20.0 MB limit"),
        ("junk.txt", bytes(range(256)) * 40, "not a text file (it holds binary data)"),
        ("empty.txt", b"", "the file is empty"),
        ("prose.txt", b"Stalin died in 1953.\n", "no past-paper questions were found"),
    ],
)
async def test_a_bad_file_gets_a_message_on_the_page(
    client: httpx.AsyncClient, staff: Staff, name: str, data: bytes, said: str
) -> None:
    await sign_in(client, "ms.reed")
    refused = await upload(client, name, data)
    assert refused.status_code == 400
    assert f'role="alert">{name}: ' in refused.text
    assert said in unescape(refused.text)
    assert '<form class="stack" method="post" action="/notes"' in refused.text  # try again
    assert [c.slug for c in staff.core.store.courses()] == [staff.example]


async def test_a_form_without_a_file_says_so(client: httpx.AsyncClient, staff: Staff) -> None:
    await sign_in(client, "ms.reed")
    page = await client.get("/notes")
    refused = await client.post(
        "/notes", data={"csrftoken": token_of(page)}, files={"nothing": ("", b"")}
    )
    assert refused.status_code == 400
    assert "choose a file to upload" in refused.text


async def test_a_teacher_cannot_re_import_over_another_teachers_course(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    await sign_in(client, "ms.reed")
    first = await upload(client, SEED_NAME, staff.seed)
    await press(client, first.headers["location"], first.headers["location"] + "/confirm")
    reeds = staff.core.store.courses()[-1].slug
    await sign_in(client, "mr.cole")
    page = await client.get("/notes")
    assert f'value="{reeds}"' not in page.text and f'value="{staff.example}"' not in page.text
    not_seen = await upload(client, SEED_NAME, staff.seed, reeds)
    assert not_seen.status_code == 404
    not_his = await upload(client, SEED_NAME, staff.seed, staff.example)
    assert not_his.status_code == 403
    assert "only its owner or an admin can change it" in not_his.text
    # Ms Reed's waiting upload is not Mr Cole's to see or confirm.
    await sign_in(client, "ms.reed")
    hers = (await upload(client, SEED_NAME, staff.seed, reeds)).headers["location"]
    await sign_in(client, "mr.cole")
    assert (await client.get(hers)).status_code == 404
    token = token_of(await client.get("/notes"))
    assert (await client.post(hers + "/confirm", data={"csrftoken": token})).status_code == 404
    await sign_in(client, "jo")  # an admin may re-import over any course
    admins = await upload(client, SEED_NAME, staff.seed, staff.example)
    assert admins.status_code == 303


async def test_a_course_file_downloads_for_a_course_one_may_see(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    await sign_in(client, "mr.cole")
    got = await client.get(f"/notes/{staff.example}/course.yaml")
    assert got.status_code == 200
    assert got.headers["content-type"].startswith("application/yaml")
    assert got.headers["content-disposition"] == f'attachment; filename="{staff.example}.yaml"'
    course = load_course(got.text, "download.yaml")
    assert course == staff.core.store.course(staff.example)
    await sign_in(client, "ms.reed")
    first = await upload(client, SEED_NAME, staff.seed)
    await press(client, first.headers["location"], first.headers["location"] + "/confirm")
    reeds = staff.core.store.courses()[-1].slug
    await sign_in(client, "mr.cole")
    assert (await client.get(f"/notes/{reeds}/course.yaml")).status_code == 404


async def test_a_student_gets_403_and_a_stranger_is_sent_to_sign_in(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    await sign_in(client, "ms.reed")
    waiting = (await upload(client, SEED_NAME, staff.seed)).headers["location"]
    pages = [
        ("GET", "/notes"),
        ("POST", "/notes"),
        ("GET", waiting),
        ("POST", waiting + "/confirm"),
        ("POST", waiting + "/discard"),
        ("GET", f"/notes/{staff.example}/course.yaml"),
    ]
    calls = [
        ("POST", "/api/notes"),
        ("GET", "/api" + waiting),
        ("POST", "/api" + waiting + "/confirm"),
        ("DELETE", "/api" + waiting),
        ("GET", f"/api/notes/{staff.example}/course-file"),
    ]
    for who in ("sam", None):
        client.cookies.clear()
        if who is not None:
            await sign_in(client, who)
        await client.get("/sign-in")
        token = client.cookies["csrftoken"]
        for method, url in pages + calls:
            answer = await client.request(method, url, headers={"x-csrftoken": token})
            if who == "sam":
                assert answer.status_code == 403, (method, url, answer.status_code)
            elif url.startswith("/api/"):
                assert answer.status_code == 401, (method, url, answer.status_code)
            else:
                assert answer.status_code == 303, (method, url)
                assert answer.headers["location"].startswith("/sign-in"), (method, url)
    assert [c.slug for c in staff.core.store.courses()] == [staff.example]
    await sign_in(client, "ms.reed")
    assert (await client.get(waiting)).status_code == 200  # still waiting for Ms Reed


async def test_the_api_uploads_previews_and_confirms(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    made = staff.core.acting_for(staff.core.store.people.user("ms.reed")).make_token("script")
    auth = {"authorization": f"Bearer {made}"}
    sent = await client.post(
        "/api/notes", files={"file": (SEED_NAME, staff.seed, "text/plain")}, headers=auth
    )
    assert sent.status_code == 201, sent.text
    preview = sent.json()
    assert preview["counts"]["questions"] == 7 and preview["updates"] is None
    questions = [q for t in preview["topics"] for f in t["families"] for q in f["questions"]]
    assert [(q["year"], q["marks"]) for q in questions][:3] == [(1998, None), (1999, 10), (2000, 6)]
    again = await client.get(f"/api/notes/uploads/{preview['token']}", headers=auth)
    assert again.json() == preview
    saved = await client.post(f"/api/notes/uploads/{preview['token']}/confirm", headers=auth)
    assert saved.status_code == 200
    assert saved.json()["created"] is True and saved.json()["questions_added"] == 7
    slug = saved.json()["slug"]
    file = await client.get(f"/api/notes/{slug}/course-file", headers=auth)
    assert file.status_code == 200 and file.headers["content-type"].startswith("application/yaml")

    reimport = await client.post(
        "/api/notes",
        files={"file": (SEED_NAME, staff.seed, "text/plain")},
        data={"course": slug},
        headers=auth,
    )
    changes = reimport.json()["changes"]
    assert (len(changes["questions_added"]), changes["questions_kept"]) == (0, 7)
    gone = await client.delete(f"/api/notes/uploads/{reimport.json()['token']}", headers=auth)
    assert gone.status_code == 204
    bad = await client.post(
        "/api/notes",
        files={"file": ("junk.txt", bytes(range(256)) * 4, "text/plain")},
        headers=auth,
    )
    assert bad.status_code == 400
    assert "not a text file" in bad.json()["error"]
    other = await client.post(
        "/api/notes",
        files={"file": (SEED_NAME, staff.seed, "text/plain")},
        data={"course": staff.example},
        headers=auth,
    )
    assert other.status_code == 403 and "installation's" in other.json()["error"]


async def test_the_api_describes_its_answers(web_app: FastAPI) -> None:
    paths = web_app.openapi()["paths"]
    upload_answer = paths["/api/notes"]["post"]["responses"]["201"]["content"]
    assert upload_answer["application/json"]["schema"] == {
        "$ref": "#/components/schemas/UploadPreview"
    }
    confirmed = paths["/api/notes/uploads/{token}/confirm"]["post"]["responses"]["200"]
    assert confirmed["content"]["application/json"]["schema"]["$ref"].endswith("UploadSaved")
    assert (
        "application/yaml; charset=utf-8"
        in (paths["/api/notes/{slug}/course-file"]["get"]["responses"]["200"]["content"])
    )
