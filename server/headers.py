"""Security headers on every HTML response: pages run only the scripts and styles this server
serves, make requests only to it, and are never framed by another site.

The pages hold text and IRIs from articles, dumps and updates; the Content-Security-Policy keeps
anything in them that slips past escaping from running (no inline script, no other origin).
"""

from __future__ import annotations

from flask import Flask, Response

#: What an HTML page may load and do. ``'self'`` everywhere it is needed; no inline script or
#: style (CodeMirror sets its styles through the DOM, which the policy allows).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)

HTML_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


def _add_headers(response: Response) -> Response:
    if response.mimetype == "text/html":
        response.headers.update(HTML_HEADERS)
    return response


def init_app(app: Flask) -> None:
    """Send ``HTML_HEADERS`` with every HTML response, error pages included."""
    app.after_request(_add_headers)
