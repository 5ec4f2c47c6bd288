#!/usr/bin/env python3
"""A Lambda Runtime API of one function instance, for measuring cold starts on this machine.

Starts the command given after "--" with AWS_LAMBDA_RUNTIME_API pointing here, hands it the events of
--events (a JSON array of API Gateway HTTP API events) one by one, as the Lambda service would, and prints one
JSON line: milliseconds from the process's start to each answer, and each answer's status code. The command is
then stopped (SIGTERM, so that a training run's JVM writes its archive on exit). Nothing here talks to AWS.
"""
import argparse
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIX = "/2018-06-01/runtime"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", required=True)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--log", default=os.devnull)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    with open(args.events) as source:
        events = json.load(source)

    pending = queue.Queue()
    for event in events:
        pending.put(event)
    answers = queue.Queue()
    in_flight = {}

    class RuntimeApi(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *ignored):
            pass

        def reply(self, status, body=b"", headers=None):
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path != PREFIX + "/invocation/next":
                return self.reply(404)
            event = pending.get()  # blocks, as the Lambda service's long poll does
            request_id = str(uuid.uuid4())
            in_flight[request_id] = event
            self.reply(200, json.dumps(event).encode(), {
                "Content-Type": "application/json",
                "Lambda-Runtime-Aws-Request-Id": request_id,
                "Lambda-Runtime-Deadline-Ms": str(int(time.time() * 1000) + 30000),
                "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:local:000000000000:function:portcullis",
                "Lambda-Runtime-Trace-Id": "Root=1-00000000-000000000000000000000000"})

        def read_body(self):
            if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                body += self.rfile.read(size)
                self.rfile.readline()
                if size == 0:
                    return body

        def do_POST(self):
            body = self.read_body()
            now = time.monotonic()
            parts = self.path[len(PREFIX):].strip("/").split("/")
            self.reply(202, b'{"status":"OK"}', {"Content-Type": "application/json"})
            if parts[:1] == ["invocation"] and len(parts) == 3:
                answers.put((now, "error" if parts[2] == "error" else "response", body))
            elif parts[:2] == ["init", "error"]:
                answers.put((now, "init", body))

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address):
            pass  # the function's connections are cut when it is stopped

    server = Server(("127.0.0.1", 0), RuntimeApi)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    environment = dict(os.environ, AWS_LAMBDA_RUNTIME_API="127.0.0.1:%d" % server.server_address[1])
    with open(args.log, "ab") as log:
        started = time.monotonic()
        process = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    result = {"answers": []}
    try:
        for _ in events:
            at, kind, body = answers.get(timeout=args.timeout)
            if kind == "init" or kind == "error":
                raise SystemExit(kind + " error: " + body.decode(errors="replace"))
            status = json.loads(body).get("statusCode") if body.startswith(b"{") else None
            result["answers"].append({"ms": round((at - started) * 1000, 1), "status": status})
    finally:
        # SIGTERM first: a training run writes its AppCDS archive or AOT cache as the JVM exits.
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        server.shutdown()
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
