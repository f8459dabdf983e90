"""The demo's choices (who filed on time, who is behind) are a stable hash of names, so
every load of the demo tells the same story without storing a list of outcomes."""

from __future__ import annotations

import hashlib


def draw(*parts: object) -> float:
    """A number in [0, 1) fixed by ``parts``."""
    key = "|".join(str(part) for part in parts).encode("utf-8")
    # A cryptographic digest, not a checksum: CRC32 of keys differing in one part is
    # correlated, and one county would miss every duty of a year.
    digest = hashlib.blake2b(key, digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def pick(items: list, *parts: object):
    """One of ``items``, fixed by ``parts``."""
    return items[int(draw("pick", *parts) * len(items))]


def among(shares: dict[str, float], *parts: object) -> str:
    """A key of ``shares`` (weights summing to 1), fixed by ``parts``."""
    roll, total = draw("among", *parts), 0.0
    for key, share in shares.items():
        total += share
        if roll < total:
            return key
    return next(reversed(shares))
