"""Pieces every HTML output shares: escaping, data embedded for scripts, and the page shell.

Pages are self-contained: styles and scripts inline, and a Content-Security-Policy that lets
the page fetch nothing, so a page opened in a control room never reaches the network.
"""

from __future__ import annotations

import html
import json

#: nothing may be loaded; inline styles and scripts only
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
)


def escape(text: object) -> str:
    """Text from the input as HTML text or attribute value (`< > & " '` escaped)."""
    return html.escape(str(text), quote=True)


def script_json(data: object) -> str:
    """JSON safe to place inside a `<script>` element: no `</script>` or `<!--` can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def page(title: str, body: str, *, css: str = "", script: str = "", lang: str = "en",
         body_attrs: str = "") -> str:
    """A whole HTML document; `title` is escaped here, `body`, `css` and `script` are markup."""
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        + (f"<style>\n{css}\n</style>\n" if css else "")
        + "</head>\n"
        + f"<body{' ' + body_attrs if body_attrs else ''}>\n{body}\n"
        + (f"<script>\n{script}\n</script>\n" if script else "")
        + "</body>\n</html>\n"
    )
