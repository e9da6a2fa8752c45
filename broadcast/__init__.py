"""broadcast: from a TV news script to everything the report needs to go to air."""

__version__ = "0.1.0"
