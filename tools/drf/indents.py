# Asks DRF 3.14 (Debian: python3-djangorestframework) for each row of BrowsableApiTest's indent table: the status and
# the body of /api/public/ and of an anonymous /api/private/ for an Accept header with an indent; prints the rows
# that differ. Usage: /usr/bin/python3 tools/drf/indents.py src/test/java/dev/portcullis/web/BrowsableApiTest.java
import re, sys
import django
from django.conf import settings
settings.configure(SECRET_KEY='x', ALLOWED_HOSTS=['*'], ROOT_URLCONF=__name__, DATABASES={},
                   INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.auth', 'rest_framework'],
                   REST_FRAMEWORK={'UNAUTHENTICATED_USER': None,
                                   'DEFAULT_AUTHENTICATION_CLASSES': ['rest_framework.authentication.BasicAuthentication']},
                   TEMPLATES=[{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'APP_DIRS': True}])
django.setup()
from django.urls import path
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.test import APIClient
from rest_framework.views import APIView


class Public(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({'data': 'public'})


class Private(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({'data': 'sensitive'})


urlpatterns = [path('api/public/', Public.as_view()), path('api/private/', Private.as_view())]
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
