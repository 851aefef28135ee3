from __future__ import annotations

import pytest
from django.core.management import call_command

from portal.actions.archive import content_archive
from portal.actions.save import content_save
from portal.content.drafts import pending_draft_for
from portal.content.models import ModerationEvent, Status
from portal.glossary.models import Term, Variant
from portal.glossary.seed import terms as seed
from portal.glossary.seed.loader import GlossaryLoadError, glossary_load
from portal.glossary.text import normalise, stop_word_reason
from tests.factories import TermFactory

pytestmark = pytest.mark.django_db

ENTRY = seed.term("ocrelizumab", "ocrelizumab", "ms_drugs", "An anti-CD20 drug.", brand=["Ocrevus"], case=["OCR"])


def test_seed_has_at_least_120_terms_and_every_name_is_valid_and_unique():
    assert len(seed.TERMS) >= 120
    owner: dict[str, str] = {}
    for entry in seed.TERMS:
        assert 0 < len(entry["definition"]) <= 700, entry["key"]
        for name in [entry["title"], *(n for names in entry["variants"].values() for n in names)]:
            key = normalise(name)
            assert len(key.replace(" ", "")) >= 2 and not stop_word_reason(name), name
            assert owner.setdefault(key, entry["key"]) == entry["key"], f"{name} is in {owner[key]} and {entry['key']}"


def test_seed_never_promises_a_cure():
    for entry in seed.TERMS:
        text = entry["definition"].lower()
        assert "cures ms" not in text.replace("none of them cures ms", "") and "will cure" not in text


def test_load_publishes_terms_through_the_moderation_service(moderator):
    glossary_load(moderator=moderator, entries=[ENTRY])
    term = Term.objects.get(seed_key="ocrelizumab")
    assert term.status == Status.PUBLISHED
    assert sorted((v.text, v.match_case) for v in term.variants.all()) == [("OCR", True), ("Ocrevus", False)]
    assert ModerationEvent.objects.filter(object_id=term.pk, to_status=Status.PUBLISHED, actor=moderator).exists()


def test_second_load_changes_nothing(moderator, django_assert_max_num_queries):
    glossary_load(moderator=moderator, entries=[ENTRY])
    before = Term.objects.get().updated_at
    report = glossary_load(moderator=moderator, entries=[ENTRY])
    assert report.counts["unchanged"] == 1 and report.counts["created"] == 0
    assert Term.objects.get().updated_at == before


def test_changed_seed_entry_updates_an_untouched_term(moderator):
    glossary_load(moderator=moderator, entries=[ENTRY])
    changed = seed.term("ocrelizumab", "ocrelizumab", "ms_drugs", "A better definition.", brand=["Ocrevus", "Ocr"])
    report = glossary_load(moderator=moderator, entries=[changed])
    term = Term.objects.get()
    assert report.counts["updated"] == 1
    assert term.body == "A better definition." and term.status == Status.PUBLISHED
    assert {v.text for v in term.variants.all()} == {"Ocrevus", "Ocr"}


def test_term_an_editor_changed_is_never_overwritten(moderator):
    glossary_load(moderator=moderator, entries=[ENTRY])
    term = Term.objects.get()
    term.body = "The editor's own words."
    content_save(item=term, user=moderator)
    changed = seed.term("ocrelizumab", "ocrelizumab", "ms_drugs", "Seed v2.", brand=["Ocrevus"])
    report = glossary_load(moderator=moderator, entries=[changed])
    assert report.counts["kept_editor"] == 1
    # The term was published, so the edit is a draft waiting for review; the seed touched neither.
    assert Term.objects.get().body == ENTRY["definition"]
    assert pending_draft_for(term).fields["body"] == "The editor's own words."


def test_editor_variant_edit_or_archive_counts_as_a_change(moderator):
    glossary_load(moderator=moderator, entries=[ENTRY])
    term = Term.objects.get()
    Variant.objects.filter(term=term, text="OCR").delete()
    glossary_load(moderator=moderator, entries=[seed.term("ocrelizumab", "ocrelizumab", "ms_drugs", "v2")])
    assert Term.objects.get().body == "An anti-CD20 drug."
    content_archive(item=term, moderator=moderator)
    glossary_load(moderator=moderator, entries=[ENTRY])
    assert Term.objects.get().status == Status.ARCHIVED


def test_term_an_editor_made_with_the_same_name_is_left_alone(moderator):
    TermFactory(title="Ocrelizumab", slug="ocrelizumab-editor", body="Editor's.")
    report = glossary_load(moderator=moderator, entries=[ENTRY])
    assert report.counts["kept_editor"] == 1
    assert Term.objects.count() == 1


def test_variant_owned_by_another_term_is_skipped_and_reported(moderator):
    TermFactory(title="ocrelizumab brand", slug="x", variants=["Ocrevus"])
    report = glossary_load(moderator=moderator, entries=[ENTRY])
    assert any("Ocrevus" in line and "ocrelizumab brand" in line for line in report.skipped)
    assert [v.text for v in Term.objects.get(seed_key="ocrelizumab").variants.all()] == ["OCR"]


def test_load_needs_a_moderator(editor):
    with pytest.raises(GlossaryLoadError):
        glossary_load(moderator=editor, entries=[ENTRY])


def test_command_loads_the_whole_seed_idempotently(moderator, capsys):
    call_command("load_glossary")
    assert Term.objects.published().count() == len(seed.TERMS)
    call_command("load_glossary")
    assert f"0 created, 0 updated, {len(seed.TERMS)} unchanged" in capsys.readouterr().out
