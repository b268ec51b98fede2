"""The Isnad web app: SPARQL 1.1 Protocol endpoint, exports, linked-data pages and a query UI.

``create_app(config=None)`` is the only way to get an app; nothing here is global.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask

from kg import config as settings
from kg.errors import InputError


def app_config(overrides: Mapping[str, object] | None = None) -> dict[str, object]:
    """The app's configuration: every setting (environment or default), then ``overrides``.

    Setting ``name`` becomes key ``NAME`` (``store`` becomes ``STORE_PATH``).

    Raises:
        InputError: updates are allowed but no token is set, or with an upstream store.
    """
    values: dict[str, object] = {}
    for setting in settings.SETTINGS:
        key = "STORE_PATH" if setting.name == "store" else setting.name.upper()
        values[key] = settings.get(setting.name)
    values.update(overrides or {})
    if values["STORE_PATH"] is None:
        from kg.store import default_path

        values["STORE_PATH"] = str(default_path())
    if values["ALLOW_UPDATE"] and values["UPSTREAM"]:
        raise InputError(
            "--allow-update cannot be used with --upstream: in front of a remote store the server is read-only; "
            "write there with 'kg push' or the store's own update endpoint."
        )
    if values["ALLOW_UPDATE"] and not values["UPDATE_TOKEN"]:
        raise InputError("--allow-update needs a token: set ISNAD_UPDATE_TOKEN in the environment.")
    values["MAX_CONTENT_LENGTH"] = int(values["MAX_REQUEST_BYTES"])
    return values


def create_app(config: Mapping[str, object] | None = None) -> Flask:
    """Build the app.

    Args:
        config: settings overriding the environment and the defaults (tests pass
            ``{"STORE_PATH": ...}``; ``kg serve`` passes its options).

    Raises:
        InputError: the configuration is inconsistent.
        StoreError: the store cannot be opened.
    """
    from server import errors, exports, headers, pages, sparql, store, ui
    from server.fastpath import QueryFastPath

    app = Flask(__name__)
    app.config.from_mapping(app_config(config))
    app.json.ensure_ascii = False
    errors.init_app(app)
    headers.init_app(app)
    store.init_app(app)
    for module in (sparql, exports, pages, ui):
        app.register_blueprint(module.bp)
    app.wsgi_app = QueryFastPath(app.wsgi_app, app.extensions["isnad_store"], int(app.config["MAX_CONTENT_LENGTH"]))
    return app
