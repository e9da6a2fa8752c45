"""The browser fixture itself works: a local page loads and runs its script."""

import pytest

pytestmark = pytest.mark.browser


def test_page_runs_script(page, tmp_path):
    html = tmp_path / "p.html"
    html.write_text("<!doctype html><p id=x>a</p><script>document.getElementById('x').textContent='b'</script>")
    page.goto(html.as_uri())
    assert page.text_content("#x") == "b"
