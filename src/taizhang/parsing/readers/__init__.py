"""Readers that turn the bytes of one file format into plain text (used by ``reading``)."""
