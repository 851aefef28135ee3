"""Synthetic index entries and a fixed query mix for `manage.py bench_search`.

Entries are written straight into the index table (bulk insert), so the benchmark measures the
search engine, not the content models. The text is built from MS / CAR T vocabulary plus a tail of
made-up rare words, so common queries match most rows and rare ones a handful.

It lives with the demo content, outside the core, because it knows the portal's types: its rows are shaped like
articles, FAQs and trials (by their registry kind, see BENCH_KINDS);
the benchmark needs those kinds registered only for the content types the rows point at.
"""

from __future__ import annotations

import datetime
import random
import statistics
import time
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from portal.content.registry import spec_for_kind
from portal.content.search.document import SearchDocument
from portal.content.search.indexing import entry_from_document, stats_rebuild, words_add
from portal.content.search.models import SearchEntry
from portal.content.search.selectors import search
from portal.content.search.text import vocabulary

CONDITIONS = [
    "multiple sclerosis",
    "relapsing multiple sclerosis",
    "progressive multiple sclerosis",
    "MS",
    "neuromyelitis optica spectrum disorder",
    "NMOSD",
    "myasthenia gravis",
    "systemic lupus erythematosus",
    "stiff person syndrome",
    "MOG antibody disease",
    "autoimmune encephalitis",
    "lymphoma",
    "myeloma",
]
PRODUCTS = [
    "KYV-101",
    "CABA-201",
    "Descartes-08",
    "obe-cel",
    "ide-cel",
    "cilta-cel",
    "azer-cel",
    "MB-CART19",
    "BMS-986353",
    "CT103A",
    "YTB323",
    "KYSA-7",
    "RESET-MS",
    "CD19-CAR",
    "GC012F",
    "BCMA-CAR",
]
TARGETS = ["CD19", "BCMA", "CD19 and BCMA", "CD20", "CD19/CD20"]
SUBJECTS = [
    "CAR T-cell therapy",
    "CAR-T treatment",
    "chimeric antigen receptor T cells",
    "B-cell depletion",
    "autologous stem cell transplant",
    "immune reset",
    "lymphodepletion",
    "cytokine release syndrome",
    "ICANS",
    "neurofilament light chain",
    "disability progression",
    "relapse rate",
    "MRI lesions",
    "oligoclonal bands",
    "B lymphocytes",
    "plasma cells",
    "T lymphocytes",
    "fatigue",
    "walking ability",
]
SENTENCES = [
    "Researchers tested {subject} in people with {condition}.",
    "The {product} study uses {target}-directed {subject}.",
    "Early results suggest {subject} may reduce {outcome} in {condition}.",
    "Side effects included {effect}, which doctors managed in hospital.",
    "Participants had tried at least two approved therapies for {condition} before joining.",
    "{product} is made from the patient's own T cells, which are engineered to recognise {target}.",
    "It is too early to say whether {subject} is safer than standard therapies.",
    "The trial measures {outcome} over {months} months of follow-up.",
    "Eligibility depends on age, disease activity and previous treatments such as {drug}.",
    "Doctors in {city} are recruiting adults with {condition} for a phase {phase} study.",
    "This is not medical advice: talk to your neurologist about {subject}.",
    "Long-term data on {outcome} are still being collected after {subject}.",
]
OUTCOMES = ["relapses", "new MRI lesions", "disability progression", "EDSS scores", "neurofilament levels", "fatigue"]
EFFECTS = ["cytokine release syndrome", "neurotoxicity", "low blood counts", "infections", "fever", "headache"]
DRUGS = ["ocrelizumab", "natalizumab", "rituximab", "ofatumumab", "alemtuzumab", "cladribine", "fingolimod"]
CITIES = ["Erlangen", "Stanford", "Boston", "Hamburg", "Milan", "Shanghai", "Toronto", "London", "Paris", "Cologne"]
TAGS = [
    "car-t",
    "cd19",
    "bcma",
    "multiple-sclerosis",
    "nmosd",
    "myasthenia-gravis",
    "safety",
    "side-effects",
    "eligibility",
    "recruiting",
    "research-news",
    "explainer",
    "lupus",
    "stem-cells",
    "mri",
    "relapses",
    "progressive-ms",
    "b-cells",
    "t-cells",
    "costs",
    "travel",
    "follow-up",
    "children",
    "pregnancy",
    "vaccines",
    "infections",
    "fatigue",
    "walking",
    "neurologists",
    "europe",
    "usa",
    "china",
]
STATUSES = [
    ("RECRUITING", True),
    ("NOT_YET_RECRUITING", True),
    ("ACTIVE_NOT_RECRUITING", False),
    ("COMPLETED", False),
    ("TERMINATED", False),
    ("UNKNOWN", False),
    ("ENROLLING_BY_INVITATION", True),
]
SYLLABLES = ["ka", "lo", "vi", "zen", "tor", "mu", "rex", "qua", "bel", "nor", "sif", "dra", "pyx", "ul", "ven"]

# Registry kinds of the synthetic rows: plain pages, question pages and pages with a code and a state.
PAGE, QUESTION, CODED = "article", "faq", "trial"
BENCH_KINDS = (PAGE, QUESTION, CODED)

QUERIES: list[tuple[str, dict]] = [
    ("multiple sclerosis", {}),
    ("car t", {}),
    ("therapy", {}),
    ("ms", {}),
    ("cd19 car t multiple sclerosis", {}),
    ("car t cell therapy for ms", {}),
    ("side effects", {}),
    ("can I get car t for my ms", {}),
    ("is it safer than for cancer", {}),
    ("kyv101", {}),
    ("KYV-101", {}),
    ("kysa 7", {}),
    ("NCT05000120", {}),
    ("nct05090000", {}),
    ("bcma nmosd", {}),
    ("stiff person syndrome", {}),
    ("zenkator", {}),
    ("mureximus", {}),
    ("sclerosys", {}),
    ("lymphocites", {}),
    ("cytokine releese syndrome", {}),
    ("neurofilament", {}),
    ('"cytokine release syndrome"', {}),
    ("car t -lupus", {}),
    ("bcma or cd20", {}),
    ("car t", {"kind": CODED, "state": "RECRUITING"}),
    ("multiple sclerosis", {"tag": "cd19"}),
    ("therapy", {"kind": QUESTION}),
    ("safety", {"state": "open"}),
    ("relapses", {"kind": PAGE, "tag": "mri"}),
]


def _rare_words(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))) for _ in range(n)]


def _sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(
        subject=rng.choice(SUBJECTS),
        condition=rng.choice(CONDITIONS),
        product=rng.choice(PRODUCTS),
        target=rng.choice(TARGETS),
        outcome=rng.choice(OUTCOMES),
        effect=rng.choice(EFFECTS),
        months=rng.choice([6, 12, 24, 36]),
        drug=rng.choice(DRUGS),
        city=rng.choice(CITIES),
        phase=rng.randint(1, 3),
    )


def generate_entries(n: int, *, seed: int = 1) -> tuple[list[SearchEntry], set[str]]:
    rng = random.Random(seed)
    rare = _rare_words(rng, 3000)
    types = {kind: ContentType.objects.get_for_model(spec_for_kind(kind).model) for kind in BENCH_KINDS}
    now = timezone.now()
    entries, words = [], set()
    for i in range(n):
        kind = [CODED] * 3 + [QUESTION] * 2 + [PAGE] * 5
        kind = kind[i % 10]  # so the NCT numbers in QUERIES exist
        product, condition, subject = rng.choice(PRODUCTS), rng.choice(CONDITIONS), rng.choice(SUBJECTS)
        if kind == QUESTION:
            title = rng.choice(
                [
                    "Is {s} available for {c}?",
                    "How safe is {s} for {c}?",
                    "Who can get {p}?",
                    "What does {s} mean for {c}?",
                ]
            ).format(s=subject, c=condition, p=product)
        elif kind == CODED:
            title = f"{product} {subject} in {condition}"
        else:
            title = rng.choice(
                ["{s}: what the {p} results mean", "New data on {s} in {c}", "{p} and {c}: a plain-language guide"]
            ).format(s=subject, c=condition, p=product)
        summary = " ".join(_sentence(rng) for _ in range(2))
        body = " ".join(_sentence(rng) for _ in range(rng.randint(4, 9)))
        body += " " + " ".join(rng.choice(rare) for _ in range(rng.randint(0, 3)))
        tags = rng.sample(TAGS, rng.randint(1, 4))
        nct = status = ""
        is_open = False
        identity = [title]
        if kind == CODED:
            nct = f"NCT{5000000 + i:08d}"
            status, is_open = rng.choice(STATUSES)
            identity += [nct, product]
        published = now - datetime.timedelta(days=rng.randint(0, 5 * 365))
        doc = SearchDocument(
            title=title,
            url=f"/bench/{kind}/{i + 1}/",
            summary=summary,
            body=(body,),
            identifiers=tuple(identity[1:]),
            tags=tuple((t, t) for t in tags),
            code=nct,
            state=status,
            is_open=is_open,
            published_at=published,
            reviewed_on=published.date() if rng.random() < 0.5 else None,
        )
        entries.append(entry_from_document(doc, kind=kind, content_type=types[kind], pk=i + 1))
        if i < 2000:  # the vocabulary repeats; a sample covers it, plus every rare word
            words |= vocabulary(title, summary, body, " ".join(tags))
    return entries, words | set(rare)


def build(n: int, *, batch_size: int = 5000, progress: Callable[[int], None] | None = None) -> None:
    entries, words = generate_entries(n)
    for start in range(0, n, batch_size):
        SearchEntry.objects.bulk_create(entries[start : start + batch_size])
        if progress:
            progress(min(start + batch_size, n))
    words_add(words)
    stats_rebuild()


def time_queries(rounds: int = 3) -> tuple[list[float], dict[str, tuple[float, int]], list[float], dict[str, float]]:
    """Runs every query once to warm up, then `rounds` times.

    Returns all wall timings (ms), per-query (median wall, results), all CPU timings (ms: this
    process's `time.process_time`, which on SQLite includes the database's work and on PostgreSQL
    does not) and the per-query median CPU time. Wall time depends on the machine's load; CPU time much less.
    """
    for text, filters in QUERIES:
        search(text, **filters)
    timings: list[float] = []
    cpu_timings: list[float] = []
    per_query: dict[str, tuple[float, int]] = {}
    per_query_cpu: dict[str, float] = {}
    for text, filters in QUERIES:
        samples, cpu_samples = [], []
        for _ in range(rounds):
            start, start_cpu = time.perf_counter(), time.process_time()
            results = search(text, **filters)
            cpu_samples.append((time.process_time() - start_cpu) * 1000)
            samples.append((time.perf_counter() - start) * 1000)
        timings += samples
        cpu_timings += cpu_samples
        label = text + (f" {filters}" if filters else "")
        per_query[label] = (statistics.median(samples), results.total)
        per_query_cpu[label] = statistics.median(cpu_samples)
    return timings, per_query, cpu_timings, per_query_cpu


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]
