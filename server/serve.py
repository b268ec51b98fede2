"""Running the app under gunicorn, the production WSGI server behind ``kg serve``."""

from __future__ import annotations

import os
import resource
import signal
from collections.abc import Mapping

from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger

from kg.config import usable_cores
from kg.errors import InputError
from server import app_config, create_app
from server.front import ClientTable, FrontLimits
from server.pool import check_store
from server.upstream import UpstreamStore

#: Threads of each worker process: requests evaluating, waiting on the writer or reading bodies.
THREADS = 8
#: Connections one server process holds at most (reading, queued, kept alive): slow clients are
#: cheap on the event loop (a socket and a buffer), so this is bounded by file descriptors only.
CONNECTIONS = 4096
#: File descriptors a process keeps besides its connections (the store's files, pipes, logs).
SPARE_FILES = 1024
#: Where each worker keeps the heartbeat it writes to the arbiter at every event (a file's mtime):
#: on a tmpfs it costs a syscall, on a disk-backed /tmp a journalled write per request.
HEARTBEAT_DIR = "/dev/shm" if os.path.isdir("/dev/shm") else None


#: gunicorn's default access-log format but the user of Basic credentials (%(u)s): a token sent
#: that way must not reach the log.
ACCESS_LOG_FORMAT = '%(h)s %(l)s - %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"'


class _AccessLogger(Logger):
    """gunicorn's logger, building only the fields ``ACCESS_LOG_FORMAT`` prints.

    gunicorn's own turns every request header, response header and environ entry into a field
    for every request, which costs a fifth of the CPU of serving a small query.
    """

    def atoms(self, resp, req, environ, request_time) -> dict[str, object]:  # type: ignore[no-untyped-def]
        sent = getattr(resp, "sent", None)
        return {
            "h": environ.get("REMOTE_ADDR", "-"),
            "l": "-",
            "t": self.now(),
            "r": f"{environ['REQUEST_METHOD']} {environ['RAW_URI']} {environ['SERVER_PROTOCOL']}",
            "s": str(resp.status).split(None, 1)[0],
            "b": str(sent) if sent is not None else "-",
            "f": environ.get("HTTP_REFERER", "-"),
            "a": environ.get("HTTP_USER_AGENT", "-"),
        }


class _Gunicorn(BaseApplication):
    """A gunicorn application whose worker builds the app with ``create_app``."""

    def __init__(self, config: dict[str, object], options: dict[str, object], front_limits: FrontLimits):
        self.app_settings = config
        self.options = options
        self.front_limits = front_limits  # read by each FrontWorker
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        if "control_socket_disable" in self.cfg.settings:
            # gunicorn 27's control socket is one fixed path per user: two servers would clash.
            self.cfg.set("control_socket_disable", True)

    def load(self):  # type: ignore[no-untyped-def]
        app = create_app(self.app_settings)
        # Retiring a worker gracefully (SIGTERM: its other requests finish) lets the arbiter
        # start a fresh one: how a query pyoxigraph cannot stop is ended.
        app.extensions["isnad_store"].start_in_worker(lambda: os.kill(os.getpid(), signal.SIGTERM))
        return app


def run(config: Mapping[str, object]) -> None:
    """Serve the app until interrupted.

    gunicorn worker processes (``--workers``) with threads, each evaluating queries itself
    (``server/pool.py``). A read-write server runs one process: one writer, one snapshot sequence.
    By default two processes per core: a kept-alive connection stays with the process that
    accepted it, and a process runs Python on one core at a time, so with one per core an
    unlucky share of the connections leaves a core idle (wrk -c8 on two processes: 1,100 to
    2,600 requests/s from run to run; on four, 2,500 to 2,700).

    Raises:
        InputError: the configuration is inconsistent (checked before the server starts).
        StoreError: the embedded store cannot be opened.
    """
    values = app_config(config)
    workers = int(values["WORKERS"])
    if workers < 0:
        raise InputError(f"--workers must be 0 (two per core) or more, not {workers}.")
    if float(values["HEADER_TIMEOUT"]) <= 0:
        raise InputError(f"--header-timeout must be above 0 seconds, not {values['HEADER_TIMEOUT']}.")
    if int(values["CLIENT_CONNECTIONS"]) < 0:
        raise InputError(f"--client-connections must be 0 (no cap) or more, not {values['CLIENT_CONNECTIONS']}.")
    # Fail before gunicorn starts, with the store's one-line message (no store there; another
    # process holds the writer's lock), from a child: a RocksDB opened in gunicorn's master
    # would be inherited half-alive by the forked workers.
    if values["UPSTREAM"]:
        # The URLs and headers are checked now; an upstream that is down is answered 502 per request,
        # so the server may start before it.
        UpstreamStore.from_config(values)
    else:
        check_store(str(values["STORE_PATH"]), bool(values["ALLOW_UPDATE"]), str(values["SERVICE_ALLOW"]))
    workers = 1 if values["ALLOW_UPDATE"] else workers or 2 * usable_cores()
    # Rows for the processes alive at once: each one, and as many again retiring beside their replacements.
    clients = ClientTable(rows=2 * workers + 2, cap=int(values["CLIENT_CONNECTIONS"]))
    limits = FrontLimits(float(values["HEADER_TIMEOUT"]), float(values["BODY_TIMEOUT"]),
                         int(values["MAX_REQUEST_BYTES"]), clients)
    options = {
        "bind": f"{values['HOST']}:{values['PORT']}",
        "workers": workers,
        # gthread, reading each request whole on its event loop before a thread takes it.
        "worker_class": "server.front.FrontWorker",
        "threads": THREADS,
        "worker_connections": _connections_per_process(),
        "pre_fork": clients.claim,
        "child_exit": clients.release,
        # gunicorn's own timeout only catches a stuck process; queries are bounded by the pool.
        "timeout": int(float(values["QUERY_TIMEOUT"])) + 30,
        # A retiring process lets its requests run to their own time limit.
        "graceful_timeout": int(float(values["QUERY_TIMEOUT"])) + 5,
        # Long GET queries: the request line is bounded by max_request_bytes in the app instead.
        "limit_request_line": 0,
        "accesslog": "-",
        "access_log_format": ACCESS_LOG_FORMAT,
        "logger_class": _AccessLogger,
        "errorlog": "-",
        "worker_tmp_dir": HEARTBEAT_DIR,
    }
    _Gunicorn(values, options, limits).run()


def _connections_per_process() -> int:
    """``CONNECTIONS``, or fewer if the open-file limit cannot be raised to hold them."""
    files = raise_file_limit(CONNECTIONS + SPARE_FILES)
    return max(64, min(CONNECTIONS, files - SPARE_FILES))


def raise_file_limit(wanted: int) -> int:
    """Raise this process's open-file limit to ``wanted`` if it is lower and the hard limit
    allows (children inherit it); the limit now."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= wanted:
        return wanted
    soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    return soft
