"""Named instants for tests that reason about days.

A test marked ``@pytest.mark.frozen("2027-03-10T12:00:00+00:00")`` starts its clock there;
one marked ``@pytest.mark.on_edge_days`` runs once at each of these instants, where days,
weeks, months and years turn differently in alice's London and bob's New York.
"""

EDGE_INSTANTS = {
    # Friday: New Year's Day in London, still New Year's Eve (and 2026) in New York.
    "new-year": "2027-01-01T00:30:00+00:00",
    # Sunday: London has just moved its clocks forward; New York is on Saturday evening.
    "europe-clocks-forward": "2027-03-28T01:30:00+00:00",
    # Sunday: New York repeats the hour from 01:00 to 02:00 as its clocks go back.
    "new-york-clocks-back": "2027-11-07T06:30:00+00:00",
    # Monday morning in London, Sunday evening in New York: a week apart.
    "week-turns-in-london": "2027-06-06T23:15:00+00:00",
    # Leap day, late evening in London.
    "leap-day": "2028-02-29T23:30:00+00:00",
}
