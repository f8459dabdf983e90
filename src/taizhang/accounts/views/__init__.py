"""Pages of the accounts app: signing in and out, one's own password, the people an
office runs (one by one and by roster), and the organisations the system administrator
runs."""
