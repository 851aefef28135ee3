"""Members' log-in page: allauth's, answering 429 when its failed-login limit refuses the form."""

from __future__ import annotations

from allauth.account.views import LoginView as AllauthLoginView

from portal.login_limits import with_429


class LoginView(AllauthLoginView):
    def form_invalid(self, form):
        return with_429(super().form_invalid(form))
