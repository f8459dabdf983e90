#!/usr/bin/env python3
"""Run several processes side by side and stop them together (`make run`, `make serve`).

    scripts/supervise.py "web=gunicorn …" "worker=python manage.py …"

Each NAME=COMMAND starts at once; its output lines are prefixed with its name. Ctrl-C (or
SIGTERM) stops every process; so does any one of them ending, with its exit code. Adding a
process beside the web server is one more argument. Standard library only."""

from __future__ import annotations

import os
import selectors
import shlex
import signal
import subprocess
import sys
import time

GRACE = 10  # seconds a process has to stop after SIGTERM before it is killed


def start(specs: list[str]) -> dict[str, subprocess.Popen]:
    processes = {}
    for spec in specs:
        name, _, command = spec.partition("=")
        if not name or not command:
            sys.exit(f"supervise: expected NAME=COMMAND, got {spec!r}")
        processes[name] = subprocess.Popen(
            shlex.split(command),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches us only; we stop the children
        )
    return processes


def stop(processes: dict[str, subprocess.Popen]) -> None:
    for process in processes.values():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + GRACE
    for process in processes.values():
        try:
            process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def relay(processes: dict[str, subprocess.Popen]) -> int:
    """Copy output until one process ends; its exit code."""
    selector = selectors.DefaultSelector()
    width = max(map(len, processes))
    for name, process in processes.items():
        selector.register(process.stdout, selectors.EVENT_READ, name)
    while True:
        for key, _ in selector.select(timeout=0.5):
            line = key.fileobj.readline()
            if line:
                sys.stdout.write(f"{key.data:<{width}} | {line.decode(errors='replace')}")
                sys.stdout.flush()
            else:
                selector.unregister(key.fileobj)
        for name, process in processes.items():
            code = process.poll()
            if code is not None:
                print(f"supervise: {name} exited with {code}; stopping the others", flush=True)
                return code or 1


def main(specs: list[str]) -> int:
    if not specs:
        sys.exit(__doc__)
    processes = start(specs)

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    try:
        return relay(processes)
    except KeyboardInterrupt:
        return 0
    finally:
        stop(processes)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
