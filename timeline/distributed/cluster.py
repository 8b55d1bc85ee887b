"""Which cluster to run on (--scheduler) and the connection to it. Dask is imported here, only in `connect`."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

INSTALL = "install annotated-timeline[dask] (pip install 'annotated-timeline[dask]') on this machine and on every worker"
CONNECT_TIMEOUT = "10s"
_LOCAL = re.compile(r"local:(\d+)")
_ADDRESS = re.compile(r"(?:tcp|tls|ws|wss)://(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(?::\d{1,5})?")


class DaskMissing(RuntimeError):
    """--scheduler was given but Dask (the dask extra) is not installed."""


class SchedulerError(RuntimeError):
    """The scheduler could not be reached or the local cluster could not start."""


@dataclass(frozen=True)
class Scheduler:
    """A cluster to run on: `workers` local worker processes, or the scheduler at `address`."""

    address: str | None = None
    workers: int = 0

    def __str__(self) -> str:
        return self.address or f"local:{self.workers}"


def parse_scheduler(text: str, max_workers: int) -> Scheduler:
    """'tcp://host:8786' (also tls://, ws://, wss://) or 'local:N' (1 <= N <= max_workers);
    ValueError saying what is expected otherwise."""
    text = text.strip()
    local = _LOCAL.fullmatch(text)
    if local:
        workers = int(local.group(1))
        if not 1 <= workers <= max_workers:
            raise ValueError(f"local:{workers}: the number of local workers must be between 1 and {max_workers}")
        return Scheduler(workers=workers)
    if _ADDRESS.fullmatch(text) and _port_ok(text):
        return Scheduler(address=text)
    raise ValueError(f"{text!r} is not a scheduler address: give tcp://HOST:PORT (as `dask scheduler` prints it) or local:N")


def _port_ok(address: str) -> bool:
    port = re.search(r":(\d+)$", address.split("//", 1)[1])
    return port is None or 0 < int(port.group(1)) < 65536


def dask_distributed() -> Any:
    """The dask.distributed module; DaskMissing, with the command that installs it, when it is not there."""
    try:
        import distributed
    except ImportError as exc:
        raise DaskMissing(f"--scheduler needs Dask, which is not installed: {INSTALL}") from exc
    return distributed


@contextmanager
def connect(scheduler: Scheduler) -> Iterator[Any]:
    """A dask.distributed Client on the cluster, closed (with the local cluster it started) on exit."""
    dask = dask_distributed()
    cluster: Any = None
    try:
        if scheduler.address is None:
            cluster = dask.LocalCluster(n_workers=scheduler.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
        client = dask.Client(cluster if cluster is not None else scheduler.address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise SchedulerError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
