"""`timeline review`: list candidates with their quotes, then accept, reject, merge or split them."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

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
        click.echo(f"\n{event.id}  {display(event.date)}{lane}{mark}")
        click.echo(f"  {short(event.title)}")
        for n, citation in enumerate(event.citations, 1):
            click.echo(f"  {n}. {citation.source}@{citation.offset}: \u201c{short(citation.quote, 200)}\u201d")
        for dispute in event.disputes:
            click.echo(f"  disputed: {short(dispute.description)}")


@review.command()
@click.argument("event_id", metavar="ID")
@click.option("--title", help="A new title (subject, verb, object).")
@click.option("--lane", help="Put it in this lane (an id from lanes).")
@_store_option
def accept(event_id: str, title: str | None, lane: str | None, store: Path) -> None:
    """Mark event ID reviewed, optionally with a new title and lane.

    \b
    Example:
      timeline review accept 2015-05-amnesty --title "Amnesty offered to returning fighters" --lane amnesty
    """
    from timeline.curate import accept as do_accept

    event = do_accept(store, event_id, title=title, lane=lane)
    click.echo(f"{store}: accepted {event.id}: {event.title}")


@review.command()
@click.argument("event_id", metavar="ID")
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
    click.echo(f"{store}: rejected {event_id} (remembered as {item.key})")


@review.command()
@click.argument("keep_id", metavar="ID1")
@click.argument("other_id", metavar="ID2")
@_store_option
def merge(keep_id: str, other_id: str, store: Path) -> None:
    """Move the citations and disputes of ID2 into ID1, then remove ID2.

    \b
    Example:
      timeline review merge peace-accord 1997-06-28-dushanbe
    """
    from timeline.curate import merge_events

    event = merge_events(store, keep_id, other_id)
    click.echo(f"{store}: merged {other_id} into {keep_id} ({len(event.citations)} citations)")


@review.command()
@click.argument("event_id", metavar="ID")
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
    click.echo(f"{store}: split {len(event.citations)} citation(s) of {event_id} into {event.id}")


@review.command()
@click.argument("source_ids", metavar="[SOURCE]...", nargs=-1)
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
        click.echo(line)
    if report.stale:
        raise SystemExit(1)
