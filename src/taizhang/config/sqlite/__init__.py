"""Django's SQLite backend, told the 64-bit integer range of its columns."""
