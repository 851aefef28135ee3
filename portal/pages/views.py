from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View
from django.views.decorators.cache import cache_control
from django.views.generic import DetailView, TemplateView

from faq import services as faq_services
from faq import throttle
from faq.forms import started_token, token_use
from faq.models import SubmissionKind

from .forms import ContactForm
from .models import EditorProfile

CONTACT_SESSION_KEY = "pages_contact_reference"

# Crawlers may read every public page; staff, member and preview pages and search results are not for indexes.
ROBOTS_DISALLOW = ("/admin/", "/accounts/", "/preview/", "/search/", "/faq/ask/", "/faq/my-questions/",
    "/feeds/digest/confirm/", "/feeds/digest/unsubscribe/",
)


@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), ""]
    lines.append(f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class AboutView(TemplateView):
    template_name = "pages/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(team=EditorProfile.objects.public(), **kwargs)


class EditorialView(TemplateView):
    template_name = "pages/editorial.html"


class PersonView(DetailView):
    template_name = "pages/person.html"
    context_object_name = "profile"

    def get_queryset(self):
        return EditorProfile.objects.public()


class ContactView(View):
    """Contact the editors: goes into the reader-question queue (kind "contact"), with the question
    form's rate limit, honeypot and minimum fill time; every refusal keeps what was typed."""

    template_name = "pages/contact.html"

    def render_form(self, form: ContactForm, status: int = 200, **context) -> HttpResponse:
        return render(self.request, self.template_name, {"form": form, **context}, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_form(ContactForm(user=request.user))

    def kept(self) -> ContactForm:
        """What was typed, on a fresh form (a new fill-time token), for a refusal after validation."""
        return ContactForm(initial={**self.request.POST.dict(), "started": started_token()}, user=self.request.user)

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ContactForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render_form(form)
        if not token_use(form.token_nonce):  # the same form sent twice (double click or replay)
            return self.render_form(self.kept(), 409, already_sent=True)
        if not throttle.ask_take(request):  # one allowance shared with the question form
            return self.render_form(self.kept(), 429, rate_limited=True)
        submission = faq_services.submission_create(
            user=request.user, kind=SubmissionKind.CONTACT, **form.submission_data()
        )
        request.session[CONTACT_SESSION_KEY] = submission.reference
        return redirect("pages:contact_thanks")


class ContactThanksView(TemplateView):
    template_name = "pages/contact_thanks.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if CONTACT_SESSION_KEY not in request.session:
            return redirect("pages:contact")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(reference=self.request.session[CONTACT_SESSION_KEY], **kwargs)
