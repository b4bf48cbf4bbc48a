"""Writing a course out for other programs: Anki decks and Moodle question banks."""

from __future__ import annotations

from pathlib import Path

from pastpaper.app.study import Study

__all__ = ["Exports"]


class Exports(Study):
    """Write a course's cards and questions for Anki and Moodle."""

    def export_anki(self, course: str, output: Path, *, force: bool = False) -> int:
        """Write a course's cards as an Anki deck (over an existing file only with
        ``force``, never over the database); how many cards it holds."""
        from pastpaper.files import APKG, check_writable
        from pastpaper.study.cards import cards_of
        from pastpaper.study.exports import write_anki

        self.require_visible(course)
        protect = [self.store.path]
        check_writable(output, APKG, force=force, protect=protect)
        plain = self.store.course(course)
        made = cards_of(plain)
        write_anki(plain, made, output, force=force, protect=protect, now=self.now())
        return len(made)

    def anki_package(self, course: str) -> bytes:
        """A course's cards as an Anki package, in memory (for a download): the bytes
        ``export_anki`` would write. NotFound for a course the user may not see."""
        import tempfile

        with tempfile.TemporaryDirectory(prefix="pastpaper-anki-") as folder:
            output = Path(folder) / "cards.apkg"
            self.export_anki(course, output)
            return output.read_bytes()

    def export_moodle(self, course: str, output: Path, *, force: bool = False) -> None:
        """Write a course as a Moodle question bank (Moodle XML)."""
        from pastpaper.files import XML, check_writable
        from pastpaper.study.exports import write_moodle
        from pastpaper.study.sharing import schemes_and_cards

        protect = [self.store.path]
        check_writable(output, XML, force=force, protect=protect)
        plain = self.store.course(course)
        schemes, cards = schemes_and_cards(plain)
        write_moodle(plain, cards, output, force=force, protect=protect, schemes=schemes)
