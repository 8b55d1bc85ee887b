"""`timeline extract`: dated happenings in the sources, merged across documents, ranked, cited."""
from __future__ import annotations

import json
import sys
import os
from collections.abc import Iterable
from typing import IO, Any

import click

from timeline.cli.reading import (check_formats, checked_published, check_runner, finish, jobs_option, on_cluster, reading_options,
                                  scheduler_option)
from timeline.terminal import one_line


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@reading_options()
@click.option("--top", type=click.IntRange(min=0), metavar="N", help="Keep only the N most important events.")
@jobs_option()
@scheduler_option()
@click.option("--json", "as_json", is_flag=True, help='Print {"sources": [...], "events": [...]} as JSON.')
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no warnings on stderr (errors are still shown).")
@click.option("--into", metavar="STORE", type=click.Path(dir_okay=False),
              help="Add the candidates to STORE (e.g. events.yaml; created if missing) instead of printing them; reviewed events and hand edits are never changed.")
def extract(paths: tuple[str, ...], published: str | None, mode: str, date_order: str | None, top: int | None, jobs: int,
            scheduler: Any, as_json: bool, quiet: bool, into: str | None) -> None:
    """Find the dated happenings in PATH... (.txt, .md, .html files, directories, .jsonl corpora).

    Each happening becomes one candidate event with every sentence that reports it (quote and
    offset), merged across documents, with disagreements on dates or figures kept as disputes, and
    an importance (higher = more worth showing). Unreadable inputs are reported on stderr, the rest
    is processed, and the exit code is 1.

    \b
    Examples:
      timeline extract sources/
      timeline extract sources/ --top 20 --json > candidates.json
      timeline extract corpus.jsonl --jobs 2 --json
      timeline extract 'shards/*.jsonl' --scheduler tcp://scheduler:8786 --json
      timeline extract new-articles/ --into events.yaml
    """
    from timeline.errors import Problem
    from timeline.extract.events import extract as run

    check_formats(paths)
    check_runner(jobs, scheduler)
    if into is not None and scheduler is not None:
        raise click.UsageError("--into reads every source's text on this machine; extract with --scheduler --json, or without --scheduler")
    problems: list[Problem] = []
    if into is not None and os.path.exists(into):
        from timeline.curate import read_for_edit

        read_for_edit(into)  # refuse an invalid store before the long work (the edit starts from this reading)
    published = checked_published(published, problems)
    progress = False if quiet else None

    def write(result: Any) -> None:
        if as_json:
            write_json(to_json(result), sys.stdout)
        else:
            write_listing(result, sys.stdout)
        sys.stdout.flush()

    if scheduler is not None:  # printed while the records come from the workers
        from timeline.distributed.run import extract_streaming

        on_cluster(lambda: extract_streaming(paths, scheduler, write, published=published, top=top, problems=problems,
                                             progress=progress, mode=mode, date_order=date_order))
        finish(problems, quiet)
        return
    result = run(paths, published=published, top=top, jobs=jobs, problems=problems, progress=progress, mode=mode,
                 date_order=date_order)
    if into is not None:
        from timeline.curate import merge_extraction

        click.echo("\n".join(merge_extraction(into, result, progress=False if quiet else None).lines()))
    else:
        write(result)
    finish(problems, quiet)


def write_json(data: dict[str, Any], out: IO[str]) -> None:
    """One source or event per line (readable, diffable), each written as it comes (the output is never
    held whole), with the C encoder (fast)."""
    out.write('{"sources": [')
    _write_lines(data["sources"], out)
    out.write('\n],\n"events": [')
    _write_lines(data["events"], out)
    out.write("\n]}\n")


def _write_lines(items: Iterable[dict[str, Any]], out: IO[str]) -> None:
    for i, item in enumerate(items):
        out.write(("\n " if i == 0 else ",\n ") + json.dumps(item, ensure_ascii=False))


def to_json(result: Any) -> dict[str, Any]:
    """The command's JSON contract: sources and events (with disputes and status as extra keys); each
    list is made as it is read."""
    sources = (
        {"id": d.id, "path": d.path, "title": d.title, "publisher": d.publisher, "published": d.published,
         "published_basis": d.published_basis, "published_note": d.published_note,
         **({"segment": [d.start, d.stop]} if d.start or d.end is not None else {})}
        for d in result.documents
    )
    return {"sources": sources, "events": result.records}


def _shown(date: str) -> str:
    """A date as a reader writes it ('9 May 2015'); the EDTF text when it has no reader's form."""
    from timeline.display import display

    return display(date)  # no re-validation: the engine made it


def write_listing(result: Any, out: IO[str]) -> None:
    """A readable list: date, importance, title, then one line per citation."""
    out.write(f"{len(result.events)} events from {len(result.documents)} documents\n")
    for event in result.events:
        out.write(f"\n{_shown(event.date):<20} {event.importance:>6.2f}  {one_line(event.title)}\n")
        for c in event.citations:
            out.write(f"    {one_line(c.source)}@{c.offset}: {one_line(c.quote, 110)}\n")
        for dispute in event.disputes:
            sides = "; ".join(f"{claim.value} ({len(claim.citations)})" for claim in dispute.claims)
            out.write(f"    disputed {dispute.about}: {one_line(sides)}\n")
