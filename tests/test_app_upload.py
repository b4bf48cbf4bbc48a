"""Notes in through the application layer (``pastpaper.app.upload``): an upload is read and
kept unsaved with a preview of what it holds; a re-import shows what is new, kept and removed
before anything changes; confirming saves it as the teacher's own course. A student can do
none of it; a teacher cannot re-import over a course that is not theirs. On a real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pastpaper.app import Pastpaper
from pastpaper.app.upload import UPLOAD_LIFETIME, QuestionFound, uploads_folder
from pastpaper.errors import Forbidden, InputError, NotFound
from pastpaper.ingest import load_course
from pastpaper.settings import Settings
from pastpaper.store import Store

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

#: The seed's questions as a teacher reads them: (year, marks, command word).
SEED_QUESTIONS = [
    (1998, None, "describe"),
    (1999, 10, "in what ways"),
    (2000, 6, "describe"),
    (2000, 5, "why"),
    (2001, 10, "why"),
    (2000, 6, "in what ways"),
    (2001, 15, "in what ways"),
]

NOTES_WITH_WARNINGS = """Cold war notes

1: The Berlin Blockade

1948: Why did Stalin blockade Berlin? (0)

Stalin wanted the western allies out of Berlin.

1949: Describe the airlift. (6)
"""


class School:
    """Ms Reed and Mr Cole teach; Sam studies; Jo is an admin. The clock can be moved on."""

    def __init__(self, store: Store, folder: Path) -> None:
        self.now = NOW
        settings = Settings(db=str(folder / "school.db"))  # where uploads wait
        self.core = Pastpaper(store, None, settings, lambda: self.now)
        people = store.people
        self.reed = people.add_user("ms.reed", "Ms Reed", "teacher", now=NOW)
        self.cole = people.add_user("mr.cole", "Mr Cole", "teacher", now=NOW)
        self.sam = people.add_user("sam", "Sam Okafor", "student", now=NOW)
        self.jo = people.add_user("jo", "Jo Admin", "admin", now=NOW)
        self.uploads = uploads_folder(settings)

    def waiting(self) -> list[Path]:
        return sorted(self.uploads.iterdir()) if self.uploads.is_dir() else []


@pytest.fixture
def school(store: Store, tmp_path: Path) -> School:
    return School(store, tmp_path)


def seed_bytes(seed_path: Path) -> bytes:
    return seed_path.read_bytes()


def test_the_seed_is_previewed_then_saved_as_the_teachers_own(
    school: School, seed_path: Path
) -> None:
    reed = school.core.acting_for(school.reed)
    preview = reed.upload_notes("khrushchev-modernisation.txt", seed_bytes(seed_path))
    found = [q for t in preview.topics for f in t.families for q in f.questions]
    assert [(q.year, q.marks, q.command_word) for q in found] == SEED_QUESTIONS
    assert preview.counts.questions == 7 and preview.counts.topics == 1
    assert preview.counts.notes == sum(len(f.notes) for t in preview.topics for f in t.families)
    assert preview.counts.notes > 0
    assert preview.kind == "text" and preview.updates is None and preview.changes is None
    assert preview.title == "Khrushchev's attempts at modernisation."
    assert school.core.store.courses() == []  # nothing saved yet
    assert [p.name for p in school.waiting()] == [preview.token]
    assert reed.upload_preview(preview.token) == preview

    saved = reed.confirm_upload(preview.token)
    assert saved.created and saved.questions_added == 7
    summary = school.core.store.summary(saved.slug)
    assert summary.owner_id == school.reed.id and summary.questions == 7
    assert school.waiting() == []  # saved: the upload is gone
    with pytest.raises(NotFound, match="upload the file again"):
        reed.confirm_upload(preview.token)


def test_warnings_come_with_their_lines(school: School) -> None:
    reed = school.core.acting_for(school.reed)
    preview = reed.upload_notes("cold-war.txt", NOTES_WITH_WARNINGS.encode())
    assert [(w.line, w.message.split(";")[0]) for w in preview.warnings] == [
        ("5", "marks (0) are not a whole number between 1 and 100"),
        ("9", "these questions have no notes under them"),
    ]


def test_the_same_file_again_updates_the_teachers_course_and_never_anothers(
    school: School, seed_path: Path
) -> None:
    reed = school.core.acting_for(school.reed)
    cole = school.core.acting_for(school.cole)
    name = "khrushchev-modernisation.txt"
    first = reed.confirm_upload(reed.upload_notes(name, seed_bytes(seed_path)).token)
    again = reed.upload_notes(name, seed_bytes(seed_path))
    assert again.updates is not None and again.updates.slug == first.slug
    assert again.changes is not None
    assert (len(again.changes.questions_added), again.changes.questions_kept) == (0, 7)
    assert again.changes.questions_removed == () and again.changes.notes_removed == ()
    updated = reed.confirm_upload(again.token)
    assert (updated.created, updated.slug, updated.questions_kept) == (False, first.slug, 7)

    coles = cole.upload_notes(name, seed_bytes(seed_path))
    assert coles.updates is None and coles.slug == f"{first.slug}-2"
    saved = cole.confirm_upload(coles.token)
    assert saved.created and saved.slug == f"{first.slug}-2"
    owners = {c.slug: c.owner_id for c in school.core.store.courses()}
    assert owners == {first.slug: school.reed.id, saved.slug: school.cole.id}


def test_a_re_import_shows_what_is_new_kept_and_removed_before_it_is_applied(
    school: School, seed_path: Path
) -> None:
    reed = school.core.acting_for(school.reed)
    text = seed_path.read_text(encoding="utf-8")
    slug = reed.confirm_upload(reed.upload_notes("seed.txt", text.encode()).token).slug
    before = school.core.store.course(slug)
    dropped = "2001: Why did Khrushchev carry out a policy of de-Stalinisation after he became"
    assert dropped in text
    line = next(line for line in text.splitlines() if line.startswith(dropped))
    paragraph = next(p for p in text.split("\n\n") if p.startswith("Khrushchev himself"))
    changed = text.replace(line, "2002: Explain why the Virgin Lands scheme failed. (8)").replace(
        paragraph, "The Virgin Lands were ploughed by young volunteers from 1954."
    )
    preview = reed.upload_notes("newer notes.txt", changed.encode(), slug)
    assert preview.updates is not None and preview.updates.slug == slug
    changes = preview.changes
    assert changes is not None
    assert changes.questions_added == (
        QuestionFound(
            year=2002,
            text="Explain why the Virgin Lands scheme failed.",
            marks=8,
            command_word="explain",
        ),
    )
    assert [(q.year, q.marks) for q in changes.questions_removed] == [(2001, 10)]
    assert changes.questions_kept == 6
    assert changes.notes_added == ("The Virgin Lands were ploughed by young volunteers from 1954.",)
    assert len(changes.notes_removed) == 1
    assert changes.notes_removed[0].startswith("Khrushchev himself")
    assert school.core.store.course(slug) == before  # a preview writes nothing

    saved = reed.confirm_upload(preview.token)
    # What the preview said is what the store did.
    assert (saved.questions_added, saved.questions_kept, saved.questions_removed) == (1, 6, 1)
    after = school.core.store.summary(slug)
    assert after.questions == 7 and after.notes == preview.counts.notes


def test_nobody_re_imports_over_a_course_that_is_not_theirs(
    school: School, seed_path: Path
) -> None:
    reed = school.core.acting_for(school.reed)
    cole = school.core.acting_for(school.cole)
    reeds = reed.confirm_upload(reed.upload_notes("seed.txt", seed_bytes(seed_path)).token).slug
    installations = school.core.import_examples()[0].saved.slug
    with pytest.raises(NotFound):  # Ms Reed's course is not among Mr Cole's
        cole.upload_notes("seed.txt", seed_bytes(seed_path), reeds)
    with pytest.raises(Forbidden, match="installation's"):
        cole.upload_notes("seed.txt", seed_bytes(seed_path), installations)
    jo = school.core.acting_for(school.jo)
    preview = jo.upload_notes("seed.txt", seed_bytes(seed_path), reeds)
    assert preview.updates is not None and preview.updates.slug == reeds
    assert school.waiting() == [school.uploads / preview.token]


def test_a_refused_confirmation_keeps_the_upload(school: School, seed_path: Path) -> None:
    reed = school.core.acting_for(school.reed)
    slug = reed.confirm_upload(reed.upload_notes("seed.txt", seed_bytes(seed_path)).token).slug
    preview = reed.upload_notes("seed.txt", seed_bytes(seed_path), slug)
    course_id = school.core.store.course_id(slug)
    school.core.store.teaching.set_owner(course_id, school.cole.id)
    with pytest.raises((Forbidden, NotFound)):
        reed.confirm_upload(preview.token)
    school.core.store.teaching.set_owner(course_id, school.reed.id)
    assert reed.upload_preview(preview.token) == preview
    assert not reed.confirm_upload(preview.token).created


def test_a_student_brings_in_nothing(school: School, seed_path: Path) -> None:
    sam = school.core.acting_for(school.sam)
    installations = school.core.import_examples()[0].saved.slug
    with pytest.raises(Forbidden, match="teacher"):
        sam.upload_notes("seed.txt", seed_bytes(seed_path))
    with pytest.raises(Forbidden, match="teacher"):
        sam.course_file(installations)
    assert school.waiting() == []


def test_an_upload_is_its_teachers_alone_and_waits_a_day(school: School, seed_path: Path) -> None:
    reed = school.core.acting_for(school.reed)
    cole = school.core.acting_for(school.cole)
    preview = reed.upload_notes("seed.txt", seed_bytes(seed_path))
    for attempt in (cole.upload_preview, cole.confirm_upload, cole.discard_upload):
        with pytest.raises(NotFound):
            attempt(preview.token)
    for odd in ("../../school.db", "x" * 32 + "/..", ""):
        with pytest.raises(NotFound):
            reed.upload_preview(odd)
    school.now = NOW + UPLOAD_LIFETIME + timedelta(minutes=1)
    with pytest.raises(NotFound, match="over a day"):
        reed.upload_preview(preview.token)
    fresh = reed.upload_notes("seed.txt", seed_bytes(seed_path))  # clears the old one away
    assert school.waiting() == [school.uploads / fresh.token]
    assert reed.discard_upload(fresh.token) == "seed.txt"
    assert school.waiting() == []
    assert school.core.store.courses() == []


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("empty.txt", b"  \n\n ", "the file is empty"),
        ("junk.txt", bytes(range(256)) * 40, r"not a text file \(it holds binary data\)"),
        ("prose.md", b"# Stalin\n\nStalin died in 1953.\n", "no past-paper questions"),
        ("broken.docx", b"PK\x03\x04 not really a document", "not a readable DOCX file"),
        ("broken.pdf", b"%PDF-1.4 nothing more", "PDF"),
        ("course.yaml", b"title: [unclosed", "course.yaml"),
    ],
)
def test_a_file_that_cannot_be_brought_in_says_why_and_is_not_kept(
    school: School, name: str, data: bytes, said: str
) -> None:
    reed = school.core.acting_for(school.reed)
    with pytest.raises(InputError, match=said) as refused:
        reed.upload_notes(name, data)
    assert str(refused.value).startswith(name)
    assert school.waiting() == []


def test_a_file_over_the_limit_is_refused_with_its_size(school: School) -> None:
    reed = school.core.acting_for(school.reed)
    with pytest.raises(InputError, match=r"is 50\.0 MB, over the 20\.0 MB limit"):
        reed.upload_notes("huge.txt", b"x" * 1000, size=50_000_000)
    with pytest.raises(InputError, match=r"over the 20\.0 MB limit"):
        reed.upload_notes("huge.txt", b"1999: Why? (5)\n\nx\n" * 1_200_000)
    assert school.waiting() == []


def test_a_course_file_goes_out_and_comes_back_in(school: School, seed_path: Path) -> None:
    reed = school.core.acting_for(school.reed)
    cole = school.core.acting_for(school.cole)
    slug = reed.confirm_upload(reed.upload_notes("seed.txt", seed_bytes(seed_path)).token).slug
    exported = reed.course_file(slug)
    assert exported.name == f"{slug}.yaml"
    course = load_course(exported.text, exported.name)
    assert [(q.year, q.marks, q.command_word) for _, _, q in course.questions()] == SEED_QUESTIONS
    with pytest.raises(NotFound):
        cole.course_file(slug)
    edited = exported.text.replace("marks: 15", "marks: 12")
    assert edited != exported.text
    preview = reed.upload_notes(exported.name, edited.encode(), slug)
    assert preview.kind == "course" and preview.changes is not None
    assert preview.changes.questions_kept == 7
    reed.confirm_upload(preview.token)
    marks = [q.marks for _, _, q in school.core.store.course(slug).questions()]
    assert marks == [None, 10, 6, 5, 10, 6, 12]


def test_a_word_document_is_read_as_its_notes_and_warns_by_paragraph(
    school: School, seed_path: Path
) -> None:
    import io

    import docx

    document = docx.Document()
    for line in NOTES_WITH_WARNINGS.splitlines():
        if line.strip():
            document.add_paragraph(line)
    kept = io.BytesIO()
    document.save(kept)
    reed = school.core.acting_for(school.reed)
    preview = reed.upload_notes("cold war.docx", kept.getvalue())
    assert preview.kind == "docx"
    found = [q for t in preview.topics for f in t.families for q in f.questions]
    assert [(q.year, q.marks, q.command_word) for q in found] == [
        (1948, None, "why"),
        (1949, 6, "describe"),
    ]
    assert [w.line for w in preview.warnings] == ["paragraph 3", "paragraph 5"]
