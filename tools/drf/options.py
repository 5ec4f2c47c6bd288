# Asks DRF 3.14 and SimpleJWT (Debian: python3-djangorestframework, python3-djangorestframework-simplejwt) what
# OPTIONS answers for each row of MetadataActionsTest's table of DRF's own views (SimpleJWT's token views and DRF's
# obtain_auth_token), comparing the keys each row holds; prints the rows that differ.
# Usage: /usr/bin/python3 tools/drf/options.py src/test/java/dev/portcullis/api/MetadataActionsTest.java
import json, re, sys
import django
from django.conf import settings
settings.configure(USE_TZ=True, SECRET_KEY='x' * 50, ALLOWED_HOSTS=['*'], ROOT_URLCONF=__name__,
                   DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}},
                   INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.auth', 'rest_framework',
                                   'rest_framework.authtoken', 'rest_framework_simplejwt.token_blacklist'])
django.setup()
from django.urls import path
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.test import APIClient
from rest_framework_simplejwt.views import TokenBlacklistView, TokenObtainPairView, TokenRefreshView, TokenVerifyView

urlpatterns = [path('api/jwt/create/', TokenObtainPairView.as_view()), path('api/jwt/refresh/', TokenRefreshView.as_view()),
               path('api/jwt/verify/', TokenVerifyView.as_view()), path('api/jwt/blacklist/', TokenBlacklistView.as_view()),
               path('api/token/', ObtainAuthToken.as_view())]

source = open(sys.argv[1]).read()
rows = re.findall(r'^\s*"(/api/\S+)\s*\|(\{.*\})",?$', source, re.M)
differ = 0
for route, expected in rows:
    wanted = json.loads(expected.replace('\\\\', '\\').replace("'", '"').replace('token`s', "token's"))
    answer = APIClient().options(route).json()
    different = {key: answer.get(key) for key in wanted if answer.get(key) != wanted[key]}
    if different:
        differ += 1
        print('DIFF', route, json.dumps(different))
print(len(rows), 'rows', differ, 'differ')
