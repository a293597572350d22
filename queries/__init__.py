"""The library of Cypher reports: one ``.cypher`` file per report, each opening
with a header of ``// title:``, ``// answers:`` and ``// params:`` lines. Every
report is written in the Cypher that LadybugDB and Neo4j both accept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REPORTS_DIR = Path(__file__).resolve().parent
_HEADER = re.compile(r"^//\s*(title|answers|params):\s*(.*)$")


@dataclass(frozen=True)
class Report:
    name: str
    title: str
    answers: str
    params: str
    cypher: str


def load_report(name: str) -> Report:
    path = REPORTS_DIR / f"{name}.cypher"
    if not path.is_file():
        raise KeyError(f"no report named {name!r}; known: {', '.join(r.name for r in all_reports())}")
    text = path.read_text(encoding="utf-8")
    header = dict(m.groups() for line in text.splitlines() if (m := _HEADER.match(line)))
    return Report(name, header.get("title", name), header.get("answers", ""), header.get("params", "none"), text)


def all_reports() -> list[Report]:
    return [load_report(p.stem) for p in sorted(REPORTS_DIR.glob("*.cypher"))]
