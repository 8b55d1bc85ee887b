"""An event as a JSON-ready record (the keys of timeline.schema.Event): its date (a span when its best
mention tells of a happening that lasted), title, summary, citations (its coarser restatements in other
documents last) and date dispute, from its group of mentions; its id is made from its date and title (slug) and made
unique among the events in the order of importance (timeline.extract.partitions.assemble)."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from timeline.extract.candidates import Mention
from timeline.extract.groups import Group

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")


def record_of(group: Group, ordered: list[Mention], value: float) -> tuple[str, dict[str, Any]]:
    """(the id it would like, the record): `ordered` are its mentions, best first; the id is set and
    figure disputes are added when every event is known."""
    best = ordered[0]
    title = best.title[:200] or best.quote[:80]
    date = span(group.date, best)
    return slug(date, title), {
        "id": "",
        "date": date,
        "title": title,
        "summary": _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(best.quote.split())),
        "importance": value,
        "status": "candidate",
        "citations": [_citation(m) for m in ordered + group.echo_mentions],
        "disputes": [_date_dispute(group, ordered)] if group.rivals else [],
    }


def span(date: str, best: Mention) -> str:
    """The event's date: a span from its date when its best mention tells of a happening that lasted."""
    return f"{date}/{best.until}" if best.until and best.date == date else date


def slug(date: str, title: str, words: int = 6) -> str:
    """A readable id from date and title: '2015-05-09-ministry-announces-amnesty'."""
    parts = re.findall(r"[a-z0-9]+", (date + " " + " ".join(title.split()[:words])).lower())
    return "-".join(parts)[:100].strip("-") or "event"


def _citation(m: Mention) -> dict[str, Any]:
    return {"source": m.source, "quote": m.quote, "offset": m.offset}


def _date_dispute(group: Group, ordered: list[Mention]) -> dict[str, Any]:
    by_date: dict[str, list[Mention]] = defaultdict(list)
    for m in group.rivals:
        by_date[m.date].append(m)
    claims = [{"value": group.date, "citations": [_citation(m) for m in ordered]}]
    claims += [{"value": d, "citations": [_citation(m) for m in ms]} for d, ms in sorted(by_date.items())]
    return dict(about="date", description=f"When did it happen: {group.date} or {' or '.join(sorted(by_date))}?", claims=claims)
