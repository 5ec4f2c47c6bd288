# Asks DRF 3.14 with django-filter 23 (Debian: python3-djangorestframework, python3-django-filters) for the answer to
# each row of FilteringTest: the same posts and documents, the same viewsets' filters, search and ordering.
# Usage: /usr/bin/python3 tools/drf/filters.py src/test/java/dev/portcullis/api/FilteringTest.java
import datetime, json, re, sys
import django
from django.conf import settings
settings.configure(USE_TZ=True, TIME_ZONE='UTC', SECRET_KEY='x', ALLOWED_HOSTS=['*'], ROOT_URLCONF=__name__,
                   DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}},
                   INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.auth', 'rest_framework',
                                   'django_filters', '__main__'],
                   REST_FRAMEWORK={'DEFAULT_AUTHENTICATION_CLASSES': [], 'UNAUTHENTICATED_USER': None})
django.setup()
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection, models
from django_filters import rest_framework as df
from rest_framework import filters, permissions, routers, serializers, viewsets
from rest_framework.test import APIClient


class Post(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    published = models.BooleanField(default=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE)
    created_at = models.DateTimeField()

    class Meta:
        app_label = '__main__'


class Document(models.Model):
    title = models.CharField(max_length=200)
    content = models.TextField(blank=True)
    owner = models.ForeignKey(User, on_delete=models.CASCADE)  # stands in for the creator's guardian grants

    class Meta:
        app_label = '__main__'


class PostFilter(df.FilterSet):
    owner = df.CharFilter(field_name='owner__username')
    created_after = df.IsoDateTimeFilter(field_name='created_at', lookup_expr='gte')
    created_before = df.IsoDateTimeFilter(field_name='created_at', lookup_expr='lt')

    class Meta:
        model = Post
        fields = ['published']


class PostViewSet(viewsets.ReadOnlyModelViewSet):
    class serializer_class(serializers.ModelSerializer):
        class Meta:
            model = Post
            fields = ['id']
    permission_classes = [permissions.AllowAny]
    filter_backends = [df.DjangoFilterBackend, filters.SearchFilter, filters.OrderingFilter]
    filterset_class = PostFilter
    search_fields = ['title', 'body']
    ordering_fields = ['id', 'title', 'created_at']
    ordering = ['id']

    def get_queryset(self):
        user = self.request.user
        return Post.objects.filter(models.Q(published=True) | models.Q(owner_id=user.id if user else -1))


class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    class serializer_class(serializers.ModelSerializer):
        class Meta:
            model = Document
            fields = ['id']
    permission_classes = [permissions.AllowAny]
    filter_backends = [filters.SearchFilter, filters.OrderingFilter]
    search_fields = ['title']
    ordering_fields = ['id', 'title']
    ordering = ['id']

    def get_queryset(self):
        return Document.objects.filter(owner=self.request.user)


router = routers.SimpleRouter()
router.register('api/posts', PostViewSet, basename='post')
router.register('api/documents', DocumentViewSet, basename='document')
urlpatterns = router.urls

call_command('migrate', run_syncdb=True, verbosity=0)
with connection.schema_editor() as editor:
    editor.create_model(Post)
    editor.create_model(Document)

src = open(sys.argv[1]).read()
users = {'A': User.objects.create(username='filter-a-00000001'), 'B': User.objects.create(username='filter-b-00000002')}
names, times = {}, {}
start = datetime.datetime(2026, 1, 1, 9, 30, 15, 123456, tzinfo=datetime.timezone.utc)
for i, (name, owner, title, body, published) in enumerate(re.findall(
        r'List\.of\("(p\d)", "(\w)", "([^"]*)", "([^"]*)", (true|false)\)', src)):
    created = start + datetime.timedelta(minutes=i)
    names[Post.objects.create(title=title, body=body, published=published == 'true', owner=users[owner],
                              created_at=created).id, 'post'] = name
    times[name] = created.isoformat().replace('+00:00', 'Z')
for name, owner, title in re.findall(r'List\.of\("(d\d)", "(\w)", "([^"]*)"\)', src):
    names[Document.objects.create(title=title, owner=users[owner]).id, 'document'] = name


def answer(resource, actor, query):
    query = query.replace('{A}', users['A'].username).replace('{B}', users['B'].username)
    for name, time in times.items():
        query = query.replace('{%s}' % name, time)
    client = APIClient()
    if actor != 'anonymous':
        client.force_authenticate(users[actor])
    response = client.get('/api/%ss/?%s' % (resource, query))
    if response.status_code != 200:
        return '%d %s' % (response.status_code, json.dumps(response.json(), separators=(',', ':')))
    return ' '.join(names[item['id'], resource] for item in response.json()) or 'none'


differ = rows = 0
for resource in ('post', 'document'):
    end = src.index('void %ss(' % resource)
    table = src[src[:end].rindex('@CsvSource'):end]
    for actor, query, expected in re.findall(r'^\s*"(\w+)\s*\|(.*?)\s*\|(.*)",?$', table, re.M):
        rows += 1
        try:
            got = answer(resource, actor, query)
        except OverflowError:
            # A time whose UTC falls outside Python's years: SQLite's adapter converts it and fails (a 500);
            # PostgreSQL's compares it as it is, which is what the table holds.
            print('SQLITE %s as %s ?%s: DRF on SQLite fails (OverflowError), table %s' % (resource, actor, query, expected))
            continue
        if got != expected.replace('\\"', '"'):
            differ += 1
            print('DIFF %s as %s ?%s: DRF %s, table %s' % (resource, actor, query, got, expected))
print('%d of %d rows differ from DRF' % (differ, rows))
sys.exit(1 if differ else 0)
