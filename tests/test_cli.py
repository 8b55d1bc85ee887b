"""The command line: help everywhere, version, exit codes, data on stdout and messages on stderr."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline import __version__
from timeline.cli import COMMANDS, cli


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"], prog_name="timeline")
    assert result.exit_code == 0 and __version__ in result.output


def all_commands() -> list[list[str]]:
    """Every command path, including the subcommands of groups (review accept, export csv, ...)."""
    import click

    paths = []
    for name in sorted(COMMANDS):
        paths.append([name])
        command = cli.get_command(click.Context(cli), name)
        if isinstance(command, click.Group):
            paths += [[name, sub] for sub in sorted(command.commands)]
    return paths


@pytest.mark.parametrize("path", all_commands(), ids=" ".join)
def test_every_command_has_help_with_an_example(path: list[str]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="timeline")
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output and "timeline " in result.output.split("Usage:", 1)[1]
    assert "xample" in result.output, f"`timeline {' '.join(path)} --help` shows no example"


def test_help_is_instant_and_lists_commands() -> None:
    started = time.perf_counter()
    result = run("--help")
    elapsed = time.perf_counter() - started
    assert result.returncode == 0 and "check" in result.stdout and "build" in result.stdout
    assert elapsed < 5, f"--help took {elapsed:.1f}s; keep heavy imports inside commands"


def test_check_ok_goes_to_stderr_and_exits_0(copy_root) -> None:
    root = copy_root("store-basic")
    result = run("check", "events.yaml", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and "ok: 2 events, 3 citations, 3 sources" in result.stderr


def test_check_problems_exit_1_without_traceback(copy_root) -> None:
    root = copy_root("store-basic")
    store = root / "events.yaml"
    text = store.read_text(encoding="utf-8")
    store.write_text(text.replace('date: "2015-05"', 'date: "May 2015"').replace("- source: other-1", "- source: x"), encoding="utf-8")
    result = run("check", str(store))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3 and lines[-1] == "2 problems found."
    assert all(line.startswith(f"{store}:") for line in lines[:2])
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_check_strict(copy_root) -> None:
    root = copy_root("store-basic")
    result = run("check", "--strict", "events.yaml", cwd=root)
    assert result.returncode == 1 and "events.yaml:16:" in result.stderr


def test_missing_store_is_a_user_error(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "events.yaml"))
    assert result.returncode == 1 and "file not found" in result.stderr and "Traceback" not in result.stderr


def test_unknown_option_is_usage_error_2() -> None:
    result = run("check", "--frobnicate")
    assert result.returncode == 2 and "No such option" in result.stderr
