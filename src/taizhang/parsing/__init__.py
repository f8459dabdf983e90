"""Parse a published implementation plan (实施方案) into a Plan document.

Pure Python: nothing here imports Django, so the parser runs in the CLI, in tests and in
the web platform alike.

    >>> from taizhang.parsing import parse_text
    >>> plan = parse_text(text)
    >>> plan.to_dict()  # the JSON schema of shared/gold/README.md
"""

from taizhang.parsing.corrections import Correction, apply_corrections, measure_key, reoffer
from taizhang.parsing.errors import InputError, refusal_message
from taizhang.parsing.model import PlanDocument
from taizhang.parsing.pipeline import parse_path, parse_text

__all__ = [
    "Correction",
    "InputError",
    "PlanDocument",
    "apply_corrections",
    "measure_key",
    "parse_path",
    "parse_text",
    "refusal_message",
    "reoffer",
]
