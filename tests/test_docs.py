"""The README stays true: its quick start is what CI runs, its CLI reference is complete."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from conftest import ROOT
from pastpaper.cli import app
from pastpaper.settings import Settings

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def test_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    commands = re.findall(r"```sh\n(.*?)\n```", section("Quick start"), re.S)
    assert len(commands) == 2 and all("\n" not in c for c in commands)
    run_example, run_tests = commands
    assert 'pip install ".[marker]"' in run_example and run_example.endswith("pastpaper demo")
    assert "pytest" in run_tests and "ruff" in run_tests and "mypy" in run_tests
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert run_tests in ci.splitlines()


def test_cli_reference_names_every_command_and_option() -> None:
    reference = section("CLI reference")
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    for param in group.params:
        for name in param.opts:
            if name != "--help":
                assert f"`{name}" in reference, f"global option {name} is not in the README"
    for name, command in group.commands.items():
        assert f"### `pastpaper {name}" in reference, f"command {name} is not in the README"
        for param in command.params:
            if isinstance(param, typer.core.TyperOption):
                for opt in param.opts:
                    assert f"`{opt}" in reference or f", {opt}" in reference, (
                        f"option {opt} of {name} is not in the README"
                    )


def test_every_setting_is_documented() -> None:
    settings = section("Settings")
    for name in Settings.model_fields:
        assert f"`PASTPAPER_{name.upper()}`" in settings, f"setting {name} is not in the README"


def test_the_python_api_example_runs(tmp_path: Path, seed_path: Path) -> None:
    [example] = re.findall(r"```python\n(.*?)```", section("Python API"), re.S)
    example = example.replace('"khrushchev-modernisation.txt"', repr(str(seed_path)))
    example = example.replace('"bank.db"', repr(str(tmp_path / "bank.db")))
    exec(compile(example, "README.md", "exec"), {})
    assert (tmp_path / "bank.db").is_file()
