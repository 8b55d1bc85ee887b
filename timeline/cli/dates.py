"""`timeline dates`: every date expression in the sources, with its EDTF value, offset and reference date."""
from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

import click

from timeline.cli.reading import (check_formats, checked_published, check_runner, finish, jobs_option, on_cluster, reading_options,
                                  scheduler_option)
from timeline.terminal import one_line, printable

if TYPE_CHECKING:
    from timeline.distributed.cluster import Scheduler
    from timeline.errors import Problem
    from timeline.extract.timex import Timex
    from timeline.read import Document

SPOOL_BYTES = 2 * 1024 * 1024  # per list; beyond this the JSON waits on disk


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@reading_options()
@jobs_option()
@scheduler_option()
@click.option("--json", "as_json", is_flag=True, help='Print {"sources": [...], "dates": [...]} as JSON.')
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no warnings on stderr (errors are still shown).")
def dates(paths: tuple[str, ...], published: str | None, mode: str, date_order: str | None, jobs: int,
          scheduler: Scheduler | None, as_json: bool, quiet: bool) -> None:
    """Find every date expression in PATH... (.txt, .md, .html files, directories, .jsonl corpora).

    Each document's reference date is --published when given; else a date stated in it (metadata,
    a dateline or byline, a date line at its end); else inferred from its latest explicit date.
    Unreadable inputs are reported on stderr, the rest is processed, and the exit code is 1.

    \b
    Examples:
      timeline dates sources/
      timeline dates sources/ --json > dates.json
      timeline dates corpus.jsonl --jobs 2 --json
      timeline dates 'shards/*.jsonl' --scheduler tcp://scheduler:8786 --json
      timeline dates article.txt --published 2015-06-05
    """
    from timeline.errors import Problem
    from timeline.extract.dating import find_dates

    check_formats(paths)
    check_runner(jobs, scheduler)
    problems: list[Problem] = []
    published = checked_published(published, problems)
    progress = False if quiet else None
    if scheduler is not None:
        from timeline.distributed.run import find_dates as on_cluster_dates

        results = on_cluster_dates(paths, scheduler, published=published, problems=problems, progress=progress, mode=mode,
                                   date_order=date_order)  # reading warnings are added on the workers
    else:
        results = _warned(find_dates(paths, published=published, jobs=jobs, problems=problems, progress=progress,
                                     skip_errors=True, mode=mode, date_order=date_order), problems)
    out = sys.stdout
    on_cluster(lambda: _write_json(results, out) if as_json else _write_table(results, out))
    finish(problems, quiet)


def _warned(results: Iterator[tuple[Document, list[Timex]]], problems: list[Problem]) -> Iterator[tuple[Document, list[Timex]]]:
    """The results, with what the reader must be told about each document added to problems."""
    from timeline.extract.dating import reading_warnings

    for doc, timexes in results:
        problems.extend(reading_warnings(doc, timexes))
        yield doc, timexes


def _write_json(results: Any, out: IO[str]) -> None:
    """Stream the contract's JSON with flat memory: both lists are spooled (to disk beyond SPOOL_BYTES),
    then printed sources first, dates second."""
    from timeline.extract.dating import date_record, source_record

    with _spool() as sources, _spool() as dates:
        counts = [0, 0]
        for doc, timexes in results:
            _append(sources, counts, 0, source_record(doc))
            for timex in timexes:
                _append(dates, counts, 1, date_record(doc, timex))
        out.write('{"sources": [')
        _copy(sources, out)
        out.write('\n],\n"dates": [')
        _copy(dates, out)
        out.write("\n]}\n")
    out.flush()


def _spool() -> IO[str]:
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8")


def _append(spool: IO[str], counts: list[int], which: int, record: dict[str, Any]) -> None:
    spool.write((",\n  " if counts[which] else "\n  ") + json.dumps(record, ensure_ascii=False))
    counts[which] += 1


def _copy(spool: IO[str], out: IO[str]) -> None:
    spool.seek(0)
    while chunk := spool.read(1 << 20):
        out.write(chunk)


def _write_table(results: Any, out: IO[str]) -> None:
    """A readable listing: one header per document, then offset, value and text of each date."""
    for doc, timexes in results:
        basis = f" ({doc.published_basis}: {doc.published_note})" if doc.published_basis else ""
        out.write(printable(f"\n{doc.id}  [{doc.path}]  published {doc.published or '?'}{basis}\n"))
        if doc.title:
            out.write(f"  {one_line(doc.title)}\n")
        for timex in timexes:
            out.write(f"  {timex.start:>8}  {timex.value:<16}  {one_line(timex.text)}\n")
        if not timexes:
            out.write("  (no dates)\n")
    out.flush()


