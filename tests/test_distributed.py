"""`timeline dates|extract --scheduler`: on a Dask LocalCluster the --json output is byte-identical to one
process's, whatever the number of workers and the order shards finish in; reading problems, missing Dask
and bad addresses are reported as the user needs."""
from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from timeline.cli import cli

distributed = pytest.importorskip("distributed", reason="dask is not installed (pip install 'annotated-timeline[dask]')")

STORY = [
    "The ministry of water announced on 9 May 2015 that the Lorvane dam would close for repairs. Farmers protested.",
    "On 9 May 2015 the Lorvane dam was ordered closed for repairs by the ministry of water, angering farmers downstream.",
    "Engineers said on 12 May 2015 that repairs to the Lorvane dam would take until March 2016.",
    "The Lorvane dam reopened on 2 March 2016 after ten months of repairs, the ministry of water said.",
    "Farmers near Lorvane said the dam reopened on 4 March 2016, two days later than the ministry of water announced.",
    "Last week, 1,200 farmers marched to the capital to protest the closure of the Lorvane dam.",
    "In December 2014 the ministry of water first warned that the Lorvane dam needed repairs.",
    "The ministry of water warned in January 2015 that the Lorvane dam needed urgent repairs, officials recalled.",
]


def article(n: int, ident: str | None = None) -> str:
    text = STORY[n % len(STORY)]
    record: dict[str, Any] = {"id": ident or f"a{n}", "published": f"2016-0{1 + n % 6}-1{n % 9}", "text": text}
    if n % 3 == 0:
        record["publisher"] = ["Daily Lorvane", "Water Weekly"][n % 2]
    return json.dumps(record)


def write_corpus(root: Path, sizes: tuple[int, ...] = (3, 4, 2, 5)) -> list[str]:
    """Shards of invented articles in a folder tree: repeated ids across shards, a bad line, an empty text."""
    n = 0
    for s, size in enumerate(sizes):
        lines = [article(n + i, "dup" if i == 0 else None) for i in range(size)]
        if s == 1:
            lines.insert(1, "{not json")
            lines.append(json.dumps({"id": "empty", "text": " "}))
        n += size
        shard = root / ("sub" if s % 2 else ".") / f"part-{s:02d}.jsonl"
        shard.parent.mkdir(parents=True, exist_ok=True)
        shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(root)]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two worker processes, one thread each; its scheduler address is what --scheduler takes."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as made:
        yield made


@pytest.mark.parametrize("command", ["dates", "extract"])
def test_json_is_byte_identical_to_one_process_on_two_workers(tmp_path: Path, cluster: Any, command: str) -> None:
    paths = write_corpus(tmp_path)
    one = run(command, *paths, "--json")
    many = run(command, *paths, "--json", "--scheduler", cluster.scheduler_address)
    assert one.exit_code == many.exit_code == 1  # the bad line
    assert many.stdout == one.stdout and json.loads(many.stdout)["sources"]
    assert many.stderr == one.stderr  # the same problems, in the same order


def test_json_is_byte_identical_on_one_local_worker_started_by_the_command(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path, (2, 3))
    one = run("extract", *paths, "--json")
    assert run("extract", *paths, "--json", "--scheduler", "local:1").stdout == one.stdout
    assert json.loads(one.stdout)["events"]


def test_the_listing_without_json_is_the_same_as_one_process(tmp_path: Path, cluster: Any) -> None:
    paths = write_corpus(tmp_path)
    one = run("extract", *paths)
    many = run("extract", *paths, "--scheduler", cluster.scheduler_address)
    assert many.stdout == one.stdout and one.stdout.startswith(f"{len(json.loads(run('extract', *paths, '--json').stdout)['events'])} events")


def test_shards_that_finish_out_of_order_give_the_same_output(tmp_path: Path, cluster: Any) -> None:
    paths = write_corpus(tmp_path, (60,) + (1,) * 11)  # the first finishes last; more shards than are submitted at once
    one = run("extract", *paths, "--json", "--top", "5")
    assert run("extract", *paths, "--json", "--top", "5", "--scheduler", cluster.scheduler_address).stdout == one.stdout


def test_ids_repeated_across_shards_are_renamed_as_one_process_renames_them(tmp_path: Path, cluster: Any) -> None:
    paths = write_corpus(tmp_path)
    sources = json.loads(run("dates", *paths, "--json", "--scheduler", cluster.scheduler_address).stdout)["sources"]
    assert [s["id"] for s in sources if s["id"].startswith("dup")] == ["dup", "dup-2", "dup-3", "dup-4"]


def test_glob_patterns_name_shards(tmp_path: Path, cluster: Any) -> None:
    write_corpus(tmp_path)
    one = run("dates", str(tmp_path / "part-00.jsonl"), str(tmp_path / "sub" / "part-01.jsonl"), "--json")
    globbed = run("dates", str(tmp_path / "**" / "part-0[01].jsonl"), "--json", "--scheduler", cluster.scheduler_address)
    assert globbed.stdout == one.stdout and one.exit_code == 1


def test_a_shard_that_cannot_be_read_is_reported_as_one_process_reports_it(tmp_path: Path, cluster: Any) -> None:
    write_corpus(tmp_path, (2,))
    (tmp_path / "broken.jsonl").write_bytes(b'{"id": "x", "text": "caf\xe9"}\n')
    missing = str(tmp_path / "gone.jsonl")
    for command in ("dates", "extract"):
        one = run(command, str(tmp_path), missing)
        many = run(command, str(tmp_path), missing, "--scheduler", cluster.scheduler_address)
        assert (many.exit_code, many.stderr) == (one.exit_code, one.stderr)
        assert "broken.jsonl:1: not UTF-8" in many.stderr and f"{missing}: no such file" in many.stderr
        assert "Traceback" not in many.output


def test_progress_counts_documents_done_of_the_total_on_stderr(tmp_path: Path, cluster: Any, capsys: Any) -> None:
    from timeline.distributed.cluster import Scheduler
    from timeline.distributed.run import extract

    paths = write_corpus(tmp_path)
    seen: list[tuple[int, int]] = []
    extract(paths, Scheduler(cluster.scheduler_address), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (16, 16) and len(seen) == 4 and [d for d, _ in seen] == sorted(d for d, _ in seen)
    list(extract(paths, Scheduler(cluster.scheduler_address), progress=True).documents)
    assert "16/16" in capsys.readouterr().err


def test_other_formats_and_into_are_usage_errors(tmp_path: Path, cluster: Any) -> None:
    write_corpus(tmp_path, (2,))
    (tmp_path / "note.txt").write_text("On 9 May 2015 the dam closed.\n", encoding="utf-8")
    result = run("dates", str(tmp_path), "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 2 and "note.txt" in result.stderr and not result.stdout
    into = run("extract", str(tmp_path / "part-00.jsonl"), "--into", str(tmp_path / "e.yaml"), "--scheduler", "local:1")
    assert into.exit_code == 2 and not (tmp_path / "e.yaml").exists()
    both = run("extract", str(tmp_path / "part-00.jsonl"), "--jobs", "2", "--scheduler", "local:1")
    assert both.exit_code == 2 and "--jobs" in both.stderr


@pytest.mark.parametrize("address", ["8786", "tcp://", "http://host:8786", "local:0", "local:x", "tcp://host:99999"])
def test_a_malformed_address_is_a_usage_error(tmp_path: Path, address: str) -> None:
    result = run("extract", *write_corpus(tmp_path, (1,)), "--scheduler", address)
    assert result.exit_code == 2 and "--scheduler" in result.stderr and "Traceback" not in result.output


def test_missing_dask_is_explained_with_the_extra_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as when it is not installed
    for command in ("dates", "extract"):
        result = run(command, *write_corpus(tmp_path, (1,)), "--scheduler", "local:1", "--json")
        assert result.exit_code == 1 and "annotated-timeline[dask]" in result.stderr
        assert not result.stdout and "Traceback" not in result.output


def test_an_unreachable_scheduler_is_an_error_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("timeline.distributed.cluster.CONNECT_TIMEOUT", "1s")
    result = run("extract", *write_corpus(tmp_path, (1,)), "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 1 and "tcp://127.0.0.1:9" in result.stderr and "Traceback" not in result.output


def test_without_scheduler_dask_is_not_imported(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path, (1,))
    code = ("import sys\nfrom click.testing import CliRunner\nfrom timeline.cli import cli\n"
            f"r = CliRunner().invoke(cli, ['extract', {paths[0]!r}, '--json'])\n"
            "print(r.exit_code, sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "[]"]


def test_the_cross_document_stage_runs_as_tasks_none_of_which_receives_every_candidate(tmp_path: Path, cluster: Any,
                                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from dask.utils import key_split

    from timeline.distributed import crossdoc

    from timeline.extract.events import analyse_document
    from timeline.extract.merge import mention_year
    from timeline.extract.pipeline import map_documents

    paths = write_corpus(tmp_path)
    mentions = [m for _, found in map_documents(analyse_document, paths, problems=[], progress=False) for m in found.mentions]
    years = {mention_year(m) for m in mentions}
    monkeypatch.setattr(crossdoc, "PARTITION_MENTIONS", 1)  # a partition per year of this small corpus
    monkeypatch.setattr(crossdoc, "CHUNK", 2)  # the client takes the output 2 events at a time from each partition
    with distributed.Client(cluster) as client, distributed.get_task_stream(client) as stream:
        one = run("extract", *paths, "--json").stdout
        assert run("extract", *paths, "--json", "--scheduler", cluster.scheduler_address).stdout == one
    tasks = [key_split(task["key"]) for task in stream.data]
    assert len(years) >= 3 and tasks.count("merge") == tasks.count("rank") == tasks.count("finish") == len(years)
    assert tasks.count("chunk") >= len(json.loads(one)["events"]) / 2 > 1
    assert all(sum(mention_year(m) == y for m in mentions) < len(mentions) for y in years)  # each year's task gets a part
    assert tasks.count("prepare_shard") == 4 and "build_records" not in tasks and "cross_document" not in tasks


def test_the_client_takes_nothing_per_document_but_what_it_prints(tmp_path: Path, cluster: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Besides the documents and events it prints (one shard's documents, one chunk of events at a
    time), the client takes per shard and per partition, and the renames: four times the documents in
    as many shards and years take no more. Ids are renamed as one process renames them all the same."""
    import pickle

    from dask.utils import key_split

    from timeline.distributed.cluster import Scheduler
    from timeline.distributed.run import extract

    taken: list[tuple[str, int]] = []
    gather, result = distributed.Client.gather, distributed.Future.result

    def gathered(self: Any, futures: Any, *args: Any, **kwargs: Any) -> Any:
        values = gather(self, futures, *args, **kwargs)
        taken.extend((key_split(f.key), len(pickle.dumps(v))) for f, v in zip(futures, values))
        return values

    def resulted(self: Any, *args: Any, **kwargs: Any) -> Any:
        value = result(self, *args, **kwargs)
        taken.append((key_split(self.key), len(pickle.dumps(value))))
        return value

    monkeypatch.setattr(distributed.Client, "gather", gathered)
    monkeypatch.setattr(distributed.Future, "result", resulted)
    planned, printed = {}, {}
    for size in (8, 32):
        root = tmp_path / str(size)
        paths = write_corpus(root, (size, size))  # the same eight stories, two shards; "dup" in both
        taken.clear()
        found = extract(paths, Scheduler(cluster.scheduler_address), progress=False)
        planned[size] = sum(n for key, n in taken if key not in ("chunk", "documents_of"))
        printed[size] = sum(n for key, n in taken if key in ("chunk", "documents_of"))
        assert [d.id for d in found.documents if d.id.startswith("dup")] == ["dup", "dup-2"]
        assert "renamed" in {key for key, _ in taken}
    assert planned[32] < 1.1 * planned[8] and printed[32] > 1.3 * printed[8]  # the output grows (packed), the rest does not


@pytest.mark.parametrize("command", ["dates", "extract"])
def test_an_id_repeated_within_a_shard_and_across_shards_is_renamed_as_one_process_renames_it(tmp_path: Path, cluster: Any,
                                                                                                command: str) -> None:
    """One process renames the ids of the whole run in reading order ('x', 'x-2', 'x-3'): a shard that
    made its own ids unique first would give 'x-2-2' to the third."""
    text = "On 9 May 2015 the Lorvane dam closed for repairs, the ministry of water said."
    (tmp_path / "part-0.jsonl").write_text(json.dumps({"id": "x", "published": "2016-01-01", "text": text}) + "\n", encoding="utf-8")
    (tmp_path / "part-1.jsonl").write_text("".join(json.dumps({"id": "x", "published": "2016-01-02", "text": text}) + "\n"
                                                   for _ in range(2)), encoding="utf-8")
    one = run(command, str(tmp_path), "--json")
    many = run(command, str(tmp_path), "--json", "--scheduler", cluster.scheduler_address)
    assert [s["id"] for s in json.loads(one.stdout)["sources"]] == ["x", "x-2", "x-3"]
    assert (many.stdout, many.stderr) == (one.stdout, one.stderr)
