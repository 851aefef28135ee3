from __future__ import annotations

import logging

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import OperationalError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from portal.content.pagination import IdPaginator
from portal.content.params import StrictPageMixin

from . import selectors, services, throttle
from .forms import AskForm, started_token, token_use
from .models import Question, Submission

THANKS_SESSION_KEY = "faq_ask_reference"
logger = logging.getLogger(__name__)


class QuestionListView(TemplateView):
    """Every category with its first few published FAQs; each category has its own paginated page."""

    template_name = "faq/question_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(groups=selectors.faq_overview(), **kwargs)


class CategoryView(ListView):
    """One category's published FAQs, paginated."""

    template_name = "faq/category_detail.html"
    paginate_by = 20
    paginator_class = IdPaginator

    def get_queryset(self) -> QuerySet[Question]:
        self.category = selectors.category_for_page(self.kwargs["slug"])
        return Question.objects.in_category(self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class QuestionDetailView(DetailView):
    def get_queryset(self) -> QuerySet[Question]:
        return Question.objects.published().for_detail().select_related("category")


class AskView(View):
    """Ask a question in two steps: write it, then check it against similar FAQs and confirm.

    The second step works without JavaScript; with it, suggestions also appear while typing. Every
    refusal (invalid input, honeypot, too fast, rate limit) shows the form again with what was typed.
    """

    template_name = "faq/ask.html"

    def render_form(self, form: AskForm, status: int = 200, **context) -> HttpResponse:
        return render(
            self.request,
            self.template_name,
            {"form": form, "about_item": form.about_item, **context},
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_form(AskForm(initial={"about": request.GET.get("about", "")}, user=request.user))

    def post(self, request: HttpRequest) -> HttpResponse:
        if "edit" in request.POST:
            return self.render_form(AskForm(initial=request.POST.dict(), user=request.user))
        form = AskForm(request.POST, user=request.user)
        confirmed = "confirm" in request.POST
        if not form.is_valid():
            return self.render_form(form)
        if confirmed and not token_use(form.token_nonce):
            # The same form sent twice (a double click, or a script replaying one token).
            kept = AskForm(initial={**request.POST.dict(), "started": started_token()}, user=request.user)
            return self.render_form(kept, status=409, already_sent=True)
        if confirmed and not throttle.ask_take(request):
            kept = AskForm(initial={**request.POST.dict(), "started": started_token()}, user=request.user)
            return self.render_form(kept, status=429, rate_limited=True)
        if not confirmed:
            return render(
                request,
                "faq/ask_preview.html",
                {
                    "form": form,
                    "about_item": form.about_item,
                    "suggestions": selectors.similar_questions(form.cleaned_data["question"]),
                },
            )
        try:
            submission = services.submission_create(user=request.user, **form.submission_data())
        except OperationalError:
            # SQLite busy past its timeout (a long write elsewhere): nothing was written; say so, keep the input.
            logger.warning("Question not saved: the database was busy", exc_info=True)
            kept = AskForm(initial={**request.POST.dict(), "started": started_token()}, user=request.user)
            response = self.render_form(kept, status=503, busy=True)
            response["Retry-After"] = "10"
            return response
        request.session[THANKS_SESSION_KEY] = submission.reference
        return redirect("faq:ask_thanks")


class AskThanksView(TemplateView):
    template_name = "faq/ask_thanks.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if THANKS_SESSION_KEY not in request.session:
            return redirect("faq:ask")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(reference=self.request.session[THANKS_SESSION_KEY], **kwargs)


class SimilarQuestionsView(TemplateView):
    """An HTML fragment of likely duplicates, fetched by faq-ask.js while the person types."""

    template_name = "faq/_similar.html"

    def get_context_data(self, **kwargs):
        text = self.request.GET.get("q", "")[:2000]
        return super().get_context_data(suggestions=selectors.similar_questions(text), live=True, **kwargs)


class MyQuestionsView(LoginRequiredMixin, StrictPageMixin, ListView):
    template_name = "faq/submission_list.html"
    paginate_by = 20

    def get_queryset(self) -> QuerySet[Submission]:
        return Submission.objects.for_asker(self.request.user)
