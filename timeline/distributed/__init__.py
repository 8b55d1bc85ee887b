"""Extraction on a Dask cluster: the same pipeline as one process, the same `--json` output.

    timeline extract 'corpus/*.jsonl' --scheduler tcp://scheduler:8786 --json
    timeline dates corpus/ --scheduler local:2

Stages, one module each:

- cluster.py: the --scheduler value (an address, or local:N) and the connection (Dask is imported
  there, and only when a run asks for a cluster);
- shards.py: the JSONL shards named by PATHs (files, folders, glob patterns), listed on a worker, and
  one shard read as one process reads it;
- mapstage.py: per shard, on the worker that reads it: reference dates, dates, candidate events
  (timeline.extract.pipeline.process_document, the function one process runs per document);
- crossdoc.py: the cross-document stage (merging,
  disputes, ranking) as tasks per shard, partition of whole years
  (bounded in mentions, a larger year alone), window of date disputes and kind
  of figure: the stages of timeline.extract.partitions, which one process runs on one partition;
- held.py: the tasks of the cross-document stage, each stage's output held packed (compressed) on its
  worker while the next stages wait, unpacked by the task that reads it;
- renames.py: document ids repeated across shards renamed as one process renames them, decided by a
  task per bucket of ids (the client receives the renames only);
- progress.py: documents done / total on stderr;
- streamed.py: what the printer reads of an extraction on the cluster: documents and events taken from
  the workers as they are printed;
- run.py: the two runs, `find_dates` and `extract`, as the one-process library functions
  (`extract_streaming` for the printer).

Only paths go from the client to the workers, and only results come back.
"""
from __future__ import annotations

from timeline.distributed.cluster import DaskMissing, SchedulerError, parse_scheduler
from timeline.distributed.shards import NotShards

__all__ = ["DaskMissing", "NotShards", "SchedulerError", "parse_scheduler"]
