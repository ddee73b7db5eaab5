"""The README's configuration table documents every environment variable Tending reads."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READS = re.compile(r"""env_(?:str|bool|int|list|choice)\(\s*["']([A-Z0-9_]+)["']""")
DIRECT_READS = re.compile(r"""os\.environ(?:\.get\(|\[)\s*["'](TENDING_[A-Z0-9_]+)["']""")
TABLE_ROW = re.compile(r"^\| `(TENDING_[A-Z0-9_]+)` \|", re.MULTILINE)


def variables_read() -> set[str]:
    names = set()
    for path in (ROOT / "src").rglob("*.py"):
        text = path.read_text()
        names |= {f"TENDING_{name}" for name in READS.findall(text)}
        names |= set(DIRECT_READS.findall(text))
    return names


def test_every_variable_read_has_a_row_in_the_readme():
    documented = set(TABLE_ROW.findall((ROOT / "README.md").read_text()))
    read = variables_read()
    assert {"TENDING_ENCRYPTION_KEY", "TENDING_API_RATE"} <= read
    assert read - documented == set()
