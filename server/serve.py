"""Running the app under gunicorn, the production WSGI server behind ``kg serve``."""

from __future__ import annotations

from collections.abc import Mapping

from gunicorn.app.base import BaseApplication

from server import app_config, create_app
from server.pool import StorePool


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
        return create_app(self.app_settings)


def run(config: Mapping[str, object]) -> None:
    """Serve the app until interrupted.

    One gunicorn process with threads: requests mostly wait on store workers (separate
    processes, ``server/pool.py``), and a single process keeps one writer and one snapshot
    sequence for a read-write server.

    Raises:
        InputError: the configuration is inconsistent (checked before the server starts).
        StoreError: the store cannot be opened.
    """
    values = app_config(config)
    _check_store(str(values["STORE_PATH"]), bool(values["ALLOW_UPDATE"]), str(values["SERVICE_ALLOW"]))
    options = {
        "bind": f"{values['HOST']}:{values['PORT']}",
        "workers": 1,
        "worker_class": "gthread",
        "threads": max(8, 4 * int(values["WORKERS"])),
        # gunicorn's own timeout only catches a stuck process; queries are bounded by the pool.
        "timeout": int(float(values["QUERY_TIMEOUT"])) + 30,
        "graceful_timeout": 5,
        # Long GET queries: the request line is bounded by max_request_bytes in the app instead.
        "limit_request_line": 0,
        "accesslog": "-",
        # gunicorn's default format but the user of Basic credentials (%(u)s): a token sent
        # that way must not reach the log.
        "access_log_format": '%(h)s %(l)s - %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"',
        "errorlog": "-",
    }
    _Gunicorn(values, options).run()


def _check_store(path: str, writable: bool, service_allow: str) -> None:
    # Fail before gunicorn starts, with the store's one-line message (no store there; another
    # process holds the writer's lock). The store is opened in worker processes only: a RocksDB
    # opened here, in gunicorn's master, would be inherited half-alive by the forked worker.
    pool = StorePool(path, size=1, timeout=60.0, service_allow=service_allow, writable=writable)
    try:
        pool.start()
    finally:
        pool.close()
