# Replays JwtApiTest's table of the JWT endpoints' refusals against SimpleJWT 5.2 itself (Debian:
# python3-djangorestframework-simplejwt): each row's status and body; prints the rows that differ.
# Usage: /usr/bin/python3 tools/drf/jwt_errors.py src/test/java/dev/portcullis/api/JwtApiTest.java
import json, re, sys
import django
from django.conf import settings
settings.configure(USE_TZ=True, SECRET_KEY='x' * 50, ALLOWED_HOSTS=['*'], ROOT_URLCONF=__name__,
                   DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}},
                   PASSWORD_HASHERS=['django.contrib.auth.hashers.MD5PasswordHasher'],
                   INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.auth', 'rest_framework',
                                   'rest_framework_simplejwt.token_blacklist'],
                   SIMPLE_JWT={'ROTATE_REFRESH_TOKENS': True, 'BLACKLIST_AFTER_ROTATION': True})
django.setup()
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import path
from rest_framework.test import APIClient
from rest_framework_simplejwt.views import TokenBlacklistView, TokenObtainPairView, TokenRefreshView, TokenVerifyView

urlpatterns = [path('api/jwt/create/', TokenObtainPairView.as_view()), path('api/jwt/refresh/', TokenRefreshView.as_view()),
               path('api/jwt/verify/', TokenVerifyView.as_view()), path('api/jwt/blacklist/', TokenBlacklistView.as_view())]
call_command('migrate', verbosity=0)
PASSWORD = 'correct-horse-battery'  # Api.PASSWORD
User.objects.create_user('mobile2', password=PASSWORD)
User.objects.create_user('jwt-sleeper', password=PASSWORD, is_active=False)

source = open(sys.argv[1]).read()
block = source[source.index('void endpointErrors') - 2000:source.index('void endpointErrors')]
rows = re.findall(r'^\s*"(/api/jwt/\w+/)\s*\|(.*?)\|(\d+)\|(.*)",?$', block, re.M)
differ = 0
for route, body, status, expected in rows:
    body, expected = body.replace('\\"', '"'), expected.replace('\\"', '"')
    response = APIClient().post(route, json.loads(body), format='json')
    if response.status_code != int(status) or response.json() != json.loads(expected):
        differ += 1
        print('DIFF', route, body, 'SimpleJWT:', response.status_code, json.dumps(response.json()), 'table:', status, expected)
print(len(rows), 'rows', differ, 'differ')
sys.exit(1 if differ else 0)
