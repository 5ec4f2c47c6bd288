# Asks DRF 3.14 (Debian: python3-djangorestframework) for each row of BrowsableApiTest's indent table: the status and
# the body of /api/public/ and of an anonymous /api/private/ for an Accept header with an indent; prints the rows
# that differ. Usage: /usr/bin/python3 tools/drf/indents.py src/test/java/dev/portcullis/web/BrowsableApiTest.java
import re, sys
import apiviews  # noqa: F401 (configures Django: the views asked)
from rest_framework.test import APIClient

src = open(sys.argv[1]).read()
table = src[src.index('void anAcceptIndentIndentsTheJson') - 3000:src.index('void anAcceptIndentIndentsTheJson')]
rows = re.findall(r'^\s*"(/api/\w+/)\s*\|(.*?)\|(\d+)\|(.*)",?$', table, re.M)
differ = 0
for where, accept, status, expected in rows:
    accept = accept.strip().replace('\\"', '"')
    expected = expected.replace('\\\\n', '\n').replace('\\"', '"')
    response = APIClient().get(where, HTTP_ACCEPT=accept)
    body = response.content.decode()
    if (response.status_code, body) != (int(status), expected):
        differ += 1
        print('DIFF %s Accept [%s]: DRF %d %r, table %s %r' % (where, accept, response.status_code, body, status, expected))
print('%d of %d rows differ from DRF' % (differ, len(rows)))
sys.exit(1 if differ else 0)
