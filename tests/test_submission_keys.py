"""The store keeps one attempt for one submission key, on SQLite and PostgreSQL, also when
the same key arrives from several threads at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pastpaper.errors import AlreadySubmitted
from pastpaper.ingest import read_notes
from pastpaper.store import Store

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_one_key_is_one_attempt_however_many_send_it_at_once(store: Store, seed_path: Path) -> None:
    store.save_course(read_notes(seed_path).course)
    question = store.questions()[0]
    user = store.people.local().id

    def send(_: int) -> int:
        try:
            return store.memory.start_attempt(
                user,
                question_id=question.id,
                course=question.course,
                topic=question.topic,
                question=question.text,
                answer="He wanted to secure his position.",
                started_at=NOW,
                submitted_at=NOW,
                seconds_allowed=600,
                key="the-same-key-0001",
            )
        except AlreadySubmitted as again:
            return -again.attempt_id

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(send, range(12)))
    made = [r for r in results if r > 0]
    assert len(made) == 1  # one request made it; every other was told which it is
    assert sorted({abs(r) for r in results}) == made
    assert len(store.memory.attempts(user)) == 1
    with pytest.raises(AlreadySubmitted):
        store.memory.start_attempt(
            user,
            question_id=question.id,
            course=question.course,
            topic=question.topic,
            question=question.text,
            answer="Another answer entirely.",
            started_at=NOW,
            submitted_at=NOW,
            seconds_allowed=600,
            key="the-same-key-0001",
        )
