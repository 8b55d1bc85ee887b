"""Shell completion, driven through click's own protocol (_TIMELINE_COMPLETE with COMP_WORDS/COMP_CWORD),
as the bash, zsh and fish scripts of the README call it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli


def complete(words: str, cwd: Path, shell: str = "bash") -> list[tuple[str, str]]:
    """What the shell would be offered for the last word of `words` (a trailing space: a new, empty word)."""
    env = {"_TIMELINE_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    result = CliRunner(env=env).invoke(cli, [], prog_name="timeline", catch_exceptions=False, standalone_mode=True)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line] if shell == "bash" else result.output.splitlines()
    if shell == "zsh":  # type, value, help, one per line
        return [(lines[i + 1], lines[i + 2]) for i in range(0, len(lines) - 2, 3)]
    return [tuple(line.split(",", 1)) for line in lines]  # bash: type,value


@pytest.fixture
def store_dir(copy_root, monkeypatch) -> Path:
    folder = copy_root("curate-basic")
    monkeypatch.chdir(folder)
    return folder


def values(items):
    return [value for _kind, value in items]


def test_reject_completes_every_event_id(store_dir):
    assert values(complete("timeline review reject ", store_dir)) == ["peace-accord", "amnesty-2015"]
    assert values(complete("timeline review reject am", store_dir)) == ["amnesty-2015"]


def test_accept_completes_candidates_only(store_dir):
    offered = values(complete("timeline review accept ", store_dir))
    from timeline.store import load_store

    store, _ = load_store(store_dir / "events.yaml")
    assert offered == [e.id for e in store.events if e.status == "candidate"] and offered


def test_the_store_named_on_the_command_line_is_read(store_dir, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text((store_dir / "events.yaml").read_text(encoding="utf-8").replace("amnesty-2015", "amnesty-2016"),
                     encoding="utf-8")
    assert values(complete(f"timeline review reject --store {other} am", store_dir)) == ["amnesty-2016"]
    assert values(complete(f"timeline review merge peace-accord -s {other} am", store_dir)) == ["amnesty-2016"]


def test_zsh_shows_titles_beside_ids(store_dir):
    offered = dict(complete("timeline review reject ", store_dir, shell="zsh"))
    assert offered["peace-accord"] == "Government and opposition sign the peace accord"


def test_lanes_sources_and_formats(store_dir):
    assert values(complete("timeline review accept amnesty-2015 --lane ", store_dir)) == ["politics", "security"]
    assert values(complete("timeline review refresh ", store_dir)) == ["accord"]
    assert {"html", "html-fragment", "png", "svg", "markdown"} <= set(values(complete("timeline build --format ", store_dir)))
    assert values(complete("timeline export x", store_dir)) == ["xlsx"]
    assert values(complete("timeline build --locale ", store_dir)) == ["en", "fr", "de"]


def test_no_store_or_a_broken_one_completes_to_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert complete("timeline review reject ", tmp_path) == []
    (tmp_path / "events.yaml").write_text("events: [\n  - {id: [unclosed\n", encoding="utf-8")
    assert complete("timeline review reject ", tmp_path) == []


def test_completion_scripts_come_from_the_installed_command():
    """The README's activation lines: the command prints a script for each shell."""
    for shell in ("bash", "zsh", "fish"):
        env = {**os.environ, "_TIMELINE_COMPLETE": f"{shell}_source"}
        script = subprocess.run([sys.executable, "-m", "timeline"], env=env, capture_output=True, text=True, timeout=60)
        assert script.returncode == 0 and "_TIMELINE_COMPLETE" in script.stdout, (shell, script.stderr)
