from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register('api/library/books', views.Books)
router.register('api/library/copies', views.Copies)
router.register('api/library/members', views.Members, basename='member')
router.register('api/library/loans', views.Loans, basename='loan')
router.register('api/library/clubs', views.Clubs)
urlpatterns = router.urls
