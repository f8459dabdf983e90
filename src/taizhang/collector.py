"""The cyclic garbage collector held off during work that makes many objects and no
reference cycles worth a pass (pure Python, no Django: any layer may use it).

- A parse (parsing.pipeline) makes hundreds of thousands of small objects (matches, spans,
  markers): the collector's passes, started by their number, find nothing and took a
  twentieth of the time of a long text.
- The demo's load makes some hundred thousand objects that live until it ends, and before
  it the command imports what it needs (scikit-learn, the URLconf): the collector would
  walk them again and again for nothing (a sixth of the load, a fifth of the imports).

Reference counting still frees everything; what is left is collected once, after."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def held_off() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
