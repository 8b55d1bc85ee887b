"""events.yaml is read with safe_load semantics; every mistake comes back as file:line: message."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.errors import StoreError
from timeline.store import load_store, read_yaml

BASIC = Path(__file__).parent / "roots" / "store-basic" / "events.yaml"


def problems_for(tmp_path: Path, text: str | bytes) -> list[str]:
    """Write a store (with the scenario's sources beside it) and return the messages it raises."""
    target = tmp_path / "events.yaml"
    target.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    with pytest.raises(StoreError) as info:
        load_store(target)
    return [str(p) for p in info.value.problems]


def edited(old: str, new: str) -> str:
    text = BASIC.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_scenario_store_loads() -> None:
    store, doc = load_store(BASIC)
    assert [e.id for e in store.events] == ["peace-accord", "amnesty-offer"]
    assert store.events[1].disputes[0].claims[1].value == "2,000"
    assert doc.line(("events", 0, "date")) == line_of(BASIC.read_text(), 'date: "1997-06-27"')


def test_invalid_date_names_line_event_and_fix(tmp_path: Path) -> None:
    text = edited('date: "1997-06-27"', 'date: "27 June 1997"')
    [message] = problems_for(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'events.yaml'}:{line_of(text, '27 June 1997')}: ")
    assert "event 'peace-accord' date" in message and "2015-05" in message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = edited('date: "1997-06-27"', 'date: "1997-13"').replace('date: "2015-05"', 'date: "soon"')
    messages = problems_for(tmp_path, text)
    assert len(messages) == 2
    assert {int(m.split(":")[1]) for m in messages} == {line_of(text, "1997-13"), line_of(text, '"soon"')}


def test_unknown_source_id(tmp_path: Path) -> None:
    text = edited("- source: other-1", "- source: nowhere")
    [message] = problems_for(tmp_path, text)
    assert f":{line_of(text, 'nowhere')}:" in message and "unknown source 'nowhere'" in message


def test_duplicate_event_id(tmp_path: Path) -> None:
    text = edited("id: amnesty-offer", "id: peace-accord")
    [message] = problems_for(tmp_path, text)
    assert "duplicate event id 'peace-accord'" in message
    assert f"first at line {line_of(text, 'id: peace-accord')}" in message


def test_duplicate_yaml_key_is_refused_not_silently_kept(tmp_path: Path) -> None:
    text = edited("    lane: peace\n", "    lane: peace\n    lane: amnesty\n")
    [message] = problems_for(tmp_path, text)
    assert f":{line_of(text, 'lane: amnesty')}: duplicate key 'lane'" in message


def test_unknown_key_is_a_typo(tmp_path: Path) -> None:
    text = edited("    importance: 4\n", "    importance: 4\n    colour: red\n")
    [message] = problems_for(tmp_path, text)
    assert "unknown key 'colour'" in message and f":{line_of(text, 'colour')}:" in message


def test_wrong_type(tmp_path: Path) -> None:
    text = edited("    importance: 4\n", "    importance: very\n")
    [message] = problems_for(tmp_path, text)
    assert "importance" in message and f":{line_of(text, 'very')}:" in message


def test_missing_citations(tmp_path: Path) -> None:
    text = "events:\n  - id: a\n    date: '2015'\n    title: A\n"
    [message] = problems_for(tmp_path, text)
    assert ":2:" in message and "missing required key 'citations'" in message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("events: [1\n", 2, "YAML syntax error"),
        ("title: x\nevents:\n\t- id: a\n", 3, "tabs"),
        ("a: &a [x, x]\nb: [*a, *a]\n", 2, "aliases"),
        ("title: x\ntitle: y\n", 2, "duplicate key 'title'"),
        ("- just\n- a list\n", 1, "top level must be a mapping"),
        ("base: &b {title: x}\nother:\n  <<: *b\n", 3, "alias"),
    ],
)
def test_syntax_and_structure(tmp_path: Path, text: str, line: int, words: str) -> None:
    [message] = problems_for(tmp_path, text)
    assert f"events.yaml:{line}:" in message and words in message


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join(['*a%d' % (i - 1)] * 9)}]" for i in range(1, 10)]
    [message] = problems_for(tmp_path, "\n".join(lines) + "\n")
    assert "aliases" in message and ":2:" in message


def test_non_utf8_bytes_name_the_line(tmp_path: Path) -> None:
    [message] = problems_for(tmp_path, b"title: ok\ndescription: caf\xe9\n")
    assert "events.yaml:2:" in message and "0xe9" in message and "UTF-8" in message


def test_bom_and_windows_line_endings_are_fine(tmp_path: Path) -> None:
    text = BASIC.read_text(encoding="utf-8").replace("\n", "\r\n")
    target = tmp_path / "events.yaml"
    target.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    store, doc = load_store(target)
    assert store.title == "Test timeline" and len(store.events) == 2
    assert doc.line(("events", 0, "date")) == line_of(text, 'date: "1997-06-27"')


def test_unquoted_dates_stay_text_at_their_precision(tmp_path: Path) -> None:
    text = edited('date: "1997-06-27"', "date: 1997-06-27").replace('date: "2015-05"', "date: 2015-05")
    text = text.replace('date: "1992/1997"', "date: 1992/1997")
    target = tmp_path / "events.yaml"
    target.write_text(text, encoding="utf-8")
    store, _ = load_store(target)
    assert [e.date for e in store.events] == ["1997-06-27", "2015-05"]
    unquoted_year = edited('date: "1997-06-27"', "date: 1997")
    target.write_text(unquoted_year, encoding="utf-8")
    assert load_store(target)[0].events[0].date == "1997"


def test_empty_file_is_an_empty_store(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    target.write_text("# nothing yet\n", encoding="utf-8")
    store, _ = load_store(target)
    assert store.events == []


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="file not found"):
        read_yaml(tmp_path / "nope.yaml")


def test_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    with open(target, "wb") as handle:
        handle.truncate(65 * 1024 * 1024)
    with pytest.raises(StoreError, match="limited to 64 MiB"):
        load_store(target)


def test_messages_never_show_python_reprs(tmp_path: Path) -> None:
    text = edited('published_basis: stated\n    published_note: "dateline"', "published_basis: maybe")
    messages = problems_for(tmp_path, text)
    assert messages and all(not re.search(r"<class|Traceback|pydantic", m) for m in messages)
    assert any("'stated' or 'inferred'" in m for m in messages)
