"""Pieces every HTML output shares: escaping and the page shell.

Pages are self-contained: styles and scripts inline, and a Content-Security-Policy that lets
the page fetch nothing, so a page opened in a control room never reaches the network.
"""

from __future__ import annotations

import html

#: nothing may be loaded; inline styles and scripts only
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
)


def escape(text: object) -> str:
    """Text from the input as HTML text or attribute value (`< > & " '` escaped)."""
    return html.escape(str(text), quote=True)


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
