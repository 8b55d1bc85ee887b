"""Writes are atomic and locked: a killed writer leaves the old file, a second process waits its turn."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from timeline.errors import LockedError
from timeline.fileio import lock_path, locked, write_atomic

WRITER = """
import os, sys, time
import timeline.fileio as fileio
def stall(fd):  # the new content is in the temp file but not yet renamed over the target
    print('writing', flush=True)
    time.sleep(60)
fileio.os.fsync = stall
fileio.write_atomic(sys.argv[1], 'half-written new content\\n' * 100000)
"""


def test_write_replaces_whole_file_and_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o600)
    write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["events.yaml"], "no temp file left behind"


def test_killed_writer_leaves_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    target.write_text("precious: editor work\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir()), "the writer is mid-write"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert target.read_text(encoding="utf-8") == "precious: editor work\n"


def test_second_process_waits_for_the_lock(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    script = (
        "import sys, time\nfrom timeline.fileio import locked, write_atomic\nfrom pathlib import Path\n"
        "p = Path(sys.argv[1])\n"
        "with locked(p):\n"
        "    before = p.read_text() if p.exists() else ''\n"
        "    time.sleep(0.3)\n"
        "    write_atomic(p, before + sys.argv[2] + '\\n')\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(target), f"line{i}"]) for i in range(4)]
    assert all(p.wait(timeout=60) == 0 for p in procs)
    assert sorted(target.read_text().split()) == ["line0", "line1", "line2", "line3"], "no write was lost"


def test_lock_timeout_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys,time\nfrom timeline.fileio import locked\nwith locked(sys.argv[1]):\n print('held', flush=True); time.sleep(30)", str(target)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError, match="another timeline process"):
            with locked(target, timeout=0.2):
                pass
    finally:
        holder.kill()
        holder.wait()
    assert lock_path(target).name == ".events.yaml.lock"
