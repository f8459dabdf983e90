"""Errors the parser reports to its callers."""


class InputError(Exception):
    """The input cannot be read as a plan document.

    The message is one clear English sentence meant for the person who supplied the file.
    """
