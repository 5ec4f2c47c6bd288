# Asks DRF 3.14 (its default parsers, chosen by its content negotiation) what each row of PayloadReaderTest reads:
# request.data (a file as {}), or the status and detail of the error. Prints the rows that differ.
# Usage: /usr/bin/python3 tools/drf/parsers.py src/test/java/dev/portcullis/web/PayloadReaderTest.java
import json, re, sys
import django
from django.conf import settings
settings.configure(SECRET_KEY='x', ALLOWED_HOSTS=['*'], ROOT_URLCONF=__name__,
                   INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.auth', 'rest_framework'],
                   REST_FRAMEWORK={'DEFAULT_AUTHENTICATION_CLASSES': [], 'DEFAULT_PERMISSION_CLASSES': [],
                                   'UNAUTHENTICATED_USER': None})
django.setup()
from django.core.files.uploadedfile import UploadedFile
from django.urls import path
from rest_framework.response import Response
from rest_framework.test import APIClient
from rest_framework.views import APIView


class Data(APIView):
    def post(self, request):
        data = request.data
        fields = {key: data[key] for key in data} if hasattr(data, 'keys') else data
        return Response({key: {} if isinstance(value, UploadedFile) else value for key, value in fields.items()})


urlpatterns = [path('data/', Data.as_view())]


def java(literal):
    text = literal.encode('latin-1', 'backslashreplace').decode('unicode_escape')
    return text.encode('utf-16', 'surrogatepass').decode('utf-16', 'surrogatepass')


source = open(sys.argv[1]).read()
block = source[source.index('String[] ROWS = {'):source.index('};', source.index('String[] ROWS = {'))]
rows = re.findall(r'^\s*"(.*)",?$', block, re.M)
differ = 0
for row in rows:
    content_type, body, expected = java(row).split(' => ', 2)
    kwargs = {'content_type': '' if content_type == '-' else content_type}
    response = APIClient().generic('POST', '/data/', body.encode('utf-8'), **kwargs)
    answer = response.json()
    if response.status_code != 200:
        answer = '!%d %s' % (response.status_code, answer['detail'])
    elif not expected.startswith('!'):
        expected = json.loads(expected)
    if answer != expected:
        differ += 1
        print('DIFF', repr(content_type), repr(body)[:80], 'drf=', repr(answer), 'ours=', repr(expected))
print(len(rows), 'rows', differ, 'differ')
