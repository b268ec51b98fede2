"""Running the app under gunicorn, the production WSGI server behind ``kg serve``."""

from __future__ import annotations

import os
import signal
from collections.abc import Mapping

from gunicorn.app.base import BaseApplication

from server import app_config, create_app
from server.pool import check_store

#: Threads of each worker process: requests evaluating, waiting on the writer or reading bodies.
THREADS = 8


class _Gunicorn(BaseApplication):
    """A gunicorn application whose worker builds the app with ``create_app``."""

    def __init__(self, config: dict[str, object], options: dict[str, object]):
        self.app_settings = config
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        if "control_socket_disable" in self.cfg.settings:
            # gunicorn 27's control socket is one fixed path per user: two servers would clash.
            self.cfg.set("control_socket_disable", True)

    def load(self):  # type: ignore[no-untyped-def]
        app = create_app(self.app_settings)
        # A query pyoxigraph cannot stop ends only with its process: retire this worker
        # gracefully (SIGTERM: its other requests finish) and the arbiter starts a fresh one.
        app.extensions["isnad_store"].pool.on_stuck = lambda: os.kill(os.getpid(), signal.SIGTERM)
        return app


def run(config: Mapping[str, object]) -> None:
    """Serve the app until interrupted.

    gunicorn worker processes (``--workers``) with threads, each evaluating queries itself
    (``server/pool.py``). A read-write server runs one process: one writer, one snapshot sequence.

    Raises:
        InputError: the configuration is inconsistent (checked before the server starts).
        StoreError: the store cannot be opened.
    """
    values = app_config(config)
    # Fail before gunicorn starts, with the store's one-line message (no store there; another
    # process holds the writer's lock), from a child: a RocksDB opened in gunicorn's master
    # would be inherited half-alive by the forked workers.
    check_store(str(values["STORE_PATH"]), bool(values["ALLOW_UPDATE"]), str(values["SERVICE_ALLOW"]))
    options = {
        "bind": f"{values['HOST']}:{values['PORT']}",
        "workers": 1 if values["ALLOW_UPDATE"] else int(values["WORKERS"]),
        "worker_class": "gthread",
        "threads": THREADS,
        # gunicorn's own timeout only catches a stuck process; queries are bounded by the pool.
        "timeout": int(float(values["QUERY_TIMEOUT"])) + 30,
        # A retiring process lets its requests run to their own time limit.
        "graceful_timeout": int(float(values["QUERY_TIMEOUT"])) + 5,
        # Long GET queries: the request line is bounded by max_request_bytes in the app instead.
        "limit_request_line": 0,
        "accesslog": "-",
        # gunicorn's default format but the user of Basic credentials (%(u)s): a token sent
        # that way must not reach the log.
        "access_log_format": '%(h)s %(l)s - %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"',
        "errorlog": "-",
    }
    _Gunicorn(values, options).run()
