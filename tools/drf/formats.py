# Asks DRF 3.14 (Debian: python3-djangorestframework) for each row of BrowsableApiTest's negotiation table: the
# status and the renderer (or the error's detail) for an Accept header and ?format= values, on a view anyone may read
# and one that needs a user.
# Usage: /usr/bin/python3 tools/drf/formats.py src/test/java/dev/portcullis/web/BrowsableApiTest.java
import json, re, sys
from urllib.parse import urlencode
import apiviews  # noqa: F401 (configures Django: the views asked)
from rest_framework.test import APIClient

src = open(sys.argv[1]).read()
browser = re.search(r'BROWSER = "([^"]*)"', src).group(1)
table = src[src.index('void onlyABrowserGetsThePage') - 4000:src.index('void onlyABrowserGetsThePage')]
rows = re.findall(r'^\s*"(/api/\w+/)\s*\|(.*?)\|(.*?)\|(\d+)\|(.*)",?$', table, re.M)
differ = 0
for where, accept, formats, status, expected in rows:
    accept, formats = accept.strip(), formats.strip()
    headers = {} if accept == '-' else {'HTTP_ACCEPT': browser if accept == 'BROWSER' else accept}
    query = '' if formats == '-' else '?' + urlencode([('format', f.replace("''", '')) for f in formats.split(',')])
    response = APIClient().get(where + query, **headers)
    kind = response['Content-Type'].replace('; charset=utf-8', ';charset=UTF-8')
    got = '%d|%s' % (response.status_code, kind if response.status_code == 200 else json.loads(response.content)['detail'])
    if got != '%s|%s' % (status, expected.strip()):
        differ += 1
        print('DIFF %s Accept [%s] ?format=%s: DRF %s, table %s|%s' % (where, accept, formats, got, status, expected))
print('%d of %d rows differ from DRF' % (differ, len(rows)))
sys.exit(1 if differ else 0)
