"""The schema in a real editor: yaml-language-server (VS Code's YAML extension) over LSP flags the common
mistakes in events.yaml and completes lane and source ids from `timeline schema --store`."""
from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from timeline.cli import cli

REPO = Path(__file__).resolve().parent.parent
SERVER = REPO / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
ROOT = Path(__file__).parent / "roots" / "store-basic"

pytestmark = pytest.mark.skipif(not SERVER.exists() or not shutil.which("node"),
                                reason="yaml-language-server not installed (npm ci)")


class Server:
    """A yaml-language-server process spoken to over stdio with LSP's Content-Length framing."""

    def __init__(self, root: Path) -> None:
        self.proc = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.notes: list[dict[str, Any]] = []
        self.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {
            "textDocument": {"completion": {"completionItem": {"snippetSupport": False}}}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": {
            "validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}}})

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def receive(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        length = 0
        while (line := self.proc.stdout.readline().strip()):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        message: dict[str, Any] = json.loads(self.proc.stdout.read(length))
        return message

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")
            if "id" in message and "method" in message:  # a request from the server: answer it
                self.send({"id": message["id"], "result": self.answer(message)})
            else:
                self.notes.append(message)

    def answer(self, message: dict[str, Any]) -> Any:
        """As VS Code does: the schema file's text (the server asks its client for files), settings."""
        if message["method"] == "custom/schema/request":
            uri = message["params"][0] if isinstance(message["params"], list) else message["params"]
            return Path(uri.removeprefix("file://")).read_text(encoding="utf-8")
        if message["method"] == "workspace/configuration":
            return [{"validate": True, "completion": True, "hover": True}] * len(message["params"]["items"])
        return None

    def diagnostics(self, uri: str, timeout: float = 30.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for note in self.notes:
                if note.get("method") == "textDocument/publishDiagnostics" and note["params"]["uri"] == uri:
                    self.notes.remove(note)
                    return list(note["params"]["diagnostics"])
            self.request("workspace/symbol", {"query": ""})  # lets pending notifications arrive
        raise AssertionError("no diagnostics published")

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT, tmp_path / "project")
    project = tmp_path / "project"
    text = (project / "events.yaml").read_text(encoding="utf-8")
    (project / "events.yaml").write_text("# yaml-language-server: $schema=./events.schema.json\n" + text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["schema", "--store", str(project / "events.yaml"), "-o", str(project / "events.schema.json")])
    assert result.exit_code == 0, result.output
    return project


@pytest.fixture
def server(project: Path) -> Any:
    s = Server(project)
    yield s
    s.close()


def open_doc(server: Server, path: Path, text: str) -> str:
    uri = path.as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    return uri


def flagged_lines(server: Server, project: Path, edit: tuple[str, str]) -> set[int]:
    text = (project / "events.yaml").read_text(encoding="utf-8")
    assert edit[0] in text
    uri = open_doc(server, project / "events.yaml", text.replace(edit[0], edit[1], 1))
    return {d["range"]["start"]["line"] for d in server.diagnostics(uri)}


def line_of(project: Path, needle: str) -> int:
    return (project / "events.yaml").read_text(encoding="utf-8").split("\n").index(next(
        line for line in (project / "events.yaml").read_text(encoding="utf-8").split("\n") if needle in line))


def test_the_store_as_shipped_has_no_diagnostic(server: Server, project: Path) -> None:
    uri = open_doc(server, project / "events.yaml", (project / "events.yaml").read_text(encoding="utf-8"))
    assert server.diagnostics(uri) == []


@pytest.mark.parametrize("bad", ['"1997-13"', '"June 1997"', '"1997-02-30"', '"1997-0X"'])
def test_a_date_that_is_not_edtf_is_flagged_on_its_line(server: Server, project: Path, bad: str) -> None:
    line = line_of(project, 'date: "1997-06-27"')
    assert line in flagged_lines(server, project, ('date: "1997-06-27"', f"date: {bad}"))


def test_an_unknown_lane_or_source_is_flagged(server: Server, project: Path) -> None:
    text = (project / "events.yaml").read_text(encoding="utf-8")
    source_line = text.split("\n").index(next(x for x in text.split("\n") if "source: article" in x))
    edited = text.replace("source: article", "source: artcle", 1)
    uri = open_doc(server, project / "events.yaml", edited)
    assert source_line in {d["range"]["start"]["line"] for d in server.diagnostics(uri)}


def test_lane_completes_to_the_store_lanes(server: Server, project: Path) -> None:
    text = (project / "events.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = lines.index(next(x for x in lines if 'date: "1997-06-27"' in x))
    lines.insert(at + 1, "    lane: ")
    uri = open_doc(server, project / "events.yaml", "\n".join(lines))
    result = server.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                        "position": {"line": at + 1, "character": 10}})
    items = result["items"] if isinstance(result, dict) else result
    assert {"peace", "amnesty"} <= {item["label"] for item in items}, items


def test_a_store_the_tool_creates_has_no_diagnostic(tmp_path: Path) -> None:
    """`extract --into` a new file writes the schema line first and quotes dates: the editor finds nothing to flag."""
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "article.txt").write_text("On 3 March 2001 the parliament adopted a new constitution.\n", encoding="utf-8")
    store = tmp_path / "events.yaml"
    runner = CliRunner()
    result = runner.invoke(cli, ["extract", str(tmp_path / "new"), "--into", str(store), "--published", "2017-09-28"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["schema", "--store", str(store), "-o", str(tmp_path / "events.schema.json")])
    assert result.exit_code == 0, result.output
    text = store.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./events.schema.json\n") and 'date: "2001-03-03"' in text
    server = Server(tmp_path)
    try:
        assert server.diagnostics(open_doc(server, store, text)) == []
        bad = open_doc(server, tmp_path / "other.yaml", text.replace('date: "2001-03-03"', 'date: "2001-13"'))
        assert server.diagnostics(bad) != []  # the schema is in force: a wrong date is flagged
    finally:
        server.close()
