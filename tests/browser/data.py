"""The small, realistic site every browser test (and `make screenshots`) looks at.

Built through the factories and the moderation services, so after-change hooks (the search index)
see every item exactly as they would in production. Slugs are fixed so page specs can name URLs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from articles.models import Article
from faq.models import Question, Submission, SubmissionState
from portal.accounts.models import User
from portal.accounts.services import bookmark_create
from portal.actions.publish import content_publish
from portal.actions.save import content_save
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.pages.models import EditorProfile
from tests.conftest import staff_group
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    LocationFactory,
    QuestionFactory,
    SourceFactory,
    SubmissionFactory,
    TermFactory,
    TrialFactory,
    UserFactory,
)
from trials.models import ChangeField, Trial, TrialChange

PASSWORD = "correct horse battery staple"

ARTICLE_BODY = """CAR T-cell therapy takes a person's own immune cells and teaches them to find and remove the
B cells that drive inflammation in multiple sclerosis.

## What happens in a trial

1. Blood is collected and the T cells are modified in a laboratory.
2. A short course of chemotherapy makes room for the new cells.
3. The cells are given back in a single infusion, then people are followed up for years.

Early results are [published openly](https://clinicaltrials.gov/) but the numbers are still small.
"""


@dataclass
class SiteContent:
    editor: User
    moderator: User
    member: User  # a signed-up reader with a confirmed e-mail address, no staff rights (password: PASSWORD)
    articles: list[Article] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    trials: list[Trial] = field(default_factory=list)
    in_review: Article | None = None
    submission: Submission | None = None  # a visitor's question that looks personal, waiting in the queue

    @property
    def article(self) -> Article:
        return self.articles[0]

    @property
    def question(self) -> Question:
        return self.questions[0]

    @property
    def trial(self) -> Trial:
        return self.trials[0]


def _staff(username: str, group: Group) -> User:
    user = UserFactory(username=username, is_staff=True, display_name=username.capitalize())
    user.groups.add(group)
    return user


def _publish(item, *, tags: list[str], site: SiteContent):
    """Draft -> published through the services, as an editor and a moderator would."""
    content_save(item=item, user=site.editor, tags=tags)
    return content_publish(item=item, moderator=site.moderator)


def build_site_content() -> SiteContent:
    site = SiteContent(
        editor=_staff("editor", staff_group("Editors")),
        moderator=_staff("moderator", staff_group("Moderators")),
        member=UserFactory(username="member", display_name="Sam"),
    )
    EmailAddress.objects.create(user=site.member, email=site.member.email, verified=True, primary=True)
    EditorProfile.objects.create(
        user=site.editor, slug="ada-writer", name="Ada Writer", role="Health writer", bio="A fictional writer."
    )
    EditorProfile.objects.create(
        user=site.moderator, slug="dr-rae", name="Dr Rae Reviewer", role="Medical reviewer", credentials="MD"
    )
    draft = {"status": "draft", "published_at": None, "author": site.editor}

    trial_specs = [
        ("kyv-101-ms", "KYV-101 CAR T in progressive MS", "NCT90000001", "RECRUITING", ["PHASE1", "PHASE2"], "cd19"),
        ("bcma-cart-nmosd", "BCMA CAR T in autoimmune neurology", "NCT90000002", "COMPLETED", ["PHASE1"], "bcma"),
        ("cd19-relapsing-ms", "CD19 CAR T for relapsing MS", "NCT90000003", "NOT_YET_RECRUITING", ["PHASE1"], "cd19"),
    ]
    for slug, title, nct_id, status, phases, target in trial_specs:
        trial = TrialFactory.build(
            slug=slug,
            title=title,
            nct_id=nct_id,
            overall_status=status,
            phases=phases,
            car_t_target=target,
            summary="A small, early study of a one-time CAR T-cell infusion in people with MS.",
            body=ARTICLE_BODY,
            what_it_means="Only a few centres take part; ask your MS team whether it fits you.",
            conditions=["Multiple Sclerosis"],
            interventions=["CAR T cells"],
            enrollment=24,
            enrollment_type="ESTIMATED",
            start_date="2025-03",
            sponsor="Example Biotech",
            **draft,
        )
        site.trials.append(_publish(trial, tags=["CAR T", "CD19" if target == "cd19" else "BCMA"], site=site))
    LocationFactory(trial=site.trial, facility="University Hospital", city="Berlin", country="Germany")

    article_specs = [
        ("what-is-car-t", "What is CAR T-cell therapy?", ["CAR T", "CD19"]),
        ("car-t-side-effects", "Side effects, explained without the jargon", ["CAR T", "Safety"]),
        ("reading-trial-results", "How to read an early trial result", ["Research"]),
    ]
    for slug, title, tags in article_specs:
        article = ArticleFactory.build(
            slug=slug,
            title=title,
            body=ARTICLE_BODY,
            summary="A plain-language explainer for people living with MS and their families.",
            **draft,
        )
        site.articles.append(_publish(article, tags=tags, site=site))
    SourceFactory(article=site.article, title="KYV-101 registry record", url="https://clinicaltrials.gov/")
    site.article.related_trials.add(site.trial)

    categories = [
        CategoryFactory(slug="treatment", name="Treatment", position=1),
        CategoryFactory(slug="taking-part", name="Taking part in a trial", position=2),
    ]
    question_specs = [
        ("is-car-t-a-cure", "Is CAR T-cell therapy a cure for MS?", categories[0], ["CAR T"]),
        ("who-can-join", "Who can join a CAR T trial?", categories[1], ["CAR T", "Research"]),
        ("does-it-hurt", "What does the infusion feel like?", categories[1], ["Safety"]),
    ]
    for slug, title, category, tags in question_specs:
        question = QuestionFactory.build(
            slug=slug,
            title=title,
            category=category,
            featured=True,
            body=ARTICLE_BODY,
            summary="No one can promise that yet: here is what the early studies show.",
            **draft,
        )
        site.questions.append(_publish(question, tags=tags, site=site))

    # The member has saved an article and asked two questions (one already answered by an FAQ).
    bookmark_create(user=site.member, item=site.articles[1])
    SubmissionFactory(user=site.member, question="Can I keep taking my MS medicine before a CAR T trial?")
    SubmissionFactory(
        user=site.member,
        question="Who decides whether I can join a trial near me?",
        state=SubmissionState.MERGED,
        answer=site.questions[1],
    )

    pending = ArticleFactory.build(
        slug="awaiting-review",
        title="New results from a CD19 CAR T study",
        body=ARTICLE_BODY,
        summary="Written by an editor and waiting for a moderator.",
        **draft,
    )
    content_save(item=pending, user=site.editor, tags=["CD19"])
    site.in_review = content_submit(item=pending, user=site.editor)
    # For the admin pages: a question that looks personal, a draft sent back to the editor (the dashboard)
    # and a registry change the editors have not looked at yet.
    site.submission = SubmissionFactory(
        question="My neurologist changed my dose last month. Should I still ask to join a CAR T trial?",
        context="I have had MS for ten years.",
        flagged_personal=True,
        email="visitor@example.org",
        about=site.trial,
    )
    sent_back = ArticleFactory.build(
        slug="sent-back", title="What a CAR T trial visit is like", body=ARTICLE_BODY,
        summary="A draft the moderator sent back.", **draft,
    )
    content_save(item=sent_back, user=site.editor, tags=["CAR T"])
    content_submit(item=sent_back, user=site.editor)
    content_send_back(item=sent_back, moderator=site.moderator, comment="Please add the date of each result.")
    TrialChange.objects.create(
        trial=site.trials[2], field=ChangeField.OVERALL_STATUS, old_value="NOT_YET_RECRUITING", new_value="RECRUITING"
    )
    # Published glossary terms, so detail pages show auto-linked definitions and the glossary pages have entries.
    TermFactory(title="CAR T-cell therapy", slug="car-t-cell-therapy", category="cell_therapy",
                body="A treatment that changes a person's own T cells so they find a chosen target.",
                variants=["CAR T"])
    TermFactory(title="infusion", slug="infusion", category="cell_therapy",
                body="Giving a medicine or cells slowly into a vein through a drip.", variants=["drip"])
    TermFactory(title="chemotherapy", slug="chemotherapy", category="cell_therapy",
                body="Medicines that kill dividing cells.")
    return site
