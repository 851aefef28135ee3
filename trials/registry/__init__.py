"""ClinicalTrials.gov API v2, one job per module, none of them touching the database.

- `client`: HTTP (timeouts, polite spacing, retries) returning the registry's JSON untouched.
- `parse`: one study object -> a typed `ParsedTrial` record (pure).
- `classify`: the finder's guesses from the record's text: CAR T target, condition groups (pure).
- `files`: saved responses and list pages: reading, format detection, classic v1/XML rejection.

`trials.sync` applies a record to a `Trial`; `trials.imports` feeds it from files or the API.
"""

API_BASE_URL = "https://clinicaltrials.gov/api/v2"
