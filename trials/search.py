"""What a trial puts in the site search: the shared document plus its registry fields.

The NCT number becomes the index's exact `code` (a query that is just the number lists the trial
first), the recruitment status its `state` (the search's status filter), and "open to new
participants" its `is_open` flag.
"""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from portal.content.search.document import SearchDocument, content_search_document, join_words, plain_text
from portal.content.search.text import OPEN_STATE

from .choices import RecruitmentStatus
from .models import Trial

# The search's status filter: "open" (every status open to new participants), then each status.
STATE_CHOICES = ((OPEN_STATE, _("Open to new participants")), *RecruitmentStatus.choices)


def trial_search_document(trial: Trial) -> SearchDocument:
    doc = content_search_document(trial)
    return replace(
        doc,
        body=(
            *doc.body,
            trial.official_title,
            join_words(trial.conditions),
            join_words(trial.interventions),
            plain_text(trial.what_it_means_html, trial.what_it_means),
            trial.brief_summary,
        ),
        identifiers=(trial.nct_id, trial.acronym, join_words(trial.interventions)),
        keywords=(trial.acronym,) if trial.acronym else (),
        code=trial.nct_id,
        state=trial.overall_status,
        is_open=trial.is_open,
    )
