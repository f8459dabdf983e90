"""Plan metadata: the plan's title, issuer, date, period and parent documents.

Read the modules in this order:

- ``extract``: the entry point, ``extract_metadata(text)``.
- ``text``: the view the rules match on (folded, pinyin inserts out) and its lines.
- ``title``: the plan's own title (body heading, transmitted 《title》, or the notice).
- ``bodies`` and ``signature``: names of issuing bodies, and the signature block.
- ``issuer``: who issued the plan (signature, notice header, title, news lead, field).
- ``date_text`` and ``dates``: reading a date, and which date is the plan's.
- ``period``: the years the title covers.
- ``basis`` and ``parents``: the documents the preamble says the plan implements.

The vocabulary lives in data/metadata.toml (``vocabulary``).
"""

from taizhang.parsing.metadata.extract import extract_metadata

__all__ = ["extract_metadata"]
