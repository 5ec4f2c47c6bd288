# Asks DRF 3.14's JSONParser (Python's json, DRF's strict constants, the body read through Python's codecs) for
# each row of PythonJsonTest; prints the rows that differ.
# Usage: /usr/bin/python3 tools/drf/json_bodies.py src/test/java/dev/portcullis/web/PythonJsonTest.java
import io, json, math, re, sys
import django
from django.conf import settings
settings.configure()
django.setup()
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


def java(literal):
    text = literal.encode('latin-1', 'backslashreplace').decode('unicode_escape')
    return text.encode('utf-16', 'surrogatepass').decode('utf-16', 'surrogatepass')  # pairs of \uD83D\uDE00 joined


def drf(body, encoding):
    try:
        return JSONParser().parse(io.BytesIO(body), parser_context={'encoding': encoding})
    except ParseError as e:
        return '!' + str(e.detail)[len('JSON parse error - '):]


def same(value, expected):
    if expected.startswith('!'):
        return value == expected
    return not isinstance(value, str) or not value.startswith('!') and value == json.loads(expected)


rows = re.findall(r'^\s*"(.*)",?$', open(sys.argv[1]).read(), re.M)
differ = 0
for row in rows:
    parts = java(row).split(' => ')
    if len(parts) == 2:
        body, expected = parts
        value = drf(body.encode('utf-8', 'surrogatepass'), 'utf-8')
    else:
        body, charset, expected = parts
        value = drf(bytes.fromhex(body), charset if charset != 'no-such-codec' else 'utf-8')
    if isinstance(value, float) and math.isinf(value):
        value = 1e400
    if not same(value, expected):
        differ += 1
        print('DIFF', repr(body), 'drf=', repr(value), 'ours=', repr(expected))
print(len(rows), 'rows', differ, 'differ')
