from django.contrib.auth import get_user_model
from rest_framework import serializers

from .models import Book, Club, Copy, Loan, Member


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ['id', 'title', 'author', 'isbn']


class CopySerializer(serializers.ModelSerializer):
    class Meta:
        model = Copy
        fields = ['id', 'book', 'branch']


class MemberSerializer(serializers.ModelSerializer):
    user = serializers.SlugRelatedField(slug_field='username', queryset=get_user_model().objects.all())

    class Meta:
        model = Member
        fields = ['id', 'user', 'branch']

    def validate_branch(self, branch):
        user = self.context['request'].user
        if not user.is_staff and not Member.runs(user, branch):
            raise serializers.ValidationError('You can enrol members at your own branch only.')
        return branch


class LoanSerializer(serializers.ModelSerializer):
    book = BookSerializer(source='copy.book', read_only=True)
    member = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all())

    class Meta:
        model = Loan
        fields = ['id', 'copy', 'book', 'member', 'due', 'returned']

    def validate_member(self, member):
        # The classic hole: queryset=Member.objects.all() links any member; narrow it to the caller's branch.
        user = self.context['request'].user
        if not Member.objects.filter(Member.visible_to(user), pk=member.pk).exists():
            raise serializers.ValidationError('Invalid pk "%s" - object does not exist.' % member.pk)
        return member

    def validate(self, attrs):
        copy = attrs.get('copy', getattr(self.instance, 'copy', None))
        member = attrs.get('member', getattr(self.instance, 'member', None))
        returned = attrs.get('returned', getattr(self.instance, 'returned', False))
        if copy.branch != member.branch:
            raise serializers.ValidationError({'copy': 'This copy is at another branch than the member.'})
        open_loans = Loan.objects.filter(copy=copy, returned=False).exclude(pk=getattr(self.instance, 'pk', None))
        if not returned and open_loans.exists():
            raise serializers.ValidationError({'copy': 'loan with this copy already exists.'})
        return attrs


class ClubSerializer(serializers.ModelSerializer):
    members = serializers.PrimaryKeyRelatedField(many=True, queryset=Member.objects.all())

    class Meta:
        model = Club
        fields = ['id', 'name', 'members']

    def validate_members(self, members):
        visible = Member.objects.filter(Member.visible_to(self.context['request'].user))
        for member in members:
            if not visible.filter(pk=member.pk).exists():
                raise serializers.ValidationError('Invalid pk "%s" - object does not exist.' % member.pk)
        return members
