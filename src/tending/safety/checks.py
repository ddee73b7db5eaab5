"""System checks for operators: `tending check` lists crisis lines that need verifying."""

from django.core import checks
from django.utils import timezone

from tending.safety.crisis_lines import CrisisLinesError


@checks.register("crisis_lines")
def crisis_lines_are_verified(app_configs=None, **kwargs):
    """A warning per line nobody has verified, or not within the last year."""
    from tending.safety.selectors import directory

    try:
        found = directory()
    except CrisisLinesError as error:
        return [checks.Error(str(error), id="safety.E001")]
    problems = []
    for country, line in found.lines_to_verify(timezone.localdate()):
        where = f"{country.name}: {line.name}"
        if not line.checked:
            problems.append(
                checks.Warning(
                    f"Crisis line not yet verified: {where}.",
                    hint=f"Check it against {line.source_url} and set checked = "
                    f'"YYYY-MM-DD" in {found.path}.',
                    id="safety.W001",
                )
            )
        else:
            problems.append(
                checks.Warning(
                    f"Crisis line last verified on {line.checked}, more than a year ago: {where}.",
                    hint=f"Check it against {line.source_url} and update checked in {found.path}.",
                    id="safety.W002",
                )
            )
    return problems
