"""Each command's --help: every option explained, the choices listed, examples at the end,
and only the options that apply to the command."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from broadcast.cli import COMMANDS, EXAMPLES, parser
from broadcast.exporters import exporters
from broadcast.profiles import profile_names
from broadcast.segment import CONVENTIONS


def subcommands() -> dict[str, argparse.ArgumentParser]:
    (sub,) = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def help_text(command: str) -> str:
    return subcommands()[command].format_help()


def options(command: str) -> set[str]:
    return {flag for action in subcommands()[command]._actions for flag in action.option_strings}


def test_every_command_has_help_and_examples():
    assert set(subcommands()) == set(COMMANDS) == set(EXAMPLES)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_option_and_argument_has_help_text(command):
    for action in subcommands()[command]._actions:
        assert action.help and action.help.strip() and action.help is not argparse.SUPPRESS, action


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_ends_with_two_or_three_examples_of_the_command(command):
    text = help_text(command).rstrip("\n")
    head, _, tail = text.rpartition("\nexamples:\n")
    assert head, text
    examples = tail.splitlines()
    assert 1 <= len(examples) <= 3 and all(line.startswith("  ") for line in examples)
    assert all(f"broadcast {command}" in line for line in examples if "|" not in line)
    assert any(f"broadcast {command}" in line for line in examples)
    if command not in ("break", "schema"):  # one way to use each
        assert len(examples) >= 2


def test_the_choices_are_listed_from_their_tables():
    build = help_text("build")
    assert f"(repeatable): {', '.join(exporters())}" in " ".join(build.split())
    words = [w.strip(",") for w in build.split()]
    for name in exporters():  # a name is never broken at its hyphen
        assert name in words
    for command in ("build", "check", "preview", "render"):
        for profile in profile_names():
            assert profile in help_text(command)
    for command in ("build", "segment", "preview", "render"):
        flat = " ".join(help_text(command).split())
        assert f"detected: {', '.join(CONVENTIONS)}" in flat


def test_the_lists_of_formats_come_without_a_placeholder():
    for command in COMMANDS:
        assert "{known}" not in help_text(command)


PROMPTER = {"--on-air", "--pronouncer", "--prompter-width", "--prompter-case"}


def test_preview_and_render_show_only_their_options():
    assert PROMPTER <= options("build")
    for command in ("preview", "render"):
        assert not PROMPTER & options(command)
        assert not {"--only", "--jobs"} & options(command)
    assert "--video" in options("render") and "--video" not in options("preview")
    assert {"--play", "--speed"} <= options("preview") and not {"--play", "--speed"} & options("render")
    assert "--timings" not in options("check") and "--format" in options("check")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_runs_from_the_command_line_and_exits_0(command):
    run = subprocess.run([sys.executable, "-m", "broadcast", command, "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.rstrip().endswith(EXAMPLES[command][-1])


def test_the_parser_loads_no_exporter_until_help_is_shown():
    """`broadcast --help` and the argument parsing stay fast: the tables load on demand."""
    code = ("import sys; from broadcast.cli import parser; parser().parse_args(['segment', 'x']); "
            "print(any(m.startswith('broadcast.exporters') for m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.strip() == "False", run.stderr
