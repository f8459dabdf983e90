"""Parse a published implementation plan (实施方案) into a Plan document.

Pure Python: nothing here imports Django, so the parser runs in the CLI, in tests and in
the web platform alike.

    >>> from taizhang.parsing import parse_text
    >>> plan = parse_text(text)
    >>> plan.to_dict()  # the JSON schema of shared/gold/README.md
"""

from taizhang.parsing.errors import InputError
from taizhang.parsing.model import PlanDocument
from taizhang.parsing.pipeline import parse_path, parse_text

__all__ = ["InputError", "PlanDocument", "parse_path", "parse_text"]
