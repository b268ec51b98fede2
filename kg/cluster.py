"""Extraction on a Dask cluster: files' bytes out to the workers, their article graphs back, in input order.

``kg build --scheduler tcp://HOST:8786`` reads each file here and sends its bytes (workers need
not see this machine's disk); a worker runs ``kg.build.extract_file`` on them - the pipeline is
imported once per worker process and kept - and returns the file's serialised graphs. This
process stays the only writer and commits them in input order, so every guarantee of a local
build holds (one transaction per file, one ``Error:`` line per bad file, idempotent rebuilds).

Dask reschedules the tasks of a worker that dies on the others; a file whose task has killed
``distributed.scheduler.allowed-failures`` workers (3 by default: a file that exhausts memory)
is reported as failed, like any bad file. Workers run tasks on threads, where the SIGALRM limit
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

#: Files in flight per worker thread: enough to hide the round trips, few enough to bound memory.
_AHEAD_PER_THREAD = 8
#: Seconds to wait for the scheduler to answer.
CONNECT_TIMEOUT = 20


def _extract_remote(path: str, data: bytes) -> ExtractedFile:
    """The task a worker runs: one file's bytes through the pipeline."""
    return extract_file(Path(path), data)


def _unreadable(path: Path) -> ExtractedFile:
    """A file this process cannot read, reported with the message a local build gives."""
    try:
        read_source(path)
    except IsnadError as exc:
        return ExtractedFile(path, error=str(exc))
    return ExtractedFile(path, error=f"{path}: cannot be read.")


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
        self._queue = iter([path.resolve() for path in files])
        self._pending: deque[tuple[Path, Any]] = deque(
            self._submit(path) for path in islice(self._queue, threads * _AHEAD_PER_THREAD)
        )

    def _submit(self, path: Path) -> tuple[Path, Any]:
        try:
            data = path.read_bytes()
        except OSError:
            return path, _unreadable(path)
        return path, self._client.submit(_extract_remote, str(path), data, pure=False)

    def __iter__(self) -> Iterator[ExtractedFile]:
        from distributed import CancelledError
        from distributed.scheduler import KilledWorker

        while self._pending:
            path, future = self._pending.popleft()
            if isinstance(future, ExtractedFile):
                extracted = future
            else:
                try:
                    extracted = future.result()
                except KilledWorker:
                    extracted = ExtractedFile(
                        path, error=f"{path}: every Dask worker that extracted it died (out of memory?); skipped."
                    )
                except (CancelledError, OSError, TimeoutError) as exc:
                    raise ExtractionError(
                        f"Lost the Dask cluster while building {path} ({type(exc).__name__}); "
                        "the files before it are in the store."
                    ) from None
                finally:
                    future.release()
            next_path = next(self._queue, None)
            if next_path is not None:
                self._pending.append(self._submit(next_path))
            yield extracted

    def close(self) -> None:
        """Cancel what is in flight and disconnect (stopping a local cluster)."""
        client = getattr(self, "_client", None)
        if client is not None:
            pending = [future for _, future in getattr(self, "_pending", ()) if not isinstance(future, ExtractedFile)]
            if pending:
                client.cancel(pending)
            client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> ClusterExtraction:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
