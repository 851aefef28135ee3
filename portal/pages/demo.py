"""Demo people and topics: a few believable, clearly fictional editors, proper tag names and the
editors' topic descriptions. Runs after `load_demo_content` (`make demo` runs both).

Idempotent: profiles are found by slug, a tag is renamed only while its name is still its slug (an
editor's own name is kept), and a description is written only where there is none.
"""

from __future__ import annotations

from collections import Counter

from django.contrib.auth import get_user_model
from django.db import transaction
from taggit.models import Tag

from articles.models import Article
from portal.content.search.indexing import search_index_rebuild
from portal.content.selectors import content_models

from .models import EditorProfile, TagInfo

FICTIONAL = "A fictional person on this demonstration site."

PEOPLE = [
    {
        "username": "editor",
        "slug": "maren-lindqvist",
        "name": "Maren Lindqvist",
        "role": "Health writer and editor",
        "credentials": "MSc in science communication",
        "bio": f"{FICTIONAL} Writes the explainers and the trial summaries, and edits answers to reader questions. "
        "Before joining the site she wrote patient leaflets for a neurology clinic.",
    },
    {
        "username": "moderator",
        "slug": "tomas-okafor",
        "name": "Dr Tomás Okafor",
        "role": "Medical reviewer",
        "credentials": "MD, consultant neurologist",
        "bio": f"{FICTIONAL} Checks every article and answer for medical accuracy before it is published, and "
        "reviews each page again at least once a year. Works in an MS clinic.",
    },
    {
        "username": "health-writer",
        "slug": "priya-castellano",
        "name": "Priya Castellano",
        "role": "Health writer",
        "credentials": "BSc in biomedical science",
        "bio": f"{FICTIONAL} Follows CAR T-cell research in autoimmune diseases and writes the research news.",
    },
]

TOPICS = {
    "car-t": (
        "CAR T",
        "CAR T-cell therapy re-programmes a person's own immune cells to remove the B cells that drive some "
        "autoimmune diseases. In MS it is experimental and only available in clinical trials.",
    ),
    "cd19": (
        "CD19",
        "CD19 is a marker on B cells. CD19 CAR T cells look for it, so they remove B cells throughout the body; "
        "this is the target most MS trials use.",
    ),
    "bcma": (
        "BCMA",
        "BCMA is a marker on plasma cells, the cells that make antibodies. BCMA CAR T cells are tested in "
        "antibody-driven conditions such as NMOSD and myasthenia gravis.",
    ),
    "progressive-ms": (
        "Progressive MS",
        "Forms of MS in which disability increases steadily, with or without relapses. Few treatments help, "
        "which is why several CAR T trials focus on it.",
    ),
    "relapsing-ms": (
        "Relapsing MS",
        "The most common form of MS at diagnosis: attacks (relapses) followed by partial or full recovery. "
        "Many approved treatments exist; CAR T is being tested when they have not worked.",
    ),
    "trials": (
        "Clinical trials",
        "How trials work, what taking part involves, and the trials we follow, checked daily against "
        "ClinicalTrials.gov.",
    ),
    "myasthenia-gravis": (
        "Myasthenia gravis",
        "An autoimmune disease that weakens muscles. Early CAR T results here help researchers plan MS trials, "
        "but they do not show what will happen in MS.",
    ),
    "nmosd": (
        "NMOSD",
        "Neuromyelitis optica spectrum disorder: an autoimmune condition of the optic nerves and spinal cord "
        "that was once thought to be a form of MS.",
    ),
    "lupus": (
        "Lupus",
        "The autoimmune disease where CAR T was first tried outside cancer. Its results are the longest "
        "follow-up so far, and a guide to what MS trials look for.",
    ),
    "safety": (
        "Safety",
        "Side effects and risks of CAR T-cell therapy, what trials watch for, and what is not yet known about "
        "the long term.",
    ),
}


def demo_pages_load() -> Counter[str]:
    """Create what is missing; returns counts of what was created or renamed."""
    report: Counter[str] = Counter()
    User = get_user_model()
    with transaction.atomic():
        users = {}
        for spec in PEOPLE:
            user = User.objects.filter(username=spec["username"]).first()
            if user is None:
                user = User(username=spec["username"], email=f"{spec['username']}@example.org")
                user.set_unusable_password()  # a byline only: this person never signs in
                user.save()
                report["accounts"] += 1
            users[spec["username"]] = user
            fields = {key: spec[key] for key in ("name", "role", "credentials", "bio")}
            _profile, created = EditorProfile.objects.get_or_create(
                user=user, defaults={"slug": spec["slug"], **fields}
            )
            report["profiles"] += created
        # Every other demo article was written by the second writer (only where the demo editor still is).
        editor = users["editor"]
        demo_articles = list(
            Article.objects.filter(author=editor).order_by("published_at", "pk").values_list("pk", flat=True)
        )
        if not Article.objects.filter(author=users["health-writer"]).exists():
            report["bylines"] += Article.objects.filter(pk__in=demo_articles[1::2]).update(
                author=users["health-writer"]
            )
        renamed = 0
        for slug, (name, description) in TOPICS.items():
            renamed += Tag.objects.filter(slug=slug, name=slug).update(name=name)
            tag = Tag.objects.filter(slug=slug).first()
            if tag is not None:
                _info, created = TagInfo.objects.get_or_create(tag=tag, defaults={"description": description})
                report["topics"] += created
        report["tags renamed"] += renamed
    if renamed:
        # Search results show tag names from the index: write it again with the new names.
        search_index_rebuild(models=content_models())
    return report
