"""Settings for the test suite: the project's settings, never the developer's `.env`.

`DJANGO_ENV_FILE` is emptied before `portal.settings` is read, so a local `.env` (written by `make run`)
cannot change what the tests see; only the real environment does (e.g. `DATABASE_URL` for PostgreSQL).
Debug is on unless the environment says otherwise, as under `make test`, for the local secret key.
"""

import os

os.environ["DJANGO_ENV_FILE"] = ""
os.environ.setdefault("DJANGO_DEBUG", "1")

from portal.settings import *  # noqa: E402, F403
