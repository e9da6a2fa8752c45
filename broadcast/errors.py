"""The exceptions the pipeline raises; the CLI turns each into a one-line message."""


class BroadcastError(Exception):
    """Base of every error the tool reports to its user."""


class UnusableInput(BroadcastError):
    """The input cannot be read as a script, timing file or subtitle file (exit 2)."""


class UnknownProfile(UnusableInput):
    """A --profile name with no style profile behind it."""
