"""The exceptions the pipeline raises, which the CLI turns into a one-line message, and the
exit status each outcome has."""

#: exit status: done; `check` found breaches, a batch had a failed script, or an internal
#: error; unusable input or arguments
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class BroadcastError(Exception):
    """Base of every error the tool reports to its user."""


class UnusableInput(BroadcastError):
    """The input cannot be read as a script, timing file or subtitle file (exit 2)."""


class UnknownProfile(UnusableInput):
    """A --profile name with no style profile behind it."""
