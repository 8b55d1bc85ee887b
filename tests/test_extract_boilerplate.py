"""Page furniture is not content: HTML asides, figures, captions, footers, navigation, related and
most-read lists, bylines and correction notices give no events (invented pages, general markup)."""
from __future__ import annotations

from pathlib import Path

from timeline.extract.events import extract
from timeline.read.html_text import html_text

STORY = "<p>The city council approved the new river bridge on 2 May 2019 after a long debate.</p>"


def _page(body: str) -> str:
    return f"<html><head><title>Bridge</title></head><body>{body}</body></html>"


def _dates(tmp_path: Path, raw: str) -> list[str]:
    path = tmp_path / "page.html"
    path.write_text(raw, encoding="utf-8")
    return sorted(e.date for e in extract([path]).events)


def test_furniture_elements_are_blanked_and_offsets_kept() -> None:
    raw = _page("<nav><a>Home</a> 1 March 2019</nav><aside>Opinion poll closed on 3 March 2019.</aside>" + STORY
                + "<figure><img src='a.jpg'><figcaption>The old bridge was closed in 2010.</figcaption></figure>"
                + "<footer>Last updated 5 May 2019. All rights reserved.</footer>")
    text = html_text(raw)
    assert len(text) == len(raw)
    assert " ".join(text.split()) == "The city council approved the new river bridge on 2 May 2019 after a long debate."


def test_furniture_named_by_class_or_id_is_dropped_with_nested_elements(tmp_path: Path) -> None:
    raw = _page("<article><p class='story-byline'>By Ann Lee, updated 4 May 2019</p>" + STORY
                + "<div id='most-read'><div><a>Mayor resigns over expenses, 12 April 2019</a></div><div>Zoo reopens on 1 April 2019</div></div>"
                + "<section class='c-related-links'><ul><li>Floods hit the valley in June 2016</li></ul></section>"
                + "<p class=\"correction-note\">This article was amended on 6 May 2019 to correct a name.</p></article>")
    assert _dates(tmp_path, raw) == ["2019-05-02"]


def test_wrappers_and_modifier_classes_keep_their_content(tmp_path: Path) -> None:
    raw = f"<html><body class='sidebar-open'><main class='has-sidebar'><div class='with-comments'>{STORY}</div></main></body></html>"
    assert _dates(tmp_path, raw) == ["2019-05-02"]


def test_unclosed_furniture_runs_to_the_end_of_the_page() -> None:
    raw = "<p>The bridge opened on 2 May 2019.</p><aside><p>Storm on 4 May 2019"
    assert "4 May" not in html_text(raw) and "2 May" in html_text(raw)


def test_correction_notices_and_template_stamps_in_plain_text_are_not_events(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The city council approved the new river bridge on 2 May 2019 after a long debate.\n\n"
                    "Correction: an earlier version of this story, published on 3 May 2019, gave the wrong vote count.\n"
                    "This article was amended on 6 May 2019 to correct the spelling of a councillor's name.\n"
                    "Page last modified on 7 May 2019 by the web team of the city press office.\n", encoding="utf-8")
    assert sorted(e.date for e in extract([path]).events) == ["2019-05-02"]
