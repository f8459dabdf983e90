"""Sessions in the database, as Django keeps them, read with a statement compiled once per
process (accounts.prepared): every signed-in request reads its session first.

Why the database and not signed cookies: a session here ends on the server — signing out,
an administrator's password reset, the idle limit — and a copied cookie ends with it;
a signed-cookie session cannot be revoked before it expires (docs/security.md). A cache
in front (``cached_db``) saves nothing while the shared cache is itself a database table,
and is the choice once it is Redis."""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from taizhang.accounts.prepared import Prepared

# Never a real key: Django's are 32 lowercase letters and digits.
_BY_KEY = Prepared(
    Session,
    lambda key: Session.objects.filter(session_key=key),
    sentinels=("-prepared-session-key-",),
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        """Django's: the session of this key unless it has expired (then none, and a new
        key will be made)."""
        found = _BY_KEY.first(self.session_key) if self.session_key else None
        if found is None or found.expire_date <= timezone.now():
            self._session_key = None
            return None
        return found
