from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register('api/library/books', views.BookViewSet)
router.register('api/library/copies', views.CopyViewSet)
router.register('api/library/members', views.MemberViewSet, basename='member')
router.register('api/library/loans', views.LoanViewSet, basename='loan')
router.register('api/library/clubs', views.ClubViewSet)
urlpatterns = router.urls
