# Asks DRF 3.14 (Debian: python3-djangorestframework) for the status of each row of DecodedPathsTest: the same paths,
# sent to views routed as the service's are (a public view, an authenticated one, DefaultRouter viewsets for users,
# posts and documents). Django routes the decoded path, and its test client decodes a path as a WSGI server does.
# A path no pattern matches is Django's own 404 page where the service answers {"detail": "Not found."}; so the
# statuses are compared, and the bodies of the answers a view gave. Two rows differ, by design (security-model.md):
# an encoded slash beside other escapes (DRF routes /api%2Fpublic/?x=%41 as /api/public/) and a whole segment that
# is a dot where a pattern admits dots (DRF reads /api/admin/users/%2e%2e/ as the username ".."); both are a 404 here.
# Usage: /usr/bin/python3 tools/drf/paths.py src/test/java/dev/portcullis/web/DecodedPathsTest.java
import json, re, sys
import django
from django.conf import settings
settings.configure(SECRET_KEY='x', ALLOWED_HOSTS=['*'], ROOT_URLCONF=__name__, USE_TZ=True,
                   DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}},
                   INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.auth', 'rest_framework'],
                   REST_FRAMEWORK={'DEFAULT_AUTHENTICATION_CLASSES': [
                       'rest_framework.authentication.TokenAuthentication'],
                       'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated']})
django.setup()
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import path
from rest_framework import permissions, routers, views, viewsets
from rest_framework.response import Response
from rest_framework.test import APIClient


class Public(views.APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request):
        return Response({'data': 'public'})


class Data(views.APIView):
    def get(self, request):
        return Response({'data': 'sensitive'})


class Users(viewsets.ViewSet):
    permission_classes = [permissions.IsAdminUser]
    lookup_field = 'username'
    lookup_value_regex = '[^/]+'

    def partial_update(self, request, username=None):
        return Response({'username': username})

    def destroy(self, request, username=None):
        return Response(status=204)


class Objects(viewsets.ViewSet):
    def list(self, request):
        return Response([])

    def retrieve(self, request, pk=None):
        return Response({'id': pk})


router = routers.DefaultRouter()
router.register('api/admin/users', Users, basename='user')
router.register('api/posts', Objects, basename='post')
router.register('api/documents', Objects, basename='document')
urlpatterns = [path('api/public/', Public.as_view()), path('api/data/', Data.as_view())] + router.urls
call_command('migrate', verbosity=0, run_syncdb=True)
user = User.objects.create(username='path-user')

src = open(sys.argv[1]).read()
differ = rows = 0
for method, raw, actor, status, rest in re.findall(r'^\s*"(\w+)\s*\|(\S+)\s*\|(\w+)\s*\|(\d+)\|(.*)$', src, re.M):
    rows += 1
    client = APIClient()
    if actor == 'user':
        client.force_authenticate(user)
    response = getattr(client, method.lower())(raw)
    same = response.status_code == int(status)
    shown = re.fullmatch(r'(.*)",?', rest)  # a body written in the row, not a constant
    if same and shown and response.get('Content-Type', '').startswith('application/json'):
        same = json.loads(shown.group(1).replace('\\"', '"')) == response.json()
    if not same:
        differ += 1
        print('DIFF %s %s as %s: DRF %d %s, table %s' % (method, raw, actor, response.status_code,
                                                        response.content[:80], status))
print('%d of %d rows differ from DRF' % (differ, rows))
sys.exit(1 if differ else 0)
