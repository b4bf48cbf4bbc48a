"""In Chromium, the Content-Security-Policy holds: a script written into a page (as a
`<script>` in someone's notes would be, were it not escaped) does not run."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def test_an_inline_script_put_into_a_page_does_not_run(browser: Browser, served: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    reported: list[str] = []
    page.on("console", lambda message: reported.append(message.text))
    page.goto(f"{served}/setup")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.ran = true;";
            document.body.appendChild(script);
        }"""
    )
    ran = page.evaluate("() => window.ran === true")
    context.close()
    assert ran is False
    assert any("Content Security Policy" in text for text in reported)
