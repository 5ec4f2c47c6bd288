from django.conf import settings
from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=200)
    isbn = models.CharField(max_length=13, unique=True, help_text='ISBN-10 or ISBN-13, digits only.')


class Copy(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    branch = models.CharField(max_length=50)


class Member(models.Model):
    """A user's membership of one branch; members of the group "librarians" run their branch."""
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    branch = models.CharField(max_length=50)

    @staticmethod
    def visible_to(user, prefix=''):
        """The user's own membership, and the members of the branch the user runs as a librarian."""
        runs = Member.objects.filter(user=user, user__groups__name='librarians').values('branch')
        return models.Q(**{prefix + 'user': user}) | models.Q(**{prefix + 'branch__in': runs})

    @staticmethod
    def runs(user, branch=None):
        """Whether the user is a librarian of this branch (of any, for None)."""
        mine = Member.objects.filter(user=user, user__groups__name='librarians')
        return (mine if branch is None else mine.filter(branch=branch)).exists()


class Loan(models.Model):
    copy = models.ForeignKey(Copy, on_delete=models.PROTECT)
    member = models.ForeignKey(Member, on_delete=models.CASCADE)
    due = models.DateField()
    returned = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=['copy'], condition=models.Q(returned=False),
                                               name='library_loans_open_copy')]


class Club(models.Model):
    """A reading club of members: a relation to many."""
    name = models.CharField(max_length=100)
    members = models.ManyToManyField(Member)
