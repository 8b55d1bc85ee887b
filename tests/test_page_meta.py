"""The page's metadata for search engines and link previews: schema.org JSON-LD and <meta>/Open Graph tags."""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from timeline.builders.html import render_html
from timeline.check import check_store

ROOTS = Path(__file__).parent / "roots"


class _Head(HTMLParser):
    """The <meta> tags and the ld+json blocks of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta[a.get("name") or a.get("property") or ""] = a.get("content") or ""
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        self._in_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.ld.append(data)


def parsed(root: str, **options):
    store, texts, _ = check_store(ROOTS / root / "events.yaml")
    page = render_html(store, texts, {"review": True, **options})
    head = _Head()
    head.feed(page)
    return store, page, head


def test_meta_description_and_open_graph(roots):
    store, page, head = parsed("page-basic")
    assert head.meta["description"] == " ".join(store.description.split())
    assert head.meta["og:title"] == store.title
    assert head.meta["og:description"] == head.meta["description"]
    assert head.meta["og:type"] == "website"
    assert page.index('name="description"') < page.index("</head>")


def test_json_ld_is_an_item_list_of_events(roots):
    store, _page, head = parsed("page-basic")
    assert len(head.ld) == 1
    data = json.loads(head.ld[0])
    assert data["@context"] == "https://schema.org" and data["@type"] == "ItemList"
    assert data["name"] == store.title and data["numberOfItems"] == len(data["itemListElement"]) == 7
    iso = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    for n, element in enumerate(data["itemListElement"], 1):
        assert element["@type"] == "ListItem" and element["position"] == n
        event = element["item"]
        assert event["@type"] == "Event" and event["name"] and event["url"].startswith("#")
        assert iso.match(event["startDate"]), event["startDate"]
        assert "endDate" not in event or (iso.match(event["endDate"]) and event["endDate"] >= event["startDate"])
        for work in event.get("citation", []):
            assert isinstance(work, str) and work or (work["@type"] == "CreativeWork" and work["name"]
                                                       and work["url"].startswith(("https://", "http://")))
    by_url = {e["item"]["url"]: e["item"] for e in data["itemListElement"]}
    storm = by_url["#storm-2019"]
    assert storm["startDate"] == "2019-05-14" and storm["description"]
    assert {"@type": "CreativeWork", "name": "Harbor Gazette, Council votes to rebuild harbour wall", "url": "https://example.org/gazette/harbour-wall"} in storm["citation"]
    assert any("endDate" in e for e in by_url.values()), "an interval has an end"


def test_json_ld_cannot_break_out_of_its_script(roots):
    _store, page, head = parsed("page-hostile")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert not re.search("[<>&\u2028\u2029]", block)
    data = json.loads(head.ld[0])
    names = [e["item"]["name"] for e in data["itemListElement"]]
    assert any("<" in name for name in names), "the hostile titles are there, as data"


def test_meta_tags_escape_hostile_titles(roots):
    store, page, head = parsed("page-hostile")
    assert head.meta["og:title"] == store.title
    tag = re.search(r'<meta property="og:title" content="([^"]*)">', page).group(1)
    assert "<" not in tag and html.unescape(tag) == store.title


def test_csp_is_unchanged_by_the_json_ld(roots):
    """ld+json is data, never run: the policy still allows only the page's own script hashes."""
    _store, page, _head = parsed("page-basic")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    scripts = re.search(r"script-src ([^;]*)", html.unescape(policy)).group(1).split()
    assert len(scripts) == 2 and all(s.startswith("'sha256-") for s in scripts)  # page script and plotly.js
