from __future__ import annotations

import pytest
from django.core.cache import cache

from portal.glossary.actions import term_publish
from portal.glossary.linking import DefinedTerm, Matcher, annotate, annotate_cached
from portal.glossary.services import VERSION_KEY
from tests.factories import ArticleFactory, TermFactory

OCR = DefinedTerm("ocrelizumab", "ocrelizumab", "<p>A drug.</p>", "/glossary/ocrelizumab/")
PAR = DefinedTerm("paresthesia", "paresthesia", "<p>Tingling.</p>", "/glossary/paresthesia/")
MG = DefinedTerm("myasthenia-gravis", "myasthenia gravis", "<p>A disease.</p>", "/glossary/myasthenia-gravis/")


def matcher() -> Matcher:
    return Matcher.build(
        [
            ("ocrelizumab", False, OCR),
            ("Ocrevus", False, OCR),
            ("paresthesia", False, PAR),
            ("pins and needles", False, PAR),
            ("myasthenia gravis", False, MG),
            ("MG", True, MG),
        ]
    )


def render(html: str) -> str:
    return str(annotate([html], matcher()).parts[0])


def test_first_mention_links_to_the_definition_anchor():
    out = render("<p>Ocrevus is a drug.</p>")
    assert out == (
        '<p><a class="gloss" href="#def-ocrelizumab" aria-describedby="def-ocrelizumab-text">Ocrevus</a>'
        " is a drug.</p>"
    )


def test_only_the_first_mention_of_a_term_is_linked_whatever_the_variant():
    out = render("<p>Ocrevus (ocrelizumab) is given by drip. Ocrevus again.</p>")
    assert out.count('class="gloss"') == 1


def test_match_is_case_insensitive_and_keeps_the_readers_spelling():
    assert ">PINS AND NEEDLES</a>" in render("<p>PINS AND NEEDLES in my feet</p>")


def test_match_respects_word_boundaries():
    assert "gloss" not in render("<p>preocrevusx and ocrelizumabs</p>")


def test_case_sensitive_variant_does_not_match_a_unit():
    assert "gloss" not in render("<p>Take 20 mg daily.</p>")
    assert ">MG</a>" in render("<p>People with MG.</p>")


@pytest.mark.parametrize(
    "html",
    [
        "<h2>Ocrevus</h2>",
        '<p><a href="/x">about Ocrevus</a></p>',
        "<p><code>ocrevus</code></p>",
        "<pre>Ocrevus\n</pre>",
        "<pre><code>Ocrevus</code></pre>",
        '<p><abbr title="x">Ocrevus</abbr></p>',
    ],
)
def test_never_links_inside_headings_links_code_pre_or_abbr(html):
    assert render(html) == html


def test_text_after_a_skipped_element_is_still_linked():
    out = render("<h2>Ocrevus</h2><p>Ocrevus is given every six months.</p>")
    assert out.startswith("<h2>Ocrevus</h2><p><a class=\"gloss\"")


def test_once_per_page_across_fragments():
    result = annotate(["<p>Ocrevus</p>", "<p>ocrelizumab and pins and needles</p>"], matcher())
    assert "gloss" in result.parts[0]
    assert "ocrelizumab</a>" not in result.parts[1]
    assert [t.slug for t in result.terms] == ["ocrelizumab", "paresthesia"]


def test_markup_and_entities_survive_unchanged():
    html = '<p>5 &lt; 6 &amp; <strong>bold</strong><br>line <em class="x">Ocrevus</em></p>'
    out = render(html)
    assert out.replace(
        '<a class="gloss" href="#def-ocrelizumab" aria-describedby="def-ocrelizumab-text">Ocrevus</a>', "Ocrevus"
    ) == html


def test_script_like_text_stays_escaped():
    out = render("<p>&lt;script&gt;alert(1)&lt;/script&gt; Ocrevus</p>")
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_phrase_matches_across_hyphen_and_space_spellings():
    m = Matcher.build([("CAR T", False, OCR)])
    assert "gloss" in str(annotate(["<p>New CAR-T results</p>"], m).parts[0])


def test_longer_name_wins_over_a_shorter_one_inside_it():
    fum = DefinedTerm("dmf", "dimethyl fumarate", "", "/")
    m = Matcher.build([("fumarate", False, OCR), ("dimethyl fumarate", False, fum)])
    result = annotate(["<p>dimethyl fumarate</p>"], m)
    assert [t.slug for t in result.terms] == ["dmf"]


def test_empty_glossary_changes_nothing():
    html = "<p>Ocrevus</p>"
    assert str(annotate([html], Matcher.build([])).parts[0]) == html


@pytest.mark.django_db
def test_cached_rendering_uses_only_published_terms():
    TermFactory(title="ocrelizumab", slug="ocrelizumab", variants=["Ocrevus"])
    TermFactory(title="fingolimod", slug="fingolimod", status="draft", published_at=None)
    result = annotate_cached(["<p>Ocrevus or fingolimod</p>"])
    assert [t.slug for t in result.terms] == ["ocrelizumab"]


@pytest.mark.django_db
def test_cached_rendering_costs_one_query_on_a_hit(django_assert_max_num_queries):
    TermFactory(title="ocrelizumab", slug="ocrelizumab")
    annotate_cached(["<p>ocrelizumab</p>"])
    with django_assert_max_num_queries(1):
        result = annotate_cached(["<p>ocrelizumab</p>"])
    assert [t.slug for t in result.terms] == ["ocrelizumab"]


@pytest.mark.django_db
def test_new_glossary_version_renders_again():
    annotate_cached(["<p>siponimod</p>"])
    TermFactory(title="siponimod", slug="siponimod")  # bumps the version, as publishing does
    assert [t.slug for t in annotate_cached(["<p>siponimod</p>"]).terms] == ["siponimod"]


@pytest.mark.django_db
def test_publishing_a_term_moves_the_version(moderator, django_capture_on_commit_callbacks):
    term = TermFactory(title="ozanimod", slug="ozanimod", status="in_review", published_at=None)
    before = cache.get(VERSION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        term_publish(item=term, moderator=moderator)
    assert cache.get(VERSION_KEY) != before


@pytest.mark.django_db
def test_article_page_links_first_mention_and_lists_the_definition(client):
    TermFactory(title="ocrelizumab", slug="ocrelizumab", body="An antibody drug for MS.", variants=["Ocrevus"])
    article = ArticleFactory(body="## Ocrevus\n\nOcrevus is one option. Ocrevus again.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count('href="#def-ocrelizumab"') == 1
    assert '<dt id="def-ocrelizumab">' in html
    assert '<dd id="def-ocrelizumab-text"><p>An antibody drug for MS.</p>' in html
    assert "<h2>Ocrevus</h2>" in html
    article.refresh_from_db()
    assert "gloss" not in article.body_html
