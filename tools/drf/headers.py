# Generates Authorization headers of every shape (a fixed seed) and asks DRF 3.14 and SimpleJWT (Debian:
# python3-djangorestframework, python3-djangorestframework-simplejwt) what each header authenticator makes of
# them: does not apply, the credential it reads, or the failure it raises. AuthorizationHeadersOracleTest
# replays every row against the service's authenticators.
# Usage: /usr/bin/python3 tools/drf/headers.py > src/test/resources/drf/authorization-headers.jsonl
import base64, json, random
import django
from django.conf import settings
settings.configure(INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.auth', 'rest_framework'],
                   SECRET_KEY='x', DATABASES={}, SIMPLE_JWT={'AUTH_HEADER_TYPES': ('Bearer',)})
django.setup()
from rest_framework.authentication import TokenAuthentication, BasicAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.test import APIRequestFactory
from rest_framework_simplejwt.authentication import JWTAuthentication

class Token(TokenAuthentication):
    def authenticate_credentials(self, key):
        return ('key:' + key, None)

class Basic(BasicAuthentication):
    def authenticate_credentials(self, userid, password, request=None):
        return ('user:' + userid + '\npassword:' + password, None)

class Jwt(JWTAuthentication):
    def authenticate(self, request):
        header = self.get_header(request)
        if header is None:
            return None
        raw = self.get_raw_token(header)
        return None if raw is None else ('token:' + raw.decode('latin-1'), None)

factory = APIRequestFactory()
def outcome(authenticator, header):
    try:
        result = authenticator.authenticate(factory.get('/', HTTP_AUTHORIZATION=header))
    except AuthenticationFailed as failure:
        detail = failure.detail
        return 'fail:' + str(detail['detail'] if isinstance(detail, dict) else detail)
    return 'none' if result is None else result[0]

rng = random.Random(20261130)
KEYWORDS = ['Token'] * 4 + ['Bearer'] * 4 + ['Basic'] * 4 + ['token', 'TOKEN', 'ToKeN', 'bearer', 'BEARER', 'basic',
            'BASIC', 'JWT', 'Tokens', 'Bear', '', 'Tok\u00e9n', 'Token:', 'Bearer:']
SEPARATORS = [' ', '  ', '\t', '\x0b', '\x0c', '\r', '\n', '\xa0', '\x1c', '\x85', ' \t ']
ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

def base64_value():
    raw = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 24)))
    if rng.random() < 0.5:
        user = ''.join(rng.choice('abcdé:xyz\u00ff ') for _ in range(rng.randrange(0, 8)))
        raw = (user + ':' + ''.join(rng.choice('pw:\u00e9 ') for _ in range(rng.randrange(0, 6)))).encode(
            rng.choice(['utf-8', 'latin-1']))
    text = base64.b64encode(raw).decode()
    mangle = rng.randrange(8)
    if mangle == 1:
        text = text.rstrip('=')
    elif mangle == 2 and text:
        i = rng.randrange(len(text) + 1)
        text = text[:i] + rng.choice('$!.-_~*\u00e9') + text[i:]
    elif mangle == 3:
        text = text + rng.choice(['=', '==', '===', 'A', 'AB=', 'YQ=='])
    elif mangle == 4 and text:
        i = rng.randrange(len(text) + 1)
        text = text[:i] + '=' + text[i:]
    return text

def any_value():
    kind = rng.randrange(6)
    if kind == 0:
        return ''.join(rng.choice('0123456789abcdef') for _ in range(40))
    if kind == 1:
        return base64_value()
    if kind == 2:
        return '.'.join(''.join(rng.choice(ALPHABET + '-_') for _ in range(rng.randrange(0, 12))) for _ in range(3))
    if kind == 3:
        return ''.join(chr(rng.randrange(0x21, 0x100)) for _ in range(rng.randrange(0, 12)))
    if kind == 4:
        return ''.join(rng.choice(ALPHABET) for _ in range(rng.randrange(1, 12)))
    return ''

def header():
    parts = [rng.choice(KEYWORDS)] + [any_value() for _ in range(rng.choice([0, 1, 1, 1, 1, 2, 3]))]
    text = parts[0]
    for part in parts[1:]:
        text += rng.choice(SEPARATORS) + part
    if rng.random() < 0.2:
        text = rng.choice(SEPARATORS) + text + rng.choice(SEPARATORS)
    return text

seen = set()
authenticators = {'token': Token(), 'jwt': Jwt(), 'basic': Basic()}
while len(seen) < 3000:
    h = header()
    if h in seen:
        continue
    seen.add(h)
    row = {'header': h}
    row.update({name: outcome(a, h) for name, a in authenticators.items()})
    print(json.dumps(row, ensure_ascii=True))
