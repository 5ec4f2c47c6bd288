# Asks DRF 3.14 (Debian: python3-djangorestframework) what OPTIONS says of each field of FieldInfoTest's table
# (SimpleMetadata.get_field_info of the same field, bound to a serializer under the same name); prints the rows that
# differ. Usage: /usr/bin/python3 tools/drf/metadata.py src/test/java/dev/portcullis/viewsets/FieldInfoTest.java
import json, re, sys
import django
from django.conf import settings
settings.configure(USE_TZ=True, TIME_ZONE='UTC', INSTALLED_APPS=['rest_framework'], USE_I18N=False)
django.setup()
from rest_framework import serializers
from rest_framework.metadata import SimpleMetadata

LONG = {'min_value': -2 ** 63, 'max_value': 2 ** 63 - 1}  # a model's BigIntegerField on PostgreSQL
fields = {
    'char': ('title', lambda: serializers.CharField(max_length=5)),
    'char-labelled': ('title', lambda: serializers.CharField(max_length=5, label='Headline',
                                                             help_text='What a list shows.')),
    'char-bounds': ('nick_name', lambda: serializers.CharField(min_length=2, max_length=30, allow_blank=True,
                                                               required=False)),
    'char-read-only': ('title', lambda: serializers.CharField(read_only=True)),
    'email': ('email', lambda: serializers.EmailField()),
    'url': ('home_page', lambda: serializers.URLField(required=False)),
    'integer': ('count', lambda: serializers.IntegerField(min_value=-10, max_value=1000)),
    'integer-column': ('count', lambda: serializers.IntegerField(**LONG)),
    'decimal': ('price', lambda: serializers.DecimalField(max_digits=5, decimal_places=2)),
    'boolean': ('done', lambda: serializers.BooleanField(required=False)),
    'datetime': ('created_at', lambda: serializers.DateTimeField()),
    'date': ('due', lambda: serializers.DateField(allow_null=True)),
    'time': ('at', lambda: serializers.TimeField()),
    'uuid': ('key', lambda: serializers.UUIDField()),
    'choice': ('state', lambda: serializers.ChoiceField(choices=['draft', 'sent', '1'])),
    'choice-read-only': ('state', lambda: serializers.ChoiceField(choices=['draft', 'sent'], read_only=True)),
    'read-only-path': ('owner', lambda: serializers.ReadOnlyField(source='owner.username')),
    'current-user': ('owner', lambda: serializers.ReadOnlyField(source='owner.username')),
}
source = open(sys.argv[1]).read()
rows = re.findall(r'^\s*"([\w-]+)\s*\|(\{.*\})",?$', source, re.M)
differ = 0
for kind, expected in rows:
    name, make = fields[kind]
    serializer = type('S', (serializers.Serializer,), {name: make()})()
    info = json.loads(json.dumps(SimpleMetadata().get_serializer_info(serializer)[name]))
    if info != json.loads(expected.replace("'", '"')):
        differ += 1
        print('DIFF', kind, 'drf=', json.dumps(info), 'table=', expected)
print(len(rows), 'rows', differ, 'differ')
