"""A small table of the schema.org vocabulary the portal emits: for each type, the properties
schema.org defines for it (the ones we may use) and the ones we require per page type.

Allowed properties are copied from schema.org's type pages (including inherited ones we use);
required ones are what a reader's search result needs (Google's rich-result rules, plus ours).
"""

from __future__ import annotations

from urllib.parse import urlparse

THING = {"@type", "@id", "name", "url", "description", "identifier", "sameAs", "alternateName"}
CREATIVE_WORK = THING | {
    "author",
    "datePublished",
    "dateModified",
    "headline",
    "inLanguage",
    "publisher",
    "keywords",
    "mainEntity",
}
WEB_PAGE = CREATIVE_WORK | {"lastReviewed", "reviewedBy", "breadcrumb", "mainEntity"}

TYPES: dict[str, dict[str, set[str]]] = {
    "WebPage": {"allowed": WEB_PAGE, "required": {"name", "url"}},
    "CollectionPage": {"allowed": WEB_PAGE, "required": {"name", "url"}},
    "SearchResultsPage": {"allowed": WEB_PAGE, "required": {"name", "url"}},
    "AboutPage": {"allowed": WEB_PAGE, "required": {"name", "url"}},
    "ContactPage": {"allowed": WEB_PAGE, "required": {"name", "url"}},
    "ProfilePage": {"allowed": WEB_PAGE, "required": {"name", "url"}},
    "MedicalWebPage": {
        "allowed": WEB_PAGE | {"medicalAudience", "specialty"},
        "required": {
            "name",
            "url",
            "headline",
            "datePublished",
            "dateModified",
            "lastReviewed",
            "reviewedBy",
            "author",
        },
    },
    "FAQPage": {"allowed": WEB_PAGE, "required": {"name", "url", "mainEntity"}},
    "Question": {"allowed": THING | {"acceptedAnswer", "answerCount", "text"}, "required": {"name", "acceptedAnswer"}},
    "Answer": {"allowed": THING | {"text"}, "required": {"text"}},
    "MedicalTrial": {
        "allowed": THING
        | {"trialDesign", "phase", "status", "healthCondition", "sponsor", "studyLocation", "dateModified"},
        "required": {"name", "url", "identifier", "status", "phase", "healthCondition", "sponsor", "trialDesign"},
    },
    "MedicalCondition": {"allowed": THING, "required": {"name"}},
    "PropertyValue": {"allowed": THING | {"propertyID", "value"}, "required": {"propertyID", "value"}},
    "Organization": {"allowed": THING, "required": {"name"}},
    "Person": {"allowed": THING | {"jobTitle", "honorificSuffix"}, "required": {"name"}},
    "BreadcrumbList": {"allowed": THING | {"itemListElement"}, "required": {"itemListElement"}},
    "ListItem": {"allowed": THING | {"position", "item"}, "required": {"position", "name", "item"}},
    "WebSite": {"allowed": CREATIVE_WORK | {"potentialAction"}, "required": {"name", "url"}},
    "SearchAction": {"allowed": THING | {"target", "query-input"}, "required": {"target", "query-input"}},
}

# Enumeration members we emit as URLs.
ENUMERATIONS = {
    "status": {
        "https://schema.org/Recruiting",
        "https://schema.org/NotYetRecruiting",
        "https://schema.org/ActiveNotRecruiting",
        "https://schema.org/Completed",
        "https://schema.org/Terminated",
        "https://schema.org/Suspended",
        "https://schema.org/Withdrawn",
        "https://schema.org/EnrollingByInvitation",
    },
    "trialDesign": {
        "https://schema.org/MultiCenterTrial",
        "https://schema.org/SingleCenterTrial",
        "https://schema.org/InternationalTrial",
        "https://schema.org/OpenTrial",
        "https://schema.org/RandomizedTrial",
        "https://schema.org/PlaceboControlledTrial",
        "https://schema.org/DoubleBlindedTrial",
        "https://schema.org/SingleBlindedTrial",
        "https://schema.org/TripleBlindedTrial",
    },
}

URL_PROPERTIES = {"url", "item", "sameAs"}


def validate(node, path: str = "$") -> list[str]:
    """Every problem found in a JSON-LD value: unknown types, unknown or missing properties, bad enum values."""
    problems: list[str] = []
    if isinstance(node, list):
        for n, child in enumerate(node):
            problems += validate(child, f"{path}[{n}]")
        return problems
    if not isinstance(node, dict):
        return problems
    if "@graph" in node:
        if node.get("@context") != "https://schema.org":
            problems.append(f"{path}: @context must be https://schema.org")
        return problems + validate(node["@graph"], f"{path}.@graph")
    kind = node.get("@type")
    if kind not in TYPES:
        return [f"{path}: unknown @type {kind!r}"]
    spec = TYPES[kind]
    for key in sorted(set(node) - spec["allowed"]):
        problems.append(f"{path}: {kind} has no property {key!r}")
    for key in sorted(spec["required"] - set(node)):
        problems.append(f"{path}: {kind} needs {key!r}")
    for key, value in node.items():
        if value in ("", None, []) and key in spec["required"]:
            problems.append(f"{path}.{key}: empty")
        if key in ENUMERATIONS and kind == "MedicalTrial":
            values = value if isinstance(value, list) else [value]
            if key == "trialDesign" and not set(values) <= ENUMERATIONS[key]:
                problems.append(f"{path}.{key}: {value!r} is not a MedicalTrialDesign")
            if (
                key == "status"
                and isinstance(value, str)
                and value.startswith("http")
                and value not in ENUMERATIONS[key]
            ):
                problems.append(f"{path}.{key}: {value!r} is not a MedicalStudyStatus")
        if key in URL_PROPERTIES and isinstance(value, str) and not urlparse(value).scheme.startswith("http"):
            problems.append(f"{path}.{key}: {value!r} is not an absolute URL")
        problems += validate(value, f"{path}.{key}")
    return problems
