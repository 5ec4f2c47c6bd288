from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, viewsets

from .models import Book, Club, Copy, Loan, Member
from .permissions import IsLibrarianOrReadOnly
from .serializers import BookSerializer, ClubSerializer, CopySerializer, LoanSerializer, MemberSerializer

# The views are named as the Java example's (DRF names a view after its class: OPTIONS says "Books List"), and their
# comments are not docstrings (DRF shows a docstring as the OPTIONS description; the Java example declares none).


class Books(viewsets.ModelViewSet):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    permission_classes = [IsLibrarianOrReadOnly]
    filter_backends = [DjangoFilterBackend, filters.SearchFilter, filters.OrderingFilter]
    filterset_fields = ['author']
    search_fields = ['title']
    ordering_fields = ['title']


class Copies(viewsets.ModelViewSet):
    queryset = Copy.objects.all()
    serializer_class = CopySerializer
    permission_classes = [IsLibrarianOrReadOnly]


class Members(viewsets.ModelViewSet):
    # Staff enrol librarians, librarians enrol users at their branch; a member sees their own membership.
    serializer_class = MemberSerializer
    permission_classes = [IsLibrarianOrReadOnly]

    def get_queryset(self):
        return Member.objects.filter(Member.visible_to(self.request.user))


class Loans(viewsets.ModelViewSet):
    # Members see their own loans; librarians see and lend at their branch, one open loan per copy.
    serializer_class = LoanSerializer
    permission_classes = [IsLibrarianOrReadOnly]
    filter_backends = [DjangoFilterBackend, filters.OrderingFilter]
    filterset_fields = ['returned']
    ordering_fields = ['due']

    def get_queryset(self):
        return Loan.objects.filter(Member.visible_to(self.request.user, 'member__')).order_by('id')


class Clubs(viewsets.ModelViewSet):
    # Librarians gather members they can see into clubs.
    queryset = Club.objects.all()
    serializer_class = ClubSerializer
    permission_classes = [IsLibrarianOrReadOnly]
