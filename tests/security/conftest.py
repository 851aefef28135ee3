"""The security suite's browser tests use the shared browser fixtures (tests/browser/fixtures.py, loaded by
tests/conftest.py): one session browser for the whole run, Debian's Chromium, never a download."""
