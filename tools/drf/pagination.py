# Asks DRF 3.14 (Debian: python3-djangorestframework) for the pages and links of each row of PaginationTest.
# Usage: /usr/bin/python3 tools/drf/pagination.py src/test/java/dev/portcullis/viewsets/PaginationTest.java
import re, sys, json
import django
from django.conf import settings
settings.configure(USE_TZ=True, INSTALLED_APPS=['rest_framework'], ALLOWED_HOSTS=['*'], ROOT_URLCONF=__name__, SECRET_KEY='x',
                   REST_FRAMEWORK={'UNAUTHENTICATED_USER': None})
django.setup()
urlpatterns = []
from rest_framework.pagination import LimitOffsetPagination, PageNumberPagination
from rest_framework.test import APIRequestFactory
from rest_framework.request import Request
from rest_framework.exceptions import NotFound
factory = APIRequestFactory()
src = open(sys.argv[1]).read()
def run(cls, path, query, items):
    req = Request(factory.get(path + ('?' + query if query else ''), HTTP_HOST='localhost:1'))
    p = cls()
    try:
        page = p.paginate_queryset(items, req)
    except NotFound as e:
        return '404 ' + str(e.detail)
    if page is None:
        return 'plain'
    r = p.get_paginated_response(page).data
    strip = lambda u: None if u is None else u.replace('http://localhost:1' + path, '')
    return '%s|%s|%s' % (strip(r['next']) or '-', strip(r['previous']) if r['previous'] is not None else '-', ' '.join(str(i) for i in page))
class PN(PageNumberPagination): page_size = 2
items = [0,1,2,3,4]
bad = 0
block = lambda name: src[src.index('void ' + name)-3000: src.index('void ' + name)]
lo = re.findall(r'^\s*"([^"|]*?)\s*\|([^|]*?)\s*\|([^|]*?)\s*\|([^"|]*)(?:\|\d+)?",?$', src[src.index('@CsvSource(delimiter', 0):src.index('void limitOffset')], re.M)
for q, n, p, res in lo:
    got = run(LimitOffsetPagination, '/api/documents/', q, items)
    exp = '%s|%s|%s' % (n, p, '' if res.strip()=="''" else res.strip())
    if got != exp: bad += 1; print('LO DIFF', q, 'drf=', got, 'ours=', exp)
pn_src = src[src.index('void aLimitThatIsNot'):src.index('void pageNumbers')]
for q, n, p, res in re.findall(r'^\s*"([^"|]*?)\s*\|([^|]*?)\s*\|([^|]*?)\s*\|([^"|]*)(?:\|\d+)?",?$', pn_src, re.M):
    q = '' if q == "''" else q
    got = run(PN, '/api/examples/paged-documents/', q, items)
    p = '' if p == "''" else p
    exp = '%s|%s|%s' % (n, p, '' if res.strip()=="''" else res.strip())
    if got != exp: bad += 1; print('PN DIFF', q, 'drf=', got, 'ours=', exp)
plain = re.search(r'value = \{("\'\'".*?)\}\)\s*void aLimit', src, re.S).group(1)
for q in re.findall(r'"([^"]*)"', plain):
    q = '' if q == "''" else q
    got = run(LimitOffsetPagination, '/api/documents/', q, items)
    if got != 'plain': bad += 1; print('PLAIN DIFF', q, got)
nf = re.search(r'@CsvSource\(\{("page=4".*?)\}\)', src, re.S).group(1)
for q in re.findall(r'"([^"]*)"', nf):
    got = run(PN, '/x/', q, items)
    if got != '404 Invalid page.': bad += 1; print('404 DIFF', q, got)
print('differ', bad, 'of', len(lo), 'lo rows')
