"""Checking pages with axe-core (vendored in tests/browser/vendor/axe-core) for WCAG 2.2 A/AA.

axe is injected into the page under test, which the Content-Security-Policy would refuse:
the browser contexts that run it are opened with ``bypass_csp=True``, and only those.
"""

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

AXE_SOURCE = Path(__file__).resolve().parents[1] / "browser" / "vendor" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    summary: violation.nodes.length ? violation.nodes[0].failureSummary : "",
  }));
}
"""


@dataclass(frozen=True)
class Violation:
    where: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]
    summary: str

    def __str__(self) -> str:
        return (
            f"{self.where}: {self.rule} ({self.impact}) {self.help}\n"
            f"    at {', '.join(self.targets)}\n    {self.summary}"
        )


def axe_violations(page: Page, where: str) -> list[Violation]:
    """Every WCAG 2.2 A/AA violation axe finds on the page as it is now."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SOURCE))
    found = page.evaluate(RUN_AXE, list(WCAG_TAGS))
    return [
        Violation(
            where=where,
            rule=item["rule"],
            impact=item["impact"] or "",
            help=item["help"],
            targets=tuple(item["targets"]),
            summary=item["summary"],
        )
        for item in found
    ]
