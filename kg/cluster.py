"""Extraction on a Dask cluster: files' bytes out to the workers, their article graphs back, in input order.

``kg build --scheduler tcp://HOST:8786`` reads each file here and sends its bytes (workers need
not see this machine's disk) in batches of up to ``BATCH_FILES`` files per task, since each
task costs the scheduler, the client and the worker about 17 ms of round trips whatever it
does; a worker runs ``kg.build.extract_file`` on each file of a batch - the pipeline is imported
once per worker process and kept - and returns their serialised graphs. This process stays the
only writer and commits them in input order, so every guarantee of a local build holds (one
transaction per file, one ``Error:`` line per bad file, idempotent rebuilds).

Dask reschedules the tasks of a worker that dies on the others. A batch whose task has killed
``distributed.scheduler.allowed-failures`` workers (3 by default) is sent again one file per
task, so that only a file that kills its worker on its own (one that exhausts memory) is
reported as failed, like any bad file. Workers run tasks on threads, where the SIGALRM limit
of a local build cannot fire: there only the deadline between pipeline stages holds.

Workers need Isnad installed (``pip install 'isnad[cluster]'``) at the same version as the writer.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from kg.build import ExtractedFile, extract_file
from kg.config import usable_cores
from kg.errors import ExtractionError, InputError, IsnadError
from kg.sources import read_source

#: Most files one task extracts: 8 files of seed size are about a third of a second of work,
#: against the ~17 ms a task costs, and few enough that the last batches still spread over workers.
BATCH_FILES = 8
#: Tasks in flight per worker thread: one running, the next ones already on the worker.
_AHEAD_PER_THREAD = 3
#: Seconds to wait for the scheduler to answer.
CONNECT_TIMEOUT = 20


def _extract_remote(batch: list[tuple[str, bytes]]) -> list[ExtractedFile]:
    """The task a worker runs: each file's bytes of a batch through the pipeline."""
    return [extract_file(Path(path), data) for path, data in batch]


def _unreadable(path: Path) -> ExtractedFile:
    """A file this process cannot read, reported with the message a local build gives."""
    try:
        read_source(path)
    except IsnadError as exc:
        return ExtractedFile(path, error=str(exc))
    return ExtractedFile(path, error=f"{path}: cannot be read.")


def batch_size(files: int, threads: int) -> int:
    """Files per task: ``BATCH_FILES``, or fewer when a build has too few files to give every
    worker thread a few batches."""
    return max(1, min(BATCH_FILES, files // (threads * _AHEAD_PER_THREAD)))


class ClusterExtraction:
    """Files extracted on a Dask cluster, yielded in input order (a context manager).

    Args:
        files: the article files (resolved here, so workers mint the same origins).
        scheduler: ``tcp://host:port`` of a running scheduler, or ``local`` for a cluster of
            one single-threaded worker process per core on this machine.

    Raises:
        InputError: Dask is not installed, the scheduler cannot be reached or has no workers.
    """

    def __init__(self, files: list[Path], scheduler: str):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise InputError("--scheduler needs Dask: pip install 'isnad[cluster]'.") from None
        logging.getLogger("distributed").setLevel(logging.ERROR)
        self._cluster: Any = None
        try:
            if scheduler == "local":
                self._cluster = LocalCluster(
                    n_workers=usable_cores(), threads_per_worker=1, processes=True,
                    dashboard_address=":0", silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
            else:
                self._client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            self.close()
            raise InputError(f"Cannot reach the Dask scheduler at {scheduler}: {' '.join(str(exc).split())}") from None
        try:  # a scheduler without workers would leave the build waiting for ever
            self._client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError:
            self.close()
            raise InputError(
                f"The Dask scheduler at {scheduler} has no workers; start some with 'dask worker'."
            ) from None
        threads = sum(self._client.nthreads().values())
        paths = [path.resolve() for path in files]
        size = batch_size(len(paths), threads)
        self._queue = iter([paths[start : start + size] for start in range(0, len(paths), size)])
        #: per batch in flight: its files (or why this process could not read one), what was sent, the task
        self._pending: deque[tuple[list[Path | ExtractedFile], list[tuple[str, bytes]], Any]] = deque(
            self._submit(batch) for batch in islice(self._queue, threads * _AHEAD_PER_THREAD)
        )

    def _submit(self, batch: list[Path]) -> tuple[list[Path | ExtractedFile], list[tuple[str, bytes]], Any]:
        """Send the files of ``batch`` this process can read in one task."""
        files: list[Path | ExtractedFile] = []
        sent: list[tuple[str, bytes]] = []
        for path in batch:
            try:
                sent.append((str(path), path.read_bytes()))
                files.append(path)
            except OSError:
                files.append(_unreadable(path))
        return files, sent, self._client.submit(_extract_remote, sent, pure=False) if sent else None

    def _results(self, sent: list[tuple[str, bytes]], future: Any) -> list[ExtractedFile]:
        """What the task ``future`` made of the files ``sent``; a batch that killed its workers is
        sent again one file per task, and a file that did so alone is reported as failed."""
        from distributed import CancelledError
        from distributed.scheduler import KilledWorker

        try:
            return future.result()
        except KilledWorker:
            if len(sent) == 1:
                path = sent[0][0]
                return [ExtractedFile(
                    Path(path), error=f"{path}: every Dask worker that extracted it died (out of memory?); skipped."
                )]
            singles = [([file], self._client.submit(_extract_remote, [file], pure=False)) for file in sent]
            return [self._results(*single)[0] for single in singles]
        except (CancelledError, OSError, TimeoutError) as exc:
            raise ExtractionError(
                f"Lost the Dask cluster while building {sent[0][0]} ({type(exc).__name__}); "
                "the files before it are in the store."
            ) from None
        finally:
            future.release()

    def __iter__(self) -> Iterator[ExtractedFile]:
        while self._pending:
            files, sent, future = self._pending.popleft()
            extracted = iter(self._results(sent, future) if sent else [])
            next_batch = next(self._queue, None)
            if next_batch is not None:
                self._pending.append(self._submit(next_batch))
            for file in files:
                yield next(extracted) if isinstance(file, Path) else file

    def close(self) -> None:
        """Cancel what is in flight and disconnect (stopping a local cluster)."""
        client = getattr(self, "_client", None)
        if client is not None:
            pending = [future for _, _, future in getattr(self, "_pending", ()) if future is not None]
            if pending:
                client.cancel(pending)
            client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> ClusterExtraction:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
