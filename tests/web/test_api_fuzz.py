"""The JSON API under generated requests (schemathesis, from the app's own OpenAPI
description): signed in with a student's API token and with a teacher's, no request gives a
server error, and every answer matches the shape the description promises. CI runs a short
budget, 15 requests a route; ``PASTPAPER_FUZZ_EXAMPLES=500 pytest tests/web/test_api_fuzz.py``
runs it longer."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from pastpaper.app import Pastpaper
from pastpaper.settings import Settings
from pastpaper.web import create_app

EXAMPLES = int(os.environ.get("PASTPAPER_FUZZ_EXAMPLES", "15"))
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TOKENS: dict[str, str] = {}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Iterator[Any]:
    """The app over a school (the seed given to Sam's class; Sam has answered a question),
    its API's description, and API tokens for Sam and his teacher."""
    folder = tmp_path_factory.mktemp("fuzz")
    app = create_app(
        Settings(db=str(folder / "fuzz.db"), secret_key="z" * 40),  # type: ignore[arg-type]
        clock=lambda: NOW,
    )
    core: Pastpaper = app.state.core
    people = core.store.people
    teacher = people.add_user("ms.reed", "Ms Reed", "teacher", password="x" * 12, now=NOW)
    sam = people.add_user("sam", "Sam Okafor", "student", password="x" * 12, now=NOW)
    slug = core.import_file(seed_path).saved.slug
    group = people.add_class("ms.reed", "11B", now=NOW)
    people.enrol("sam", group.id, now=NOW)
    people.assign_course(group.id, slug)
    as_sam = core.acting_for(sam)
    question = as_sam.questions()[0].id
    as_sam.practise(question, "He denounced Stalin in 1956.", started=NOW, seconds=600)
    TOKENS["student"] = as_sam.make_token("fuzz")
    TOKENS["teacher"] = core.acting_for(teacher).make_token("fuzz")
    yield schemathesis.openapi.from_asgi("/api/openapi.json", app).include(path_regex=r"^/api/")
    core.store.close()


FUZZ = settings(
    max_examples=EXAMPLES,
    # CI tries the same requests each run, so that a run fails for a change, not for luck;
    # elsewhere each run tries new ones (and PASTPAPER_FUZZ_EXAMPLES tries more).
    derandomize=bool(os.environ.get("CI")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)


def call(case: Any, role: str) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {TOKENS[role]}"},
        checks=[not_a_server_error, response_schema_conformance],
    )


@pytest.mark.parametrize("role", ["student", "teacher"])
def test_no_api_request_breaks_the_server_or_its_description(api_schema: Any, role: str) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10  # the whole API, not a part of it
    for operation in operations:

        @given(case=operation.as_strategy())
        @FUZZ
        def fuzz(case: Any) -> None:
            call(case, role)

        fuzz()
