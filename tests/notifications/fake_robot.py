"""A fake robot server on the loopback address: it records what it is sent and answers
as the robot platforms do, or fails on demand."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    body: dict
    headers: dict


@dataclass
class FakeRobot:
    received: list[Received] = field(default_factory=list)
    answers: list[tuple[int, dict]] = field(default_factory=list)  # consumed in order
    url: str = ""

    def answer(self) -> tuple[int, dict]:
        return self.answers.pop(0) if self.answers else (200, {"errcode": 0, "errmsg": "ok"})


def serve() -> tuple[FakeRobot, ThreadingHTTPServer]:
    robot = FakeRobot()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length).decode("utf-8"))
            robot.received.append(Received(self.path, body, dict(self.headers)))
            status, answer = robot.answer()
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):  # keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    robot.url = f"http://127.0.0.1:{server.server_address[1]}"
    return robot, server
