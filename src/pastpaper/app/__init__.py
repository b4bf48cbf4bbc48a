"""The application layer: one entry object, ``Pastpaper``, through which the CLI (and the web
to come) work. An interface parses what it is given, calls one method, and renders what comes
back; every rule lives here or below.

    app = Pastpaper(Store.open("bank.db"), None, Settings(), lambda: datetime.now(UTC))
    app.import_file("notes.txt")
    app.mark(4, "He wanted to secure his own position.").mark

``Pastpaper(store, marker, settings, clock)``: the store it reads and writes; the marker
every answer goes through (None: the installed model, loaded at the first answer marked); the
settings (``pastpaper.settings``); the clock, a callable giving the time now with its time
zone, so that nothing here reads the time itself. The methods are grouped by what they are
for: ``bank`` (the question bank), ``marking``, ``study`` (cards, practice, progress, the
notes at a glance), ``exports`` and ``people`` (users, classes, signing in, who may do what),
``remark`` and ``moderation`` (a teacher's scheme edits, a class's answers grouped and
moderated, agreement with the machine); ``base`` holds what they share.
"""

from __future__ import annotations

from pastpaper.app.backups import Backups
from pastpaper.app.base import Clock, installed_marker
from pastpaper.app.demo_school import DemoSchooling
from pastpaper.app.exports import Exports
from pastpaper.app.jobs import BulkMarking
from pastpaper.app.moderation import Moderating
from pastpaper.app.people import Accounts
from pastpaper.app.practice import Practice
from pastpaper.app.records import Records
from pastpaper.app.results import Results
from pastpaper.app.schemes import SchemeEditor
from pastpaper.app.tokens import ApiTokens
from pastpaper.app.upload import Uploads

__all__ = ["Clock", "Pastpaper", "installed_marker"]


class Pastpaper(
    Moderating,
    BulkMarking,
    Exports,
    Records,
    Practice,
    Results,
    Accounts,
    ApiTokens,
    DemoSchooling,
    SchemeEditor,
    Uploads,
    Backups,
):
    """The question bank, its marking, a student's study and the people, over one store."""
