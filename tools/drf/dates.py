# Asks Django 3.2 (Debian: python3-django, under python3-djangorestframework) how a django-filter DateFilter's form
# field reads each row of DateInputTest: forms.DateField, not required, localization on (the English input formats).
# Usage: /usr/bin/python3 tools/drf/dates.py src/test/java/dev/portcullis/viewsets/DateInputTest.java
import re, sys
import django
from django.conf import settings
settings.configure(USE_TZ=True, USE_L10N=True)
django.setup()
from django import forms

src = open(sys.argv[1]).read()
rows = re.findall(r'^\s*"(.*?)\s*\|(.*)",?$', src[src.index('@CsvSource'):], re.M)
differ = 0
for text, expected in rows:
    text = re.sub(r'\\u([0-9a-f]{4})', lambda m: chr(int(m.group(1), 16)), text.strip()).replace('\\t', '\t')
    if text.startswith("'") and text.endswith("'"):
        text = text[1:-1]
    try:
        value = forms.DateField(required=False).clean(text)
        got = 'SKIP' if value is None else value.isoformat()
    except forms.ValidationError as e:
        got = '!' + ' '.join(e.messages)
    if got != expected.strip():
        differ += 1
        print('DIFF [%r]: Django %s, table %s' % (text, got, expected.strip()))
print('%d of %d rows differ from Django' % (differ, len(rows)))
sys.exit(1 if differ else 0)
