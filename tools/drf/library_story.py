# Replays LibraryTest's story against the lending library written with DRF 3.14 and django-filter 23 (Debian's
# python3-djangorestframework and python3-django-filters): tools/drf/library/ is the DRF twin of the example.
# Usage: /usr/bin/python3 tools/drf/library_story.py src/test/java/dev/portcullis/examples/library/LibraryTest.java
import json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import django
from django.conf import settings
settings.configure(USE_TZ=True, TIME_ZONE='UTC', SECRET_KEY='x', ALLOWED_HOSTS=['*'], ROOT_URLCONF='library.urls',
                   DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}},
                   INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.auth', 'rest_framework',
                                   'django_filters', 'library'],
                   REST_FRAMEWORK={'DEFAULT_AUTHENTICATION_CLASSES': []})
django.setup()
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from rest_framework.test import APIClient

call_command('migrate', run_syncdb=True, verbosity=0)
source = open(sys.argv[1]).read()
block = source[source.index('STORY = {'):source.index('};', source.index('STORY = {'))]
block = re.sub(r'^\s*//.*$', '', block, flags=re.M).replace('"\n', '"').replace('" + "', '').replace('"+ "', '')
block = re.sub(r'"\s*\+\s*"', '', block)
java = lambda text: text.encode().decode('unicode_escape')
steps = [[java(s) for s in re.findall(r'"((?:[^"\\]|\\.)*)"', row)]
         for row in re.findall(r'\{\s*("(?:[^"\\]|\\.)*"(?:\s*,\s*"(?:[^"\\]|\\.)*")*)\s*\}', block)]

run = 'lib-00000001'
names = {'north': 'north-' + run, 'south': 'south-' + run, 'isbn1': '0000000101', 'isbn2': '0000000102'}
users = {'staff': User.objects.create(username='library-staff', is_staff=True)}
librarians = Group.objects.create(name='librarians')
for actor in ['librarian-n', 'librarian-s', 'member-n', 'member-s', 'outsider']:
    names[actor] = actor + '-' + run
    users[actor] = User.objects.create(username=names[actor])
    if actor.startswith('librarian'):
        users[actor].groups.add(librarians)


def fill(text):
    for name, value in names.items():
        text = text.replace('{%s}' % name, str(value))
    return text


def as_json(written):
    return json.loads(written.replace("'", '"'))


differ = 0
for actor, method, path, body, status, expected, save in steps:
    client = APIClient()
    client.force_authenticate(users[actor])
    path = '/api/library/' + fill(path).replace('?', '/?') + ('' if '?' in path or path.endswith('/') else '/')
    if body.startswith('form:'):
        response = client.generic(method, path, fill(body[5:]), content_type='application/x-www-form-urlencoded')
    else:
        data = as_json(fill(body)) if body else None
        response = getattr(client, method.lower())(path, data=data, format='json' if data is not None else None)
    answer = response.json() if response.content else None
    problems = []
    if response.status_code != int(status):
        problems.append('status %d, table %s' % (response.status_code, status))
    if save != '-' and answer and 'id' in answer:
        names[save] = names['@'] = answer['id']
    if expected.startswith('['):
        wanted = [names[n] for n in expected[1:-1].split(', ') if n]
        if [item['id'] for item in answer] != wanted:
            problems.append('ids %s, table %s' % ([item['id'] for item in answer], wanted))
    elif expected != '-' and answer != as_json(fill(expected)):
        problems.append('body %s, table %s' % (json.dumps(answer), fill(expected)))
    if problems:
        differ += 1
        print('DIFF %s %s %s %s: %s' % (actor, method, path, fill(body), '; '.join(problems)))
print('%d of %d steps differ from DRF' % (differ, len(steps)))
sys.exit(1 if differ else 0)
