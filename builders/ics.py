"""iCalendar export: one all-day VEVENT per event dated to the day, for a course or class calendar.

    timeline export ics -o events.ics

A calendar needs days: an event dated 1997-06-27 (or a day-to-day interval such as
2019-01-02/2019-01-05) becomes an all-day event, DTSTART;VALUE=DATE and DTEND the day after its last
day (RFC 5545 3.6.1); an event dated to a month, season, year or less is left out, and the builder's
notes say how many. SUMMARY is the title, DESCRIPTION the date as a reader writes it, the summary, the
editor's note, every citation with its source and the disputes; UID is the event id, so re-importing
the file updates events instead of doubling them. Text is escaped (RFC 5545 3.3.11) after control
characters are dropped and every kind of line break made a newline, lines are folded at 75 octets
without splitting a character, and lines end in CRLF: nothing in the store can add a property or
end an event. DTSTAMP is the build time, or SOURCE_DATE_EPOCH when set (reproducible output).
"""
from __future__ import annotations

import os
import re
from datetime import date, datetime, timedelta, timezone

from timeline import dates
from timeline.display import display
from timeline.schema import Citation, Event, Store
from . import BuildContext, Builder
from .citing import claim_value, quote_body

PRODID = "-//annotated-timeline//timeline export ics//EN"
UID_DOMAIN = "annotated-timeline"
_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): controls dropped, line breaks as \\n, backslash ; , escaped."""
    value = _CONTROL.sub("", _BREAKS.sub("\n", value))
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded to 75 octets a line (RFC 5545 3.1), never inside a UTF-8 character."""
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, 74  # a continuation line starts with a space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def day_span(edtf: str) -> tuple[date, date] | None:
    """The first and last day of a date stated to the day (or a day-to-day interval), else None."""
    parts = edtf.split("/")
    if any(p in ("", "..") for p in parts) or not all(dates.parse(p).precision == "day" for p in parts):
        return None
    value = dates.parse(edtf)
    if value.lower is None or value.upper is None:
        return None
    return value.lower, value.upper


def _citation(citation: Citation, store: Store) -> str:
    source = store.source(citation.source)
    where = [source.title or source.id] if source else [citation.source]
    if source and source.publisher:
        where.append(source.publisher)
    if source and source.published:
        where.append(display(source.published))
    if source and source.url:
        where.append(source.url)
    return f"\u201c{quote_body(citation.quote)}\u201d \u2014 {', '.join(where)}"


def description(event: Event, store: Store) -> str:
    """The event's text as plain lines: date, summary, note, sources, disputes."""
    lines = [display(event.date)]
    lines += [event.summary] if event.summary else []
    lines += [f"Note: {event.note}"] if event.note else []
    lines += ["", "Sources:"] + [f"- {_citation(c, store)}" for c in event.citations]
    for dispute in event.disputes:
        lines += ["", f"Disputed: {dispute.description}"]
        for claim in dispute.claims:
            lines += [f"- {claim_value(dispute, claim)}: " + "; ".join(_citation(c, store) for c in claim.citations)]
            lines += [f"  {claim.note}"] if claim.note else []
    return "\n".join(lines)


def vevent(event: Event, store: Store, span: tuple[date, date], stamp: str) -> list[str]:
    """The content lines of one all-day event."""
    first, last = span
    status = " (candidate, not yet reviewed)" if event.status == "candidate" else ""
    lines = ["BEGIN:VEVENT", f"UID:{event.id}@{UID_DOMAIN}", f"DTSTAMP:{stamp}",
             f"DTSTART;VALUE=DATE:{first:%Y%m%d}", f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}",
             f"SUMMARY:{escape_text(event.title + status)}", f"DESCRIPTION:{escape_text(description(event, store))}"]
    label = next((lane.label for lane in store.lanes if lane.id == event.lane), None)
    if label:
        lines.append(f"CATEGORIES:{escape_text(label)}")
    return lines + ["END:VEVENT"]


def calendar(store: Store, review: bool = False, now: datetime | None = None) -> tuple[str, int]:
    """The whole calendar, and how many of the chosen events were left out for not being day-precise."""
    stamp = f"{(now or build_time()).astimezone(timezone.utc):%Y%m%dT%H%M%SZ}"
    chosen = [e for e in store.events if review or e.status != "candidate"]
    placed = [(e, span) for e in chosen if (span := day_span(e.date)) is not None]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             f"NAME:{escape_text(store.title)}", f"X-WR-CALNAME:{escape_text(store.title)}"]
    for event, span in sorted(placed, key=lambda pair: (pair[1], pair[0].id)):
        lines += vevent(event, store, span, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines), len(chosen) - len(placed)


def build_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that a rebuild of the same store gives the same file."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)


class IcsBuilder(Builder):
    """iCalendar (.ics): the events dated to the day, as all-day events with their sources."""

    name = "ics"
    suffix = ".ics"
    epilog = "iCalendar: one all-day event per event dated to the day; events dated less precisely are left out."

    def __init__(self, context: BuildContext) -> None:
        super().__init__(context)
        self.notes: list[str] = []  # what the user should know about the last render (stderr)

    def render(self) -> bytes:
        text, left_out = calendar(self.store, review=bool(self.options.get("review")), now=self.options.get("now"))
        self.notes = [f"{left_out} events are not dated to the day and are left out of the calendar"] if left_out else []
        return text.encode("utf-8")  # bytes: the CRLF line ends reach the file and stdout untranslated
