"""Shared fixtures: the reference script and its labels from ../shared, and helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"
REFERENCE = EXAMPLES / "syria-peace-process.txt"


@pytest.fixture(scope="session")
def reference_text() -> str:
    from broadcast.reading import read_script
    return read_script(REFERENCE.read_bytes())


@pytest.fixture(scope="session")
def reference_labels() -> dict:
    path = SHARED / "syria-peace-process.labels.json"
    if not path.exists():
        pytest.skip("shared data not beside the checkout")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def reference_report(reference_text):
    from broadcast.segment import segment
    return segment(reference_text)


CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """The system chromium driven by Playwright; skipped where it is not installed."""
    import shutil
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        pytest.skip("system chromium not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def ffmpeg() -> str:
    import shutil
    path = shutil.which("ffmpeg")
    if not path:
        pytest.skip("ffmpeg not installed (.ci/run installs it)")
    return path
