"""`timeline review`: list candidates with their quotes, then accept, reject, merge or split them."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from timeline.cli.completion import complete_candidate_id, complete_event_id, complete_lane_id, complete_source_id

STORE = click.Path(path_type=Path, dir_okay=False)
F = TypeVar("F", bound=Callable[..., Any])


def _store_option(func: F) -> F:
    return click.option("-s", "--store", "store", default="events.yaml", show_default=True, type=STORE,
                        help="The events file to edit.")(func)


@click.group()
def review() -> None:
    """Review extracted candidates: list them, then accept, reject, merge or split.

    Every edit keeps the rest of the file byte for byte (comments, order, quoting) and is written
    atomically under a lock.

    \b
    Examples:
      timeline review list events.yaml
      timeline review accept 2015-05-amnesty --title "Amnesty offered to returning fighters"
      timeline review reject 2015-05-interior-ministry --reason "not an event"
      timeline review merge peace-accord 1997-06-28-dushanbe
      timeline review split 2019-repatriation --citation 2 --citation 3
      timeline review refresh            # after editing a source file
      timeline review offsets fix        # set every citation offset from its quote
    """


@review.command("list")
@click.argument("store", default="events.yaml", type=STORE)
@click.option("--all", "show_all", is_flag=True, help="Also list reviewed events.")
def list_command(store: Path, show_all: bool) -> None:
    """List the candidates of STORE (default events.yaml) with their numbered quotes.

    \b
    Example:
      timeline review list events.yaml --all
    """
    from timeline.display import display
    from timeline.curate import candidates, short
    from timeline.store import load_store

    data, _doc = load_store(store)
    events = data.events if show_all else candidates(data)
    total = len(candidates(data))
    click.echo(f"{store}: {total} candidate(s), {len(data.events) - total} reviewed")
    for event in events:
        lane = f"  [{event.lane}]" if event.lane else ""
        mark = "" if event.status == "candidate" else "  (reviewed)"
        click.echo(_shown(f"\n{event.id}  {display(event.date)}{lane}{mark}"))
        click.echo(f"  {short(event.title)}")
        for n, citation in enumerate(event.citations, 1):
            click.echo(_shown(f"  {n}. {citation.source}@{citation.offset}: \u201c{short(citation.quote, 200)}\u201d"))
        for dispute in event.disputes:
            click.echo(f"  disputed: {short(dispute.description)}")


@review.command()
@click.argument("event_id", metavar="ID", shell_complete=complete_candidate_id)
@click.option("--title", help="A new title (subject, verb, object).")
@click.option("--lane", help="Put it in this lane (an id from lanes).", shell_complete=complete_lane_id)
@_store_option
def accept(event_id: str, title: str | None, lane: str | None, store: Path) -> None:
    """Mark event ID reviewed, optionally with a new title and lane.

    \b
    Example:
      timeline review accept 2015-05-amnesty --title "Amnesty offered to returning fighters" --lane amnesty
    """
    from timeline.curate import accept as do_accept

    event = do_accept(store, event_id, title=title, lane=lane)
    click.echo(_shown(f"{store}: accepted {event.id}: {event.title}"))


@review.command()
@click.argument("event_id", metavar="ID", shell_complete=complete_event_id)
@click.option("--reason", help="Why (kept in the store under rejected:).")
@_store_option
def reject(event_id: str, reason: str | None, store: Path) -> None:
    """Remove event ID and remember it, so that extraction does not bring it back.

    \b
    Example:
      timeline review reject 2015-05-interior-ministry --reason "not an event"
    """
    from timeline.curate import reject as do_reject

    item = do_reject(store, event_id, reason)
    click.echo(_shown(f"{store}: rejected {event_id} (remembered as {item.key})"))


@review.command()
@click.argument("keep_id", metavar="ID1", shell_complete=complete_event_id)
@click.argument("other_id", metavar="ID2", shell_complete=complete_event_id)
@_store_option
def merge(keep_id: str, other_id: str, store: Path) -> None:
    """Move the citations and disputes of ID2 into ID1, then remove ID2.

    \b
    Example:
      timeline review merge peace-accord 1997-06-28-dushanbe
    """
    from timeline.curate import merge_events

    event = merge_events(store, keep_id, other_id)
    click.echo(_shown(f"{store}: merged {other_id} into {keep_id} ({len(event.citations)} citations)"))


@review.command()
@click.argument("event_id", metavar="ID", shell_complete=complete_event_id)
@click.option("-c", "--citation", "numbers", type=int, multiple=True, required=True,
              help="Number of a citation to move (as `timeline review list` numbers them); repeat for several.")
@click.option("--id", "new_id", help="Id of the new event (default: ID-2).")
@click.option("--title", help="Title of the new event (default: ID's title).")
@click.option("--date", help="EDTF date of the new event (default: ID's date).")
@_store_option
def split(event_id: str, numbers: tuple[int, ...], new_id: str | None, title: str | None, date: str | None, store: Path) -> None:
    """Move some citations of ID into a new candidate event placed right after it.

    \b
    Example:
      timeline review split 2019-repatriation --citation 2 --citation 3
    """
    from timeline.curate import split_event

    event = split_event(store, event_id, list(numbers), new_id=new_id, title=title, date=date)
    click.echo(_shown(f"{store}: split {len(event.citations)} citation(s) of {event_id} into {event.id}"))


@review.command()
@click.argument("source_ids", metavar="[SOURCE]...", nargs=-1, shell_complete=complete_source_id)
@_store_option
def refresh(source_ids: tuple[str, ...], store: Path) -> None:
    """After source files changed: move citations to their quotes' new offsets and update the hashes.

    Without SOURCE, every source whose file changed. Quotes that are gone or ambiguous are listed as
    file:line, their source keeps its old hash (so `timeline check` still flags it), and the exit code is 1.

    \b
    Example:
      timeline review refresh -s events.yaml
    """
    from timeline.curate import refresh_sources

    report = refresh_sources(store, list(source_ids) or None)
    for line in report.lines(store):
        click.echo(_shown(line))
    if report.stale:
        raise SystemExit(1)


@review.group()
def offsets() -> None:
    """Citation offsets: find a quote in a source, hash a source, check or fix every citation's offset.

    \b
    Examples:
      timeline review offsets find sources/article.txt "set up on May 9"
      timeline review offsets hash sources/archive.txt --segment 20 1649
      timeline review offsets check -s events.yaml
      timeline review offsets fix -s events.yaml
    """


SEGMENT = click.option("--segment", type=int, nargs=2, metavar="START END", help="Only this [START, END) range of the file.")


@offsets.command("find")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("quote")
@SEGMENT
def find_command(file: Path, quote: str, segment: tuple[int, int] | None) -> None:
    """Print every offset where QUOTE occurs in FILE and the exact text there (exit 1 when none).

    Typographic quotes, dashes and runs of white space in QUOTE need not match the file exactly.

    \b
    Example:
      timeline review offsets find sources/article.txt "set up on May 9"
    """
    from timeline.curate.offsets import find_all

    matches = find_all(_source_text(file), quote, segment)
    for offset, exact in matches:
        click.echo(f"{offset}\t{_shown(exact)}")
    if not matches:
        raise SystemExit(1)


@offsets.command("hash")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@SEGMENT
def hash_command(file: Path, segment: tuple[int, int] | None) -> None:
    """Print the sha256 to put in FILE's source entry (of the segment, when given).

    \b
    Example:
      timeline review offsets hash sources/archive.txt --segment 20 1649
    """
    from timeline.sources import text_hash

    text = _source_text(file)
    click.echo(text_hash(text[segment[0]:segment[1]] if segment else text))


@offsets.command("check")
@_store_option
def check_command(store: Path) -> None:
    """List the citations whose offset or quote `fix` would change, writing nothing (exit 1 when any).

    \b
    Example:
      timeline review offsets check -s events.yaml
    """
    _fix(store, dry_run=True)


@offsets.command("fix")
@_store_option
def fix_command(store: Path) -> None:
    """Set every citation's offset to where its quote is (and fix typographic drift in one-line quotes).

    Quotes that cannot be found are listed as file:line and left alone; the exit code is then 1.

    \b
    Example:
      timeline review offsets fix -s events.yaml
    """
    _fix(store, dry_run=False)


def _fix(store: Path, dry_run: bool) -> None:
    from timeline.curate.offsets import fix_offsets

    report = fix_offsets(store, dry_run=dry_run)
    for line in report.lines(store, dry_run):
        click.echo(_shown(line), err=True)
    if report.problems or (dry_run and report.changes):
        raise SystemExit(1)


def _source_text(file: Path) -> str:
    from timeline.errors import TimelineError
    from timeline.read.safe import read_source_file

    try:
        return read_source_file(file)
    except (OSError, UnicodeDecodeError) as exc:
        raise TimelineError.at(f"cannot read as UTF-8 text: {getattr(exc, 'strerror', None) or exc}", file) from None


def _shown(text: str) -> str:
    from timeline.terminal import printable

    return printable(text)
