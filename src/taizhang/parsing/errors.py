"""Errors the parser reports to its callers."""


class InputError(Exception):
    """The input cannot be read as a plan document.

    The message is one clear English sentence meant for the person who supplied the file;
    ``reason`` is a short code a user interface can turn into its own language.
    """

    def __init__(self, message: str, *, reason: str = "unreadable"):
        super().__init__(message)
        self.reason = reason
