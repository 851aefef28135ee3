"""Behaviour of the site search; the same tests run on SQLite (FTS5) and PostgreSQL (tsvector)."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import resolve, reverse
from django.utils import timezone

from portal.actions.archive import content_archive
from portal.actions.publish import content_publish
from portal.actions.save import content_save
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.content.models import Status
from portal.content.search.models import SearchEntry, SearchWord
from portal.content.search.selectors import RESULT_CAP, highlight, search
from portal.content.search.text import MARK_END, MARK_START
from portal.content.selectors import content_models
from portal.demo import search_benchmark as benchmark
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory

pytestmark = pytest.mark.django_db


def rebuild() -> None:
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))


def titles(text: str, **filters) -> list[str]:
    return [hit.title for hit in search(text, **filters).hits]


@pytest.fixture
def corpus(db):
    """A small fixed corpus of the kinds of pages the portal has."""
    faq_available = QuestionFactory(
        title="Is CAR T available for people with MS?",
        summary="Only inside clinical trials for now.",
        body="CAR-T cell therapy is not approved for multiple sclerosis. Some trials are recruiting.",
        tags=["car-t", "access"],
    )
    QuestionFactory(
        title="Is CAR T for MS safer than CAR T for cancer?",
        summary="The doses and the illness differ.",
        body="People with autoimmune disease seem to have fewer side effects than people with cancer.",
        tags=["safety"],
    )
    QuestionFactory(
        title="What is lymphodepletion?",
        summary="Chemotherapy given before the cells.",
        body="It makes room for the new T lymphocytes. Multiple sclerosis teams use it too.",
    )
    TrialFactory(
        title="KYV-101 in progressive multiple sclerosis",
        nct_id="NCT06451159",
        acronym="KYSA-7",
        interventions=["KYV-101"],
        conditions=["Multiple Sclerosis"],
        summary="A phase 2 study of a CD19 CAR T therapy.",
        body="Adults with progressive MS.",
        overall_status="RECRUITING",
    )
    TrialFactory(
        title="BCMA-directed cells in NMOSD",
        nct_id="NCT05828212",
        interventions=["Equecabtagene autoleucel"],
        conditions=["Neuromyelitis Optica Spectrum Disorder"],
        summary="BCMA CAR T for NMOSD that keeps relapsing.",
        body="Patients with NMOSD.",
        overall_status="COMPLETED",
        tags=["nmosd"],
    )
    ArticleFactory(
        title="What the first KYV-101 results mean",
        summary="Early news from the KYV-101 programme.",
        body="Therapies that reset the immune system are being tested.",
        tags=["research-news"],
    )
    ArticleFactory(
        title="Living with fatigue",
        summary="Practical tips.",
        body="Fatigue is common in multiple sclerosis. Rest helps.",
        tags=["fatigue"],
    )
    ArticleFactory(title="A draft about KYV-101", status=Status.DRAFT, summary="Not public.", body="Draft.")
    return {"faq_available": faq_available}


# Ranking promises


def test_natural_question_finds_the_faq_that_answers_it_first(corpus):
    assert titles("is car t available for ms")[0] == "Is CAR T available for people with MS?"


def test_question_in_own_words_still_finds_the_faq(corpus):
    assert titles("can I get car t for my ms")[0] == "Is CAR T available for people with MS?"


def test_safety_question_finds_the_safety_faq(corpus):
    assert titles("is it safer than for cancer")[0] == "Is CAR T for MS safer than CAR T for cancer?"


@pytest.mark.parametrize("query", ["kyv101", "KYV-101", "kyv 101", "KYV101"])
def test_product_code_in_any_spelling_puts_the_trial_and_article_first(corpus, query):
    expected = {"KYV-101 in progressive multiple sclerosis", "What the first KYV-101 results mean"}
    assert set(titles(query)[:2]) == expected


@pytest.mark.parametrize("query", ["KYSA-7", "kysa7", "kysa 7"])
def test_acronym_finds_the_trial(corpus, query):
    assert titles(query)[0] == "KYV-101 in progressive multiple sclerosis"


@pytest.mark.parametrize("query", ["NCT06451159", "nct06451159", " NCT06451159 "])
def test_exact_nct_number_leads_to_the_trial(corpus, query):
    assert titles(query) == ["KYV-101 in progressive multiple sclerosis"]


def test_acronyms_of_target_and_condition_find_the_trial(corpus):
    assert titles("bcma nmosd")[0] == "BCMA-directed cells in NMOSD"


def test_title_beats_summary_beats_tags_beats_body():
    ArticleFactory(title="Tags only", summary="Nothing.", body="Nothing.", tags=["zebrafish"])
    ArticleFactory(title="In the body", summary="Nothing.", body="A note on zebrafish models.")
    ArticleFactory(title="In the summary", summary="Zebrafish models.", body="Nothing.")
    ArticleFactory(title="Zebrafish models", summary="Nothing.", body="Nothing.")
    assert titles("zebrafish") == ["Zebrafish models", "In the summary", "Tags only", "In the body"]


def test_recruiting_trial_wins_a_tie_over_a_completed_one():
    for status in ("COMPLETED", "RECRUITING", "TERMINATED"):
        TrialFactory(title=f"Quokka study {status}", summary="Quokka.", body="Same.", overall_status=status)
    assert titles("quokka")[0] == "Quokka study RECRUITING"


def test_recently_reviewed_item_wins_a_tie_over_an_old_one():
    old = timezone.now() - datetime.timedelta(days=900)
    ArticleFactory(title="Axolotl notes one", summary="Same.", body="Same.", published_at=old)
    ArticleFactory(
        title="Axolotl notes two", summary="Same.", body="Same.", published_at=old, last_reviewed=timezone.localdate()
    )
    assert titles("axolotl")[0] == "Axolotl notes two"


# Language and syntax


def test_stemming_finds_singular_for_plural(corpus):
    assert "What the first KYV-101 results mean" in titles("therapy reset")


@pytest.mark.parametrize("query", ["car-t", "cart", "car t", "CAR T", "chimeric antigen receptor"])
def test_car_t_spellings_are_one_word(corpus, query):
    assert "Is CAR T available for people with MS?" in titles(query)


def test_quoted_phrase_must_appear_in_order(corpus):
    assert titles('"multiple sclerosis teams"') == ["What is lymphodepletion?"]
    assert titles('"sclerosis multiple"') == [] or "What is lymphodepletion?" not in titles('"teams multiple"')


def test_minus_excludes_a_word(corpus):
    found = titles("fatigue")
    assert "Living with fatigue" in found
    assert "Living with fatigue" not in titles("fatigue -rest")


def test_or_matches_either_word(corpus):
    assert set(titles("lymphodepletion or fatigue")) == {"What is lymphodepletion?", "Living with fatigue"}


@pytest.mark.parametrize("typo", ["sclerosys", "lymphocites", "lymphodepletoin"])
def test_one_typo_still_finds_the_page(corpus, typo):
    assert "What is lymphodepletion?" in titles(typo)


def test_corrected_query_is_shown(corpus):
    assert search("lymphocites").showing_for == "lymphocytes"


def test_only_published_items_are_returned(corpus):
    assert "A draft about KYV-101" not in titles("draft kyv101")
    assert "A draft about KYV-101" not in titles("kyv101")


def test_nothing_found_suggests_a_spelling():
    ArticleFactory(title="Neurofilament explained", tags=["biomarkers"])
    results = search("neurofilamant", kind="trial")
    assert results.total == 0
    assert results.suggestions == ["neurofilament"]


def test_typo_next_to_an_unknown_word_is_corrected_and_relaxed():
    ArticleFactory(title="Neurofilament explained")
    results = search("neurofilamant zzzxq")
    assert [hit.title for hit in results.hits] == ["Neurofilament explained"]
    assert (results.showing_for, results.relaxed) == ("neurofilament zzzxq", True)


# Filters and pages


def test_kind_filter(corpus):
    assert titles("kyv101", kind="trial") == ["KYV-101 in progressive multiple sclerosis"]
    assert titles("kyv101", kind="article") == ["What the first KYV-101 results mean"]


def test_tag_filter(corpus):
    assert titles("car t", tag="access") == ["Is CAR T available for people with MS?"]


def test_trial_status_filter(corpus):
    assert titles("multiple sclerosis", state="RECRUITING") == ["KYV-101 in progressive multiple sclerosis"]
    assert titles("car t", state="open") == ["KYV-101 in progressive multiple sclerosis"]
    assert titles("nmosd", state="open") == []


def test_pages_split_the_ranked_list():
    ArticleFactory.create_batch(25, summary="Capybara facts.")
    first, second = search("capybara"), search("capybara", page=2)
    assert (first.total, len(first.hits), len(second.hits)) == (25, 20, 5)
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}
    assert search("capybara", page=99).page.number == 2


def test_snippet_is_escaped_and_highlighted():
    ArticleFactory(title="Unsafe", summary='Okapi <script>alert("x")</script> <b>bold</b>', body="")
    snippet = search("okapi").hits[0].snippet
    assert "<script" not in snippet and "<b>" not in snippet  # escaped (SQLite) or dropped (PostgreSQL)
    assert "alert(&quot;x&quot;)" in snippet
    assert "<mark>Okapi</mark>" in snippet


def test_highlight_escapes_text_and_ignores_unbalanced_markers():
    assert highlight(f"a {MARK_START}<i>{MARK_END} b {MARK_START}c") == "a <mark>&lt;i&gt;</mark> b c"


# Index maintenance through the moderation services


def test_publishing_indexes_and_sending_back_removes(moderator):
    item = ArticleFactory(title="Pangolin guide", status=Status.IN_REVIEW)
    assert titles("pangolin") == []
    content_publish(item=item, moderator=moderator)
    assert titles("pangolin") == ["Pangolin guide"]
    content_send_back(item=item, moderator=moderator, comment="Fix the intro.")
    assert titles("pangolin") == []


def test_archiving_removes_from_the_index(moderator):
    item = ArticleFactory(title="Wombat guide", status=Status.IN_REVIEW)
    content_publish(item=item, moderator=moderator)
    content_archive(item=item, moderator=moderator)
    assert titles("wombat") == []
    assert not SearchEntry.objects.filter(object_id=item.pk, kind="article").exists()


def test_editing_a_published_item_updates_its_entry_once_the_draft_is_published(moderator):
    item = ArticleFactory(title="Narwhal guide", status=Status.IN_REVIEW)
    content_publish(item=item, moderator=moderator)
    item.title = "Beluga guide"
    content_save(item=item, user=moderator, tags=["whales"])
    assert titles("beluga") == [] and titles("narwhal") == ["Narwhal guide"]  # a pending draft
    content_submit(item=item, user=moderator)
    content_publish(item=item, moderator=moderator)
    assert titles("narwhal") == []
    assert titles("beluga") == ["Beluga guide"]
    assert titles("beluga", tag="whales") == ["Beluga guide"]
    assert SearchEntry.objects.count() == 1


def test_rebuild_command_indexes_only_published_items(capsys):
    ArticleFactory.create_batch(3)
    QuestionFactory(status=Status.DRAFT)
    TrialFactory(status=Status.ARCHIVED)
    SearchEntry.objects.all().delete()  # the factories indexed the published ones; start from nothing
    call_command("rebuild_search_index")
    assert SearchEntry.objects.count() == 3
    assert "Indexed 3 published items." in capsys.readouterr().out
    assert SearchWord.objects.filter(word="markdown").exists()


def test_rebuild_indexes_every_model():
    ArticleFactory()
    QuestionFactory()
    TrialFactory()
    SearchEntry.objects.all().delete()  # the factories indexed them; start from nothing
    rebuild()
    assert sorted(SearchEntry.objects.values_list("kind", flat=True)) == ["article", "faq", "trial"]
    assert len(content_models()) == 3


# The page


def test_search_url_name():
    assert reverse("search:results") == "/search/"
    assert resolve("/search/").view_name == "search:results"


@pytest.mark.parametrize("rows", [3, 30])
def test_search_page_query_count(client, django_assert_num_queries, rows):
    ArticleFactory.create_batch(rows, summary="Manatee facts.", tags=["sea", "mammals"])
    # glossary expansions, candidates, term statistics, the page's rows, editors' picks, the tag options:
    # the same on both databases
    with django_assert_num_queries(6):
        response = client.get(reverse("search:results"), {"q": "manatee"})
    assert response.status_code == 200
    assert len(response.context["results"].hits) == min(rows, 20)


def test_search_page_shows_kind_title_date_tags_and_snippet(client, corpus):
    response = client.get(reverse("search:results"), {"q": "kyv101", "type": "trial"})
    html = response.content.decode()
    assert "Trial · NCT06451159" in html
    assert '<a href="/trials/' in html
    assert "<time datetime=" in html
    assert "<mark>" in html
    assert 'value="trial" selected' in html


def test_search_page_links_tags_and_keeps_filters_in_pagination(client):
    ArticleFactory.create_batch(25, summary="Dugong facts.", tags=["sea"])
    html = client.get(reverse("search:results"), {"q": "dugong", "tag": "sea"}).content.decode()
    assert 'href="/tags/sea/"' in html
    assert "q=dugong&amp;tag=sea&amp;page=2" in html


def test_no_results_page_offers_suggestions_tags_and_questions(client, corpus):
    response = client.get(reverse("search:results"), {"q": "fatigeu", "type": "trial"})
    html = response.content.decode()
    assert "Nothing matched" in html
    assert 'q=fatigue">fatigue</a>' in html  # the spelling suggestion
    assert "without the filters" in html
    assert 'href="/tags/car-t/"' in html
    assert 'href="/faq/' in html


def test_too_long_query_gets_a_message_and_keeps_the_text(client):
    text = "x" * 250
    response = client.get(reverse("search:results"), {"q": text})
    html = response.content.decode()
    assert "Use 200 characters or fewer" in html
    assert f'value="{text}"' in html
    assert 'aria-invalid="true"' in html


def test_unknown_type_gets_a_message(client):
    response = client.get(reverse("search:results"), {"q": "ms", "type": "podcast"})
    assert response.context["form"].errors["type"]
    assert 'aria-describedby="search-type-error"' in response.content.decode()


# The benchmark


def test_benchmark_refuses_a_database_not_named_bench():
    with pytest.raises(CommandError, match="bench"):
        call_command("bench_search", items=10)


def test_benchmark_builds_entries_and_times_the_query_mix():
    benchmark.build(300)
    timings, per_query, cpu_timings, per_query_cpu = benchmark.time_queries(rounds=1)
    assert SearchEntry.objects.count() == 300
    assert len(per_query) == len(benchmark.QUERIES) == 30
    assert len(timings) == len(cpu_timings) == 30
    assert per_query_cpu.keys() == per_query.keys()
    assert per_query["multiple sclerosis"][1] > 100
    assert benchmark.percentile([1, 2, 3, 4, 100], 95) == 100
    assert RESULT_CAP >= 100
