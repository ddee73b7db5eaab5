"""Licence notes for operators, shown by `tending check --deploy`, never to people."""

from django.core import checks


@checks.register("licences", deploy=True)
def licence_notes(app_configs=None, **kwargs):
    from tending.assessments.scoring import load_instruments

    return [
        checks.Info(instrument.licence.caveat, id=f"assessments.I{index:03d}")
        for index, instrument in enumerate(load_instruments().values(), start=1)
        if instrument.licence.caveat
    ]
