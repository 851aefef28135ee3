from django.apps import AppConfig
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _


class TrialsConfig(AppConfig):
    name = "trials"
    verbose_name = "Trials"

    def ready(self) -> None:
        from portal.accounts import follows
        from portal.content import registry, revisions
        from portal.content.pagination import first_rows

        from . import follows as trial_follows
        from .models import EDITORIAL_FIELDS, Trial, TrialFollow
        from .search import STATE_CHOICES, trial_search_document

        registry.register(
            registry.ContentTypeSpec(
                model=Trial,
                kind="trial",
                label=_("Trial"),
                plural=Trial._meta.verbose_name_plural,
                card_template="trials/_card.html",
                saved_item_template="trials/_saved_item.html",
                saved_status_field="overall_status",
                search_document=trial_search_document,
                state_choices=STATE_CHOICES,
                state_filter_label=_("Trial recruitment status"),
                # ClinicalTrials.gov numbers: "NCT06451159", "nct 06451159" are one token; alone, they pin the trial.
                identifiers=(registry.Identifier(prefix="nct", pattern=r"\bnct\s?(\d{8})\b", code_prefix="NCT"),),
                # MS first, then fresh before stale; the home page labels other conditions (`is_ms`).
                home_sections={
                    "open_trials": lambda: first_rows(
                        Trial.objects.published().open_to_new_participants().ms_first().for_listing(), 4
                    )
                },
            )
        )
        revisions.register(Trial, fields=EDITORIAL_FIELDS)
        follows.register(
            follows.FollowKind(
                kind="trial",
                follow_model=TrialFollow,
                url_path="<int:pk>",
                url_kwargs=lambda trial: {"pk": trial.pk},
                get_target=lambda kwargs: get_object_or_404(Trial.objects.published(), pk=kwargs["pk"]),
                target_url=lambda trial: trial.get_absolute_url(),
                is_following=lambda user, target: trial_follows.is_following_trial(user=user, trial=target),
                follow=lambda user, target: trial_follows.trial_follow(user=user, trial=target),
                unfollow=lambda user, target: trial_follows.trial_unfollow(user=user, trial=target),
                button_name=lambda trial: trial.acronym or trial.nct_id,
                button_hint=_("E-mail me when its status, sites or dates change."),
                message_name=lambda trial: trial.title,
                followed=_("You are following “%(name)s”. We will e-mail you when its status, sites or dates change."),
                unfollowed=_("You no longer follow “%(name)s”."),
                profile_title=_("Trials"),
                profile_follows=lambda user: trial_follows.trial_follows(user=user),
                profile_template="trials/_profile_follows.html",
                export_key="trials",
                export=trial_follows.trial_follows_export,
                position=100,
            )
        )
