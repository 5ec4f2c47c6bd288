"""An identity provider on the loopback for bench/run.sh: discovery, a JWKS of one RSA key, and an RFC 7662
introspection endpoint that knows one opaque token. Usage: oidc_provider.py PORT MODULUS_HEX OPAQUE_TOKEN USERNAME"""
import base64
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

PORT, MODULUS, OPAQUE, USERNAME = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
BASE = f"http://127.0.0.1:{PORT}"
ISSUER = f"{BASE}/realms/bench"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


ANSWERS = {
    "/realms/bench/.well-known/openid-configuration": {
        "issuer": ISSUER, "jwks_uri": f"{ISSUER}/certs", "introspection_endpoint": f"{ISSUER}/introspect"},
    "/realms/bench/certs": {"keys": [{"kty": "RSA", "kid": "bench-key", "alg": "RS256", "use": "sig",
                                      "n": b64url(bytes.fromhex(MODULUS)), "e": "AQAB"}]},
}


class Provider(BaseHTTPRequestHandler):
    def answer(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path in ANSWERS:
            self.answer(ANSWERS[self.path])
        else:
            self.send_error(404)

    def do_POST(self):
        form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
        active = form.get("token", [""])[0] == OPAQUE
        self.answer({"active": True, "iss": ISSUER, "preferred_username": USERNAME, "exp": int(time.time()) + 3600}
                    if active else {"active": False})

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Provider).serve_forever()
