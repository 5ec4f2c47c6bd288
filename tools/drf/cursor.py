# Asks DRF 3.14 (Debian: python3-djangorestframework) for the walk of CursorPaginationTest: five documents titled
# t1..t5, CursorPagination(page_size=2, ordering='-title'), forward to the end and back; prints each page as
# "titles | next cursor | previous cursor", the cursors decoded.
# Usage: /usr/bin/python3 tools/drf/cursor.py
from base64 import b64decode
from urllib import parse
import django
from django.conf import settings
settings.configure(INSTALLED_APPS=['django.contrib.contenttypes', 'rest_framework'], ALLOWED_HOSTS=['*'],
                   DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}},
                   REST_FRAMEWORK={'UNAUTHENTICATED_USER': None})
django.setup()
from django.db import connection, models
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory


class Document(models.Model):
    title = models.CharField(max_length=200)

    class Meta:
        app_label = 'rest_framework'


with connection.schema_editor() as editor:
    editor.create_model(Document)
for title in ['t3', 't1', 't5', 't2', 't4']:
    Document.objects.create(title=title)


class Paginator(CursorPagination):
    page_size = 2
    ordering = '-title'


def cursor_of(link):
    if link is None:
        return '-'
    return b64decode(parse.parse_qs(parse.urlsplit(link).query)['cursor'][0]).decode('ascii')


def page(cursor):
    url = '/x/' + ('?cursor=' + cursor if cursor else '')
    paginator = Paginator()
    items = paginator.paginate_queryset(Document.objects.all(), Request(APIRequestFactory().get(url)))
    return (' '.join(d.title for d in items), paginator.get_next_link(), paginator.get_previous_link())


def raw(link):
    return parse.parse_qs(parse.urlsplit(link).query)['cursor'][0] if link else None


walk = [page(None)]
while walk[-1][1]:
    walk.append(page(raw(walk[-1][1])))
while walk[-1][2]:
    walk.append(page(raw(walk[-1][2])))
for titles, next_link, previous_link in walk:
    print(f'"{titles} | {cursor_of(next_link)} | {cursor_of(previous_link)}",')

# The cursors CursorPaginationTest expects to be refused: each must be DRF's 404 "Invalid cursor".
from rest_framework.exceptions import NotFound
for cursor in ['not+base64!', 'cD0', 'bz0tMQ==', 'bz14', 'cj14', 'w6k=', '%C3%A9']:
    try:
        page(cursor)
        print('accepted:', cursor)
    except NotFound as refused:
        print(f'refused: {cursor} -> {refused.detail}')
