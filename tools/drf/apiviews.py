# The reference API's two plain views as DRF 3.14 serves them — /api/public/ (AllowAny) and /api/private/
# (IsAuthenticated, so an anonymous request is a 401 with its WWW-Authenticate) — with DRF's default renderers, for
# the tools that ask DRF how it negotiates and renders (formats.py, indents.py). Importing it configures Django.
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
