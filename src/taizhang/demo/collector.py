"""The cyclic garbage collector held off while the demo loads.

The load makes some hundred thousand objects that live until it ends, and before it the
command imports what it needs (scikit-learn for the county plan's link scores, the URLconf
with every view for the messages' links): the collector would walk them all again and
again for nothing (a sixth of the load, and a fifth of the imports). What they leave is
collected once, after."""

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
