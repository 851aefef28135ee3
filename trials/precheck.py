"""Could this trial fit me? A private pre-check of a reader's answers against one trial's listing.

Private by design: the answers come in a POST body (not the address, so they are not in browser
history, server access logs or the referrer sent to the registry), are compared in memory and
rendered back; nothing is stored, logged or sent on. The views that use it mark the fields
sensitive, so even an error report does not carry them.

It uses the registry's structured fields (age, sex, conditions, whether the trial is open) and
the criteria editors add per trial (EDSS range, MS types, required or excluded treatments, recent
relapse), each shown with the registry sentence it comes from. A criterion the listing does not
give makes the answer "we can't tell from the listing", never a guess. Not medical advice.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .choices import ConditionGroup
from .display import age_in_years, age_range_text

__all__ = ["MS_DRUGS", "PRECHECK_PREFIX", "PrecheckForm", "Verdict", "assess"]

PRECHECK_PREFIX = "fit"

# MS treatments by generic name (the code editors use) and the brand names readers know.
MS_DRUGS = (
    ("alemtuzumab", "Alemtuzumab", "Lemtrada"),
    ("cladribine", "Cladribine", "Mavenclad"),
    ("dimethyl_fumarate", "Dimethyl fumarate", "Tecfidera"),
    ("diroximel_fumarate", "Diroximel fumarate", "Vumerity"),
    ("fingolimod", "Fingolimod", "Gilenya"),
    ("glatiramer", "Glatiramer acetate", "Copaxone"),
    ("interferon_beta", "Interferon beta", "Avonex, Rebif, Plegridy, Betaferon, Extavia"),
    ("mitoxantrone", "Mitoxantrone", ""),
    ("natalizumab", "Natalizumab", "Tysabri, Tyruko"),
    ("ocrelizumab", "Ocrelizumab", "Ocrevus"),
    ("ofatumumab", "Ofatumumab", "Kesimpta"),
    ("ozanimod", "Ozanimod", "Zeposia"),
    ("ponesimod", "Ponesimod", "Ponvory"),
    ("rituximab", "Rituximab", "MabThera, Rituxan"),
    ("siponimod", "Siponimod", "Mayzent"),
    ("teriflunomide", "Teriflunomide", "Aubagio"),
    ("ublituximab", "Ublituximab", "Briumvi"),
    ("ahsct", "Stem cell transplant (aHSCT)", ""),
    ("car_t", "CAR T-cell therapy", ""),
)
DRUG_NAMES = {code: f"{generic} ({brands})" if brands else generic for code, generic, brands in MS_DRUGS}

MS_TYPES = (
    ("relapsing", gettext_lazy("Relapsing MS (relapsing-remitting, or active secondary progressive)")),
    ("ppms", gettext_lazy("Primary progressive MS")),
    ("spms", gettext_lazy("Secondary progressive MS")),
    ("unsure", gettext_lazy("Not sure")),
)
MS_TYPE_WORDS = {"relapsing": "relapsing MS", "ppms": "primary progressive MS", "spms": "secondary progressive MS"}
EDSS_UNKNOWN = "unknown"
EDSS_STEPS = [f"{step / 2:.1f}" for step in range(0, 20)]  # 0.0 ... 9.5

MAY_FIT = "may"
PROBABLY_NOT = "no"
CANT_TELL = "unknown"


class PrecheckForm(forms.Form):
    """The reader's answers; every field optional, an impossible value gets a message next to it."""

    age = forms.IntegerField(
        label=gettext_lazy("Your age"),
        required=False,
        min_value=0,
        max_value=120,
        error_messages={
            "min_value": gettext_lazy("Enter an age between 0 and 120."),
            "max_value": gettext_lazy("Enter an age between 0 and 120."),
            "invalid": gettext_lazy("Enter your age in whole years, for example 42."),
        },
    )
    sex = forms.ChoiceField(
        label=gettext_lazy("Sex"),
        required=False,
        choices=[
            ("", gettext_lazy("Prefer not to say")),
            ("female", gettext_lazy("Female")),
            ("male", gettext_lazy("Male")),
        ],
    )
    ms_type = forms.ChoiceField(label=gettext_lazy("Type of MS"), required=False, choices=[("", "—"), *MS_TYPES])
    edss = forms.ChoiceField(
        label=gettext_lazy("EDSS score, if you know it"),
        required=False,
        help_text=gettext_lazy(
            "EDSS is the 0 to 10 scale neurologists use for disability in MS: 0 is a normal examination, "
            "around 4 to 5 walking becomes limited, 6 means needing a stick to walk about 100 metres. "
            "Your MS team can tell you yours."
        ),
        choices=[("", "—"), (EDSS_UNKNOWN, gettext_lazy("I don't know")), *((s, s) for s in EDSS_STEPS)],
        error_messages={
            "invalid_choice": gettext_lazy("EDSS goes from 0 to 9.5 in steps of 0.5, or choose “I don't know”.")
        },
    )
    treatments = forms.MultipleChoiceField(
        label=gettext_lazy("MS treatments you take or have taken"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=list(DRUG_NAMES.items()),
        error_messages={"invalid_choice": gettext_lazy("Choose treatments from the list.")},
    )
    relapse = forms.ChoiceField(
        label=gettext_lazy("A relapse in the last 12 months?"),
        required=False,
        choices=[
            ("", "—"),
            ("yes", gettext_lazy("Yes")),
            ("no", gettext_lazy("No")),
            ("unsure", gettext_lazy("Not sure")),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", PRECHECK_PREFIX)
        super().__init__(*args, **kwargs)

    def answers(self) -> dict:
        """The valid answers; an invalid one is left out (its message is on the form)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None, [])}


@dataclass
class Verdict:
    label: str
    reasons: list[str] = field(default_factory=list)
    unknowns: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        if self.label == PROBABLY_NOT:
            return _("Probably not: %(reason)s") % {"reason": "; ".join(self.reasons)}
        if self.label == MAY_FIT:
            return _("May fit: talk to the trial team")
        return _("We can't tell from the listing")


def _accepted_ms_types(trial) -> list[str] | None:
    """MS types the trial takes: the editors' list, else read from the condition groups; None if unknown."""
    if trial.ms_types:
        return list(trial.ms_types)
    groups = set(trial.condition_groups or ())
    accepted = []
    if ConditionGroup.MS_RELAPSING in groups:
        accepted.append("relapsing")
    if ConditionGroup.MS_PROGRESSIVE in groups:
        accepted += ["ppms", "spms"]
    return accepted or None


def assess(trial, answers: dict) -> Verdict:
    """Compare the answers with what the listing says. Only answered questions are checked."""
    no: list[str] = []
    unknown: list[str] = []
    sources: list[str] = []

    if not trial.is_open:
        no.append(_("this trial is not taking new participants"))

    age = answers.get("age")
    if age is not None:
        low, high = age_in_years(trial.minimum_age), age_in_years(trial.maximum_age)
        if low is None and high is None:
            unknown.append(_("the listing gives no age range"))
        elif (low is not None and age < low) or (high is not None and age > high):
            no.append(
                _("this trial is for people %(range)s")
                % {"range": age_range_text(trial.minimum_age, trial.maximum_age).lower()}
            )

    sex = answers.get("sex")
    if sex and trial.sex in ("FEMALE", "MALE") and trial.sex.lower() != sex:
        no.append(_("this trial is for women only") if trial.sex == "FEMALE" else _("this trial is for men only"))

    ms_type = answers.get("ms_type")
    groups = set(trial.condition_groups or ())
    has_ms = bool(groups & {ConditionGroup.MS, ConditionGroup.MS_RELAPSING, ConditionGroup.MS_PROGRESSIVE})
    if ms_type and not has_ms:
        no.append(_("this trial is not for people with MS"))
    elif ms_type == "unsure":
        unknown.append(_("your type of MS"))
    elif ms_type:
        accepted = _accepted_ms_types(trial)
        if accepted is None:
            unknown.append(_("which types of MS the trial takes"))
        elif ms_type not in accepted:
            words = ", ".join(MS_TYPE_WORDS[code] for code in accepted if code in MS_TYPE_WORDS)
            no.append(_("this trial is for people with %(types)s") % {"types": words})
        if trial.ms_types and trial.ms_types_source:
            sources.append(trial.ms_types_source)

    edss = answers.get("edss")
    if edss == EDSS_UNKNOWN:
        if trial.edss_min is not None or trial.edss_max is not None:
            unknown.append(_("your EDSS score (this trial has an EDSS limit)"))
    elif edss:
        value = decimal.Decimal(edss)
        if trial.edss_min is None and trial.edss_max is None:
            unknown.append(_("the EDSS range (the listing does not give one we could read)"))
        else:
            low = trial.edss_min if trial.edss_min is not None else decimal.Decimal("0")
            high = trial.edss_max if trial.edss_max is not None else decimal.Decimal("9.5")
            if not low <= value <= high:
                no.append(
                    _("this trial is for people with an EDSS from %(low)s to %(high)s") % {"low": low, "high": high}
                )
            if trial.edss_source:
                sources.append(trial.edss_source)

    taken = set(answers.get("treatments") or ())
    if taken or "treatments" in answers:
        excluded = taken & set(trial.excluded_treatments or ())
        if excluded:
            names = ", ".join(DRUG_NAMES.get(code, code) for code in sorted(excluded))
            no.append(_("people who have had %(names)s cannot take part") % {"names": names})
            if trial.excluded_treatments_source:
                sources.append(trial.excluded_treatments_source)
        required = set(trial.required_treatments or ())
        if required and not taken & required:
            names = ", ".join(DRUG_NAMES.get(code, code) for code in sorted(required))
            no.append(_("this trial is for people who have already had %(names)s") % {"names": names})
            if trial.required_treatments_source:
                sources.append(trial.required_treatments_source)
        if not trial.excluded_treatments and not trial.required_treatments:
            unknown.append(_("which earlier treatments the trial accepts"))

    relapse = answers.get("relapse")
    if relapse:
        rule, window = trial.relapse_rule, trial.relapse_months or 12
        # The question is about the last 12 months: a window of another length can only be
        # answered one way for sure (no relapse in 12 months means none in 6 either).
        if not rule:
            unknown.append(_("whether a recent relapse matters for this trial"))
        elif relapse == "unsure":
            unknown.append(_("whether you had a relapse recently"))
        elif rule == "required" and relapse == "no":
            if window <= 12:
                no.append(_("this trial is for people who had a relapse in the last %(n)s months") % {"n": window})
            else:
                unknown.append(_("whether you had a relapse in the last %(n)s months") % {"n": window})
        elif rule == "required" and relapse == "yes" and window < 12:
            unknown.append(_("whether your relapse was in the last %(n)s months") % {"n": window})
        elif rule == "excluded" and relapse == "yes":
            if window >= 12:
                no.append(_("people with a relapse in the last %(n)s months cannot take part") % {"n": window})
            else:
                unknown.append(_("whether your relapse was in the last %(n)s months") % {"n": window})
        elif rule == "excluded" and relapse == "no" and window > 12:
            unknown.append(_("whether you had a relapse in the last %(n)s months") % {"n": window})
        if rule and trial.relapse_source:
            sources.append(trial.relapse_source)

    if no:
        return Verdict(PROBABLY_NOT, reasons=no, unknowns=unknown, sources=sources)
    if unknown or not answers:
        return Verdict(CANT_TELL, unknowns=unknown, sources=sources)
    return Verdict(MAY_FIT, sources=sources)
