from rest_framework import permissions

from .models import Member


class IsLibrarianOrReadOnly(permissions.BasePermission):
    """Signed-in users read; staff and librarians write."""

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and (
            request.method in permissions.SAFE_METHODS or user.is_staff or Member.runs(user)))
