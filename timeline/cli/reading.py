"""What `timeline dates` and `timeline extract` share: the --jobs, --scheduler and PATH checks, the
--published check and the closing report."""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from timeline.errors import Problem
from timeline.terminal import printable


F = TypeVar("F", bound=Callable[..., Any])


class Jobs(click.ParamType[int]):
    """A number of worker processes, 1 to timeline.extract.pipeline.max_jobs() (a few per CPU)."""

    name = "N"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        from timeline.extract.pipeline import JOBS_PER_CPU, max_jobs  # here, so --help stays instant

        jobs: int = click.INT.convert(value, param, ctx)
        if not 1 <= jobs <= max_jobs():
            self.fail(f"{jobs} is not between 1 and {max_jobs()} (the CPU count times {JOBS_PER_CPU})", param, ctx)
        return jobs


def jobs_option() -> Callable[[F], F]:
    """The --jobs/-j option of a command that reads sources."""
    return click.option("--jobs", "-j", type=Jobs(), default=1, show_default=True,
                        help="Worker processes (at most 4 per CPU).")


class SchedulerAddress(click.ParamType[Any]):
    """A Dask scheduler address (tcp://host:8786) or local:N; checked without importing Dask."""

    name = "ADDRESS|local:N"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from timeline.distributed import parse_scheduler
        from timeline.extract.pipeline import max_jobs

        try:
            return parse_scheduler(str(value), max_jobs())
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def scheduler_option() -> Callable[[F], F]:
    """--scheduler: run on a Dask cluster (the dask extra) instead of local processes."""
    return click.option("--scheduler", type=SchedulerAddress(), metavar="ADDRESS|local:N",
                        help="Run on a Dask cluster: the scheduler's address (tcp://host:8786, as `dask scheduler` "
                        "prints it) or local:N for N local workers. PATHs are JSONL shards (files, folders, glob "
                        "patterns) that every worker can read. Needs annotated-timeline[dask].")


def check_runner(jobs: int, scheduler: Any) -> None:
    """A usage error for --jobs with --scheduler: the cluster's workers are the processes."""
    if scheduler is not None and jobs != 1:
        raise click.UsageError("--jobs and --scheduler cannot be used together: the cluster's workers do the work")


def on_cluster(run: Callable[[], Any]) -> Any:
    """run(), with the cluster's errors as messages: exit 1 when Dask is missing or the scheduler cannot be
    reached, 2 when PATHs are not JSONL shards."""
    from timeline.distributed import DaskMissing, NotShards, SchedulerError

    try:
        return run()
    except NotShards as exc:
        raise click.UsageError(printable(str(exc))) from None
    except (DaskMissing, SchedulerError) as exc:
        click.echo(f"error: {printable(str(exc))}", err=True)
        sys.exit(1)


def reading_options() -> Callable[[F], F]:
    """--published, --mode and --date-order: how a command that reads sources dates them."""
    options = [
        click.option("--published", metavar="DATE", help="Reference date for every document (2015-06-05, or as written: "
                     "'June 5, 2015', '5 juin 2015'); else stated in or inferred from each text."),
        click.option("--mode", type=click.Choice(["auto", "news", "narrative"]), default="auto", show_default=True,
                     help="news: read 'in March' against the publication date; narrative: against the date the text "
                     "has reached; auto: narrative for undated texts that open on a dated scene and name several years."),
        click.option("--date-order", type=click.Choice(["DMY", "MDY"]),
                     help="Order of numeric dates like 05/06/2015 (default: from the document, else MDY)."),
    ]

    def decorate(command: F) -> F:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def check_formats(paths: tuple[str, ...]) -> None:
    """A usage error (exit 2) when a named file is of a format no reader knows."""
    from timeline.read import unknown_formats

    messages = unknown_formats(paths)
    if messages:
        raise click.UsageError("\n".join(printable(m) for m in messages))


def checked_published(published: str | None, problems: list[Problem]) -> str | None:
    """--published as EDTF: as given when it is EDTF, else read as a person writes a date ('June 5, 2015',
    '5 juin 2015', at the precision written); None with a problem (the texts' own dates are used
    instead), shown at once, when it is neither."""
    from timeline.dates import EdtfError, parse
    from timeline.extract.timex.typed import read_date

    if published is None:
        return None
    try:
        parse(published)
        return published.strip()
    except EdtfError as exc:
        written = read_date(published)
        if written is not None:
            return written
        problems.append(Problem(f"--published: {exc}; ignored, reference dates are taken from the texts"))
        click.echo(f"error: {printable(problems[-1].message)}", err=True)
        return None


def finish(problems: list[Problem], quiet: bool) -> None:
    """Report reading problems on stderr (the --published one was shown already); exit 1 if anything was
    skipped or wrong."""
    errors = [p for p in problems if not p.warning]
    for problem in problems:
        if (problem.warning and quiet) or (problem.file is None and problem.message.startswith("--published")):
            continue
        click.echo(printable(str(problem)), err=True)
    if errors:
        click.echo(f"{len(errors)} problem(s); the rest was processed.", err=True)
        sys.exit(1)
