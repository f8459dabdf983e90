#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster: initdb in a temporary directory, start
# it on a free loopback port, export DATABASE_URL, run the command, then stop and remove it.
#   scripts/with-postgres.sh .venv/bin/pytest
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "with-postgres: PostgreSQL server binaries not found" >&2; exit 2; }

workdir=$(mktemp -d /tmp/taizhang-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# The server refuses to run as root: run it as the postgres user when we are root.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$workdir" postgres
    chown postgres "$workdir"
    as_owner=(runuser -u postgres --)
fi

cleanup() {
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$workdir"
}
trap cleanup EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$workdir/data" -A trust -U taizhang -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
    -o "-p $port -k $workdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null

# The database DATABASE_URL names exists, empty (the test suite makes test_taizhang itself).
"$bindir/createdb" -h 127.0.0.1 -p "$port" -U taizhang taizhang
export DATABASE_URL="postgresql://taizhang@127.0.0.1:$port/taizhang"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on port $port"
"$@"
