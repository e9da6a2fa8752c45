"""Imports run one way: a subtitle exporter needs neither the previews nor `check`."""

import subprocess
import sys


def _loaded_after(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(m for m in sys.modules if m.startswith('broadcast')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_ass_exporter_does_not_load_preview_or_check():
    loaded = _loaded_after("broadcast.exporters.ass")
    assert "broadcast.preview" not in loaded
    assert "broadcast.check" not in loaded


def test_check_does_not_load_an_exporter():
    assert not any(m.startswith("broadcast.exporters") for m in _loaded_after("broadcast.check"))


def test_ass_text_is_kept_with_its_build_not_in_the_module():
    import broadcast.exporters.ass as ass
    from broadcast.pipeline import build_text
    from broadcast.profiles import load_profile
    first = build_text("ANCHOR INTRO:\nOne two three.\n", load_profile())
    second = build_text("ANCHOR INTRO:\nFour five six.\n", load_profile())
    assert "One two three." in ass.export(first) and "Four five six." in ass.export(second)
    assert ass.export(first) is ass.export(first)
    assert not hasattr(ass, "_last")
