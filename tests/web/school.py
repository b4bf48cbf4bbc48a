"""A school for the web tests of reviewing and progress: the seed course and the examples
imported; class 11B (Ms Reed) studies the seed course and has Sam in it; class 11C studies
the examples and has Ada. Both students can sign in with ``PASSWORD``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pastpaper.app import Pastpaper
from pastpaper.settings import Settings
from pastpaper.store import Store
from web.conftest import NOW, PASSWORD


@dataclass(frozen=True)
class School:
    seed: str  # the slug of the seed course, Sam's
    other: str  # the slug of the examples' course, Ada's and not Sam's


def make_school(settings: Settings, seed_path: Path) -> School:
    """Fill the database ``settings`` name with the school above."""
    store = Store.open(settings.db)
    try:
        app = Pastpaper(store, None, settings, lambda: NOW)
        app.import_file(seed_path)
        app.import_examples()
        seed, other = (c.slug for c in app.courses())
        people = store.people
        people.add_user("ms.reed", "Ms Reed", "teacher", now=NOW)
        for login, name, class_name, course in (
            ("sam", "Sam Okafor", "11B", seed),
            ("ada", "Ada Byrne", "11C", other),
        ):
            people.add_user(login, name, "student", now=NOW)
            people.set_password(login, PASSWORD)
            school_class = people.add_class("ms.reed", class_name, now=NOW)
            people.enrol(login, school_class.id, now=NOW)
            people.assign_course(school_class.id, course)
        return School(seed, other)
    finally:
        store.close()
