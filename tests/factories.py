"""factory_boy factories for every model; content factories default to published.

A content factory saves a draft, adds its tags and then moves it to the requested `status` through
the actions (`content_submit`, `content_publish`, `content_archive`), as a moderator would: the
moderation history, the search index and the alerts follow by themselves. `published_at` is the
first-publication time handed to `content_publish` (default: now). `.build()` writes nothing.

Articles and FAQs pass the review gate as a real one would: they carry a named (fictional) external
medical reviewer and today's review date, and the factory moderator is not their author.
"""

from __future__ import annotations

import factory
from django.utils import timezone

from articles.models import Article, Source
from faq.models import Category, Question
from portal.accounts.models import User
from portal.actions.archive import content_archive
from portal.actions.publish import content_publish
from portal.actions.save import content_save
from portal.actions.submit import content_submit
from portal.content.models import Status
from portal.content.review import needs_medical_review
from trials.models import Location, RecruitmentStatus, Trial


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class ContentFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Content item {n}")
    slug = factory.Sequence(lambda n: f"content-item-{n}")
    summary = "A short plain-language summary."
    body = "Some **Markdown** body text about CAR T-cell therapy."
    status = Status.PUBLISHED
    author = factory.SubFactory(UserFactory)
    published_at = factory.LazyAttribute(lambda o: timezone.now() if o.status == Status.PUBLISHED else None)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        target = (kwargs.pop("status"), kwargs.pop("published_at"))
        instance = super()._create(model_class, *args, status=Status.DRAFT, published_at=None, **kwargs)
        instance._factory_target = target
        return instance

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        """With the tags in place, walk the draft to the requested status through the actions."""
        if not create:
            return
        status, published_at = instance.__dict__.pop("_factory_target")
        if status == Status.DRAFT:
            return
        moderator = factory_moderator()
        if status == Status.ARCHIVED:
            content_archive(item=instance, moderator=moderator)
            return
        content_submit(item=instance, user=moderator)
        if status == Status.PUBLISHED:
            content_publish(item=instance, moderator=moderator, published_at=published_at)


TEST_REVIEWER = {"reviewer_name": "Dr Test Reviewer", "reviewer_credentials": "MD, neurologist"}


def publish(item, **fields):
    """Save `fields` on a saved draft (e.g. an imported trial) and publish it through the actions,
    as the factory moderator: the way an editor and a moderator would. An article or FAQ without a
    medical review gets the test reviewer, reviewed today."""
    moderator = factory_moderator()
    if needs_medical_review(item) and not (item.reviewed_by_id or item.reviewer_name):
        fields = {**TEST_REVIEWER, "last_reviewed": item.last_reviewed or timezone.localdate(), **fields}
    for name, value in fields.items():
        setattr(item, name, value)
    content_save(item=item, user=moderator)
    content_submit(item=item, user=moderator)
    return content_publish(item=item, moderator=moderator)


def factory_moderator() -> User:
    """The superuser the content factories act as (one per test database)."""
    return UserFactory(username="factory-moderator", is_staff=True, is_superuser=True)


class MedicallyReviewedFactory(ContentFactory):
    """Articles and FAQs: reviewed today by the (fictional) test reviewer, so they can be published."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    reviewer_name = TEST_REVIEWER["reviewer_name"]
    reviewer_credentials = TEST_REVIEWER["reviewer_credentials"]
    last_reviewed = factory.LazyFunction(timezone.localdate)


class ArticleFactory(MedicallyReviewedFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    article = factory.SubFactory(ArticleFactory)
    title = "A study"
    url = "https://example.org/study"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class QuestionFactory(MedicallyReviewedFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Question {n}?")
    slug = factory.Sequence(lambda n: f"question-{n}")
    category = factory.SubFactory(CategoryFactory)


class TrialFactory(ContentFactory):
    class Meta:
        model = Trial
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Trial {n}")
    slug = factory.Sequence(lambda n: f"trial-{n}")
    nct_id = factory.Sequence(lambda n: f"NCT{90000000 + n:08d}")
    overall_status = RecruitmentStatus.RECRUITING
    phases = factory.LazyFunction(lambda: ["PHASE1"])
    car_t_target = "cd19"
    sponsor = "Example Sponsor"


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    trial = factory.SubFactory(TrialFactory)
    facility = factory.Sequence(lambda n: f"Hospital {n}")
    city = "Berlin"
    country = "Germany"
    key = factory.LazyAttribute(lambda o: f"{o.facility}|{o.city}|{o.country}".casefold())
    status = RecruitmentStatus.RECRUITING


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A visitor's reader question, received; pass `user=` for a member's."""

    class Meta:
        model = "faq.Submission"

    reference = factory.Sequence(lambda n: f"Q-T{n:05d}")
    question = factory.Sequence(lambda n: f"How long does recovery after CAR T-cell therapy take? ({n})")
    email = factory.LazyAttribute(lambda o: "" if o.user else "visitor@example.org")
    user = None


class TermFactory(ContentFactory):
    """A glossary term; `variants=["Ocrevus", ("MG", True)]` adds variants ((text, match_case) tuples allowed).

    Like the publish service's hook, creating one moves the glossary version so cached renderings refresh,
    and fills the term's search expansions.
    """

    class Meta:
        model = "glossary.Term"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"term{n}")
    slug = factory.Sequence(lambda n: f"term-{n}")
    summary = ""
    body = "A plain-language definition."
    category = "symptoms"

    @factory.post_generation
    def variants(self, create, extracted, **kwargs):
        from portal.glossary.models import Variant
        from portal.glossary.services import glossary_version_bump

        if not create:
            return
        for value in extracted or ():
            text, match_case = value if isinstance(value, tuple) else (value, False)
            Variant.objects.create(term=self, text=text, match_case=match_case)
        glossary_version_bump()

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        from portal.glossary.services import term_search_expansions_update

        super()._after_postgeneration(instance, create, results)  # walks the term to its status
        if create:
            term_search_expansions_update(instance)  # as glossary_item_changed does after commit
