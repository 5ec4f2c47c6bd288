# Asks DRF 3.14 (Debian: python3-djangorestframework) what each row of FieldsTest expects; prints the rows that differ.
# Usage: /usr/bin/python3 tools/drf/fields.py src/test/java/dev/portcullis/viewsets/FieldsTest.java
import json, re, sys
import django
from django.conf import settings
settings.configure(USE_TZ=True, TIME_ZONE='UTC', INSTALLED_APPS=['rest_framework'], USE_I18N=False)
django.setup()
from rest_framework import serializers
fields = {
 'char': lambda: serializers.CharField(max_length=5),
 'char-blank': lambda: serializers.CharField(allow_blank=True),
 'email': lambda: serializers.EmailField(),
 'url': lambda: serializers.URLField(),
 'date': lambda: serializers.DateField(),
 'time': lambda: serializers.TimeField(),
 'uuid': lambda: serializers.UUIDField(),
 'integer': lambda: serializers.IntegerField(min_value=-10, max_value=1000),
 'decimal': lambda: serializers.DecimalField(max_digits=5, decimal_places=2),
 'boolean': lambda: serializers.BooleanField(),
 'datetime': lambda: serializers.DateTimeField(),
 'choice': lambda: serializers.ChoiceField(choices=['draft','sent','1']),
}
src = open(sys.argv[1]).read()
rows = re.findall(r'^\s*"(\w[\w-]*)\s*\|(.*?)\|(.*)",?$', src, re.M)
bad = 0
for kind, js, expected in rows:
    js = js.strip().replace('\\"','"').replace('\\\\','\\')
    expected = re.sub(r'\\u([0-9a-f]{4})', lambda m: chr(int(m.group(1), 16)), expected.strip().replace('\\"','"'))
    if expected == "''": expected = ''
    data = json.loads(js)
    f = fields[kind]()
    try:
        v = f.run_validation(data)
        if isinstance(v, bool): out = 'true' if v else 'false'
        elif hasattr(v, 'isoformat') : out = v.isoformat().replace('+00:00','Z')
        else: out = str(v)
    except serializers.ValidationError as e:
        out = '!' + ' '.join(str(m) for m in e.detail)
    exp = expected.replace('WRONG_FORMAT', 'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].')
    exp = exp.replace('DATE_FORMAT', 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.')
    exp = exp.replace('TIME_FORMAT', 'Time has wrong format. Use one of these formats instead: hh:mm[:ss[.uuuuuu]].')
    if out != exp:
        bad += 1
        print('DIFF', kind, js, 'drf=', out, 'ours=', exp)
print(len(rows), 'rows', bad, 'differ')
