"""A real cluster: `dask scheduler` and two `dask worker` processes on 127.0.0.1, started and stopped here.
The --json output is byte-identical to one process's, also when a worker is killed mid-run."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from test_distributed import run, write_corpus

distributed = pytest.importorskip("distributed", reason="dask is not installed (pip install 'annotated-timeline[dask]')")
DASK = str(Path(sys.executable).with_name("dask"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Cluster:
    address: str
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)


def start(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([DASK, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    """A scheduler and two single-threaded workers without nannies (so killing one kills the worker)."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes = [start("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")]
    made = Cluster(address)
    try:
        for _ in range(2):
            made.workers.append(start("worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                                      "--host", "127.0.0.1"))
        processes += made.workers
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield made
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


@pytest.mark.parametrize("command", ["dates", "extract"])
def test_a_real_scheduler_and_two_workers_give_one_process_output(tmp_path: Path, cluster: Cluster, command: str) -> None:
    paths = write_corpus(tmp_path)
    one = run(command, *paths, "--json")
    many = run(command, *paths, "--json", "--scheduler", cluster.address)
    assert many.stdout == one.stdout and many.exit_code == one.exit_code == 1


def test_a_worker_killed_mid_run_is_replaced_and_the_output_is_identical(tmp_path: Path, cluster: Cluster) -> None:
    from timeline.distributed.cluster import Scheduler
    from timeline.distributed.run import extract
    from timeline.extract.events import extract as one_process

    paths = write_corpus(tmp_path, (6, 6, 6, 6, 6, 6, 6, 6))
    victim = cluster.workers[0]

    def kill_first_worker(done: int, total: int) -> None:
        if victim.poll() is None:
            os.killpg(victim.pid, signal.SIGKILL)
            victim.wait(timeout=30)

    many = extract(paths, Scheduler(cluster.address), progress=kill_first_worker)
    assert victim.returncode == -signal.SIGKILL  # killed while shards were still running
    one = one_process(paths)
    assert many.records == one.records and [d.id for d in many.documents] == [d.id for d in one.documents]
    assert [str(p) for p in many.problems] == [str(p) for p in one.problems]
