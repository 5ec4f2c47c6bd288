# Replays PostBodiesTest's rows against the posts' viewset written with DRF 3.14 (its serializer, its parsers):
# the status and the fields each row expects. Prints the rows that differ.
# Usage: /usr/bin/python3 tools/drf/bodies.py src/test/java/dev/portcullis/api/PostBodiesTest.java
import json, re, sys
import django
from django.conf import settings
settings.configure(USE_TZ=True, TIME_ZONE='UTC', SECRET_KEY='x', ALLOWED_HOSTS=['*'], ROOT_URLCONF=__name__,
                   DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}},
                   INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.auth', 'rest_framework', '__main__'])
django.setup()
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection, models
from rest_framework import permissions, routers, serializers, viewsets
from rest_framework.test import APIClient


class Post(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True, default='')
    published = models.BooleanField(default=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = '__main__'


class PostViewSet(viewsets.ModelViewSet):
    class serializer_class(serializers.ModelSerializer):
        owner = serializers.ReadOnlyField(source='owner.username')
        body = serializers.CharField(allow_blank=True, trim_whitespace=False, required=False)

        class Meta:
            model = Post
            fields = ['id', 'title', 'body', 'published', 'owner', 'created_at']

    permission_classes = [permissions.IsAuthenticated]
    queryset = Post.objects.all()

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)


router = routers.SimpleRouter()
router.register('api/posts', PostViewSet)
urlpatterns = router.urls
call_command('migrate', run_syncdb=True, verbosity=0)
with connection.schema_editor() as editor:
    editor.create_model(Post)
client = APIClient()
client.force_authenticate(User.objects.create(username='body-writer'))


def java(literal):
    text = literal.encode('latin-1', 'backslashreplace').decode('unicode_escape')
    return text.encode('utf-16', 'surrogatepass').decode('utf-16', 'surrogatepass')


source = open(sys.argv[1]).read()
multipart = re.search(r'MULTIPART = "(.*)";', source).group(1)
block = source[source.index('String[] ROWS = {'):source.index('};', source.index('String[] ROWS = {'))]
rows = re.findall(r'^\s*(MULTIPART \+ )?"(.*)",?$', block, re.M)
differ = 0
for prefix, row in rows:
    content_type, body, status, fields = java((multipart if prefix else '') + row).split(' => ', 3)
    response = client.generic('POST', '/api/posts/', body.encode('utf-8'),
                              content_type='' if content_type == '-' else content_type)
    answer = response.json()
    expected = json.loads(fields)
    if response.status_code != int(status) or any(answer.get(k) != v for k, v in expected.items()) \
            or (response.status_code != 201 and len(answer) != len(expected)):
        differ += 1
        print('DIFF', repr(content_type), repr(body)[:60], 'drf=', response.status_code, answer, 'ours=', status, fields)
print(len(rows), 'rows', differ, 'differ')
