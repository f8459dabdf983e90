"""Pages of account management: one's own password, the people an office (or county
office) runs, one by one and by roster, and the organisations and office administrators
the system administrator runs."""
