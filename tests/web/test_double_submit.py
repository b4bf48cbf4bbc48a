"""A practice answer sent twice (a double click, a request retried after a dropped
connection, two at the very same moment) makes one attempt: the form carries a key made
with the page, and the same key again leads to the first attempt."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest

from pastpaper.errors import InputError
from web.conftest import sign_in
from web.test_practise import Bank, bank, token_of

pytestmark = pytest.mark.anyio
__all__ = ["bank"]  # the fixture, used by name

ANSWER = "Khrushchev denounced Stalin in the Secret Speech of 1956 to secure his own position."


def key_of(page: httpx.Response) -> str:
    found = re.search(r'name="submission" value="([^"]+)"', page.text)
    assert found
    return found.group(1)


async def test_the_same_form_sent_twice_and_at_once_makes_one_attempt(
    client: httpx.AsyncClient, bank: Bank
) -> None:
    await sign_in(client, "sam")
    path = f"/questions/{bank.question}/practise"
    page = await client.get(path)
    form = {
        "csrftoken": token_of(page),
        "answer": ANSWER,
        "started": "",
        "submission": key_of(page),
    }
    first = await client.post(path, data=form)
    again = await client.post(path, data=form)
    assert first.status_code == again.status_code == 303
    assert first.headers["location"] == again.headers["location"]
    sam = bank.user("sam")
    assert len(sam.attempts_at(bank.question)) == 1
    # A new page is a new key: a second answer is a second attempt, and two sends of it
    # at the same moment still make one.
    page = await client.get(path)
    assert key_of(page) != form["submission"]
    form |= {"submission": key_of(page), "csrftoken": token_of(page)}
    both = await asyncio.gather(client.post(path, data=form), client.post(path, data=form))
    assert {r.headers["location"] for r in both} != {first.headers["location"]}
    assert len({r.headers["location"] for r in both}) == 1
    assert len(sam.attempts_at(bank.question)) == 2


async def test_a_key_this_site_did_not_make_is_refused_and_nothing_written(
    client: httpx.AsyncClient, bank: Bank
) -> None:
    await sign_in(client, "sam")
    path = f"/questions/{bank.question}/practise"
    page = await client.get(path)
    form = {"csrftoken": token_of(page), "answer": ANSWER, "started": "", "submission": "x" * 65}
    refused = await client.post(path, data=form)
    assert refused.status_code == 400
    assert "reload the page" in refused.text
    assert bank.user("sam").attempts_at(bank.question) == []
    with pytest.raises(InputError):
        bank.user("sam").submit_once(bank.question, ANSWER, None, "no spaces allowed")
