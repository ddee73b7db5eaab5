"""Helpers for the tests, as ordinary importable modules (``tests/conftest.py`` keeps
fixtures only):

- ``people``: the password, people, pairing and logged-in clients;
- ``builders``: check-ins, responses, practices and reports on a given day;
- ``queries``: exact query counts that print the SQL when they change;
- ``hashers``: the quick password hasher the suite uses;
- ``pdf``: the text of a PDF;
- ``browser``: the watched Chromium visitor of the browser tests.
"""
