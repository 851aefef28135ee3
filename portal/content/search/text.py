"""Text normalisation shared by indexing and querying, so both sides agree on every spelling.

`tokenize()` is the only tokeniser: the index stores its output (space-separated stems, see
`SearchEntry.*_terms`), both databases match those stored tokens as they are (SQLite FTS5 with the
plain unicode61 tokenizer, PostgreSQL's `simple` configuration), and the Python scorer counts them.
A token is lower-case ASCII letters and digits: accents are folded, stop words dropped, words
stemmed with the Snowball English stemmer; registry identifiers that a content type declares
(`Identifier`, e.g. the trial app's registry numbers) and CAR T spellings (CAR-T, car t,
chimeric antigen receptor) become one token each. Product codes (KYV-101, kyv101, KYV 101) become
one canonical token in the identifiers field; a query code also matches the split spelling.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import snowballstemmer

CAR_T_RE = re.compile(r"\bcar[\s\-]*t(?=\b|-)|\bchimeric\s+antigen\s+receptors?\b", re.IGNORECASE)
# Letters then digits, joined by nothing, a hyphen or a space: KYV-101, KYSA-7, CD19, Phase 2.
CODE_RE = re.compile(r"\b([a-z]{2,6})[\s\-]?(\d{1,4}[a-z]?)\b", re.IGNORECASE)
WORD_RE = re.compile(r"\w+", re.UNICODE)
# Characters used as highlight markers inside snippets; never allowed in indexed text.
MARK_START, MARK_END = "\x02", "\x03"
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

CAR_T_TOKEN = "cart"
OPEN_STATE = "open"  # the state filter value that matches every item whose document is open


@dataclass(frozen=True)
class Identifier:
    """A code readers type in several spellings, declared by the content type that owns it
    (`ContentTypeSpec.identifiers`): `pattern` matches it in lower-case text, its distinctive part in
    group 1. It is indexed and searched as one token, `prefix` + that part; a query that is just such a
    code pins the item whose document `code` is `code_prefix` + that part to the top."""

    prefix: str
    pattern: str
    code_prefix: str

    @cached_property
    def regex(self) -> re.Pattern:
        return re.compile(self.pattern, re.IGNORECASE)

    def token(self, part: str) -> str:
        return f"{self.prefix}{part.lower()}"

    def code(self, part: str) -> str:
        return f"{self.code_prefix}{part.upper()}"


_IDENTIFIERS: dict[str, Identifier] = {}


def register_identifier(identifier: Identifier) -> None:
    """Called by the content-type registry for each type's identifiers (the same prefix again replaces it)."""
    _IDENTIFIERS[identifier.prefix] = identifier


def identifiers() -> list[Identifier]:
    return list(_IDENTIFIERS.values())


def _sub_identifiers(text: str, replace) -> str:
    for identifier in identifiers():
        text = identifier.regex.sub(lambda m, i=identifier: replace(i, m.group(1)), text)
    return text

# PostgreSQL's English stop words (Snowball), so natural questions behave the same on SQLite.
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below between
    both but by can did do does doing don down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
    off on once only or other our ours ourselves out over own same she should so some such t than that the their
    theirs them themselves then there these they this those through to too under until up very was we were what
    when where which while who whom why will with you your yours yourself yourselves""".split()
)


_ASCII_TOKEN_RE = re.compile(r"[a-z0-9]+")
MAX_TOKEN_LENGTH = 40
_stemmer = snowballstemmer.stemmer("english")
_stemmer_lock = threading.Lock()  # a Snowball stemmer keeps state while it works


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball English stem of a lower-case ASCII word; words with digits stay as they are."""
    if not word.isalpha():
        return word
    with _stemmer_lock:
        return _stemmer.stemWord(word)


def fold(text: str) -> str:
    """Lower case without accents (café -> cafe), control characters removed."""
    text = unicodedata.normalize("NFKD", clean_text(text).lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def tokenize(text: str) -> list[str]:
    """The index and query tokens of `text`, in order (see the module docstring)."""
    text = _sub_identifiers(fold(text), lambda identifier, part: f" {identifier.token(part)} ")
    text = CAR_T_RE.sub(f" {CAR_T_TOKEN} ", text)
    return [
        stem(word) for word in _ASCII_TOKEN_RE.findall(text) if word not in STOP_WORDS and len(word) <= MAX_TOKEN_LENGTH
    ]


def clean_text(text: str) -> str:
    """Drop control characters (including the highlight markers) from text before it is indexed."""
    return _CONTROL_RE.sub(" ", text or "")


def canonical_tokens(text: str) -> list[str]:
    """The canonical spellings of every identifier, product code and CAR T mention in `text`, in order."""
    found: list[str] = []
    for identifier in identifiers():
        found.extend(identifier.token(match.group(1)) for match in identifier.regex.finditer(text))
    text = _sub_identifiers(text, lambda identifier, part: " ")
    if CAR_T_RE.search(text):
        found.append(CAR_T_TOKEN)
    for match in CODE_RE.finditer(CAR_T_RE.sub(" ", text)):
        found.append((match.group(1) + match.group(2)).lower())
    return list(dict.fromkeys(found))


def normalise_query_text(text: str) -> str:
    """Rewrite the spellings canonical_tokens() knows into their canonical token, leaving the syntax alone."""
    text = _sub_identifiers(text, lambda identifier, part: identifier.token(part))
    text = CAR_T_RE.sub(CAR_T_TOKEN, text)
    return CODE_RE.sub(lambda m: (m.group(1) + m.group(2)).lower(), text)


def facet_token(prefix: str, value: str) -> str:
    # One alphanumeric token per value (FTS5 splits on punctuation); the trailing 0 stops the
    # Porter stemmer from merging e.g. the tags "relapse" and "relapses".
    return prefix + re.sub(r"[^a-z0-9]", lambda m: f"x{ord(m.group()):x}", value.lower()) + "0"


def facet_tokens(*, kind: str, state: str, is_open: bool, tag_slugs: list[str]) -> str:
    """Filter values as words, so SQLite's FTS5 applies filters inside the full-text match.

    An open item also carries the state OPEN_STATE, so one filter finds every open state.
    """
    tokens = [facet_token("kind", kind)]
    if state:
        tokens.append(facet_token("status", state))
    if is_open:
        tokens.append(facet_token("status", OPEN_STATE))
    tokens += [facet_token("tag", slug) for slug in tag_slugs]
    return " ".join(tokens)


def vocabulary(*texts: str) -> set[str]:
    """Plain lower-case words worth offering as spelling corrections (letters only, 4 to 40 long)."""
    words: set[str] = set()
    for text in texts:
        for word in WORD_RE.findall((text or "").lower()):
            if 4 <= len(word) <= 40 and word.isalpha():
                words.add(word)
    return words


@dataclass(frozen=True)
class Term:
    """One word, or a quoted phrase of several words."""

    words: tuple[str, ...]
    # Added by the parser (e.g. "kyv 101" next to "kyv101", or a glossary variant), not typed.
    expansion: bool = field(default=False, compare=False)
    # How much a match counts relative to a typed word (the scorer multiplies by it).
    weight: float = field(default=1.0, compare=False)

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        """Worked out once per term (the scorer asks for them for every candidate)."""
        return tuple(tokenize(" ".join(self.words)))

    def __str__(self) -> str:
        return " ".join(self.words)


@dataclass
class ParsedQuery:
    """Web-search syntax: all clauses must match; a clause matches if any of its terms does ("or")."""

    raw: str
    clauses: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    pinned_code: str = ""  # the query is just this identifier (`Identifier.code`): that item comes first

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def words(self) -> list[str]:
        """Every single (non-phrase) positive word, for spelling checks."""
        return [t.words[0] for clause in self.clauses for t in clause if not t.is_phrase]

    def relaxed(self) -> ParsedQuery:
        """The same terms where any one may match (for questions no item answers word for word)."""
        terms = list(dict.fromkeys(t for clause in self.clauses for t in clause))
        return ParsedQuery(
            raw=self.raw, clauses=[terms] if terms else [], excluded=self.excluded, pinned_code=self.pinned_code
        )

    def replaced(self, corrections: dict[str, str]) -> ParsedQuery:
        def fix(term: Term) -> Term:
            if term.expansion:
                return term
            return Term(tuple(corrections.get(w, w) for w in term.words), term.expansion, term.weight)

        return ParsedQuery(
            raw=self.raw,
            clauses=[[fix(t) for t in clause] for clause in self.clauses],
            excluded=self.excluded,
            pinned_code=self.pinned_code,
        )

    def display(self) -> str:
        """The query written back in web-search syntax."""
        parts = []
        for clause in self.clauses:
            parts.append(" or ".join(f'"{t}"' if t.is_phrase else str(t) for t in clause if not t.expansion))
        parts += [f'-"{t}"' if t.is_phrase else f"-{t}" for t in self.excluded]
        return " ".join(parts)


_CODE_TOKEN_RE = re.compile(r"([a-z]{2,6})(\d{1,4}[a-z]?)")
_TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


def parse_query(raw: str) -> ParsedQuery:
    """Parse web-search syntax: "quoted phrases", -excluded words and `or` between terms.

    Stop words outside quotes are dropped (as PostgreSQL does); hyphenated words become phrases.
    """
    raw = (raw or "").strip()
    parsed = ParsedQuery(raw=raw)
    for identifier in identifiers():
        whole = identifier.regex.fullmatch(raw)
        if whole:
            parsed.pinned_code = identifier.code(whole.group(1))
            break
    text = normalise_query_text(raw)
    pending_or = False
    for match in _TOKEN_RE.finditer(text):
        negated = bool(match.group(1) or match.group(3))
        quoted = match.group(2) is not None
        chunk = match.group(2) if quoted else match.group(4)
        if not quoted and not negated and chunk.lower() == "or":
            pending_or = bool(parsed.clauses)
            continue
        words = tuple(w.lower() for w in WORD_RE.findall(chunk))
        if not quoted:
            words = tuple(w for w in words if w not in STOP_WORDS) if len(words) == 1 else words
        if not words or not tokenize(" ".join(words)):
            continue
        term = Term(words)
        if negated:
            parsed.excluded.append(term)
        elif pending_or:
            parsed.clauses[-1].append(term)
        else:
            parsed.clauses.append([term])
        if len(words) == 1 and not negated:
            code = _CODE_TOKEN_RE.fullmatch(words[0])
            if code:
                parsed.clauses[-1].append(Term(code.groups(), expansion=True))
        pending_or = False
    return parsed


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), giving up above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def allowed_typos(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2
