"""Pages kept until the organisation's data changes: the version stamp (kept.py) and the
pages rendered from it (pages.py). docs/performance.md says why and what it costs."""
