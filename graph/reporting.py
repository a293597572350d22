"""Running the report library and writing results for people to read.

``run_report`` fills the parameters a report needs (``as_of`` defaults to
today) and refuses to run without the others, because LadybugDB would quietly
read a missing parameter as null where Neo4j fails. ``format_result`` writes
any query result as a terminal table, Markdown, CSV, JSON or a self-contained
HTML page; paths print as their chain of names, evidence as its quotes.
"""

from __future__ import annotations

import csv
import datetime
import html
import io
import json
import re
from typing import Any

from graph.store import QueryResult, Store
from queries import Report, load_report

FORMATS: tuple[str, ...] = ("table", "md", "csv", "json", "html")

_PARAMETER = re.compile(r"\$(\w+)")
_TABLE_WIDTH = 60


class MissingParameter(ValueError):
    """A report was asked to run without a parameter it needs."""


def report_parameters(report: Report) -> list[str]:
    """The ``$names`` a report's Cypher uses (comments left out), in order of first use."""
    code = "\n".join(line.split("//", 1)[0] for line in report.cypher.splitlines())
    return list(dict.fromkeys(_PARAMETER.findall(code)))


def run_report(
    store: Store, report: Report | str, params: dict[str, Any] | None = None, as_of: str | None = None
) -> QueryResult:
    """Run a report of ``queries/``; ``as_of`` (ISO date) defaults to today for reports that take it."""
    report = load_report(report) if isinstance(report, str) else report
    params = dict(params or {})
    needed = report_parameters(report)
    if "as_of" in needed:
        params["as_of"] = as_of or params.get("as_of") or datetime.date.today().isoformat()
        datetime.date.fromisoformat(params["as_of"])
    missing = [name for name in needed if name not in params]
    if missing:
        raise MissingParameter(
            f"report {report.name} needs --param {' --param '.join(f'{m}=…' for m in missing)} ({report.params})"
        )
    return store.query(report.cypher, params)


def format_result(result: QueryResult, fmt: str, title: str | None = None, answers: str | None = None) -> str:
    """The result as text in one of ``FORMATS``; ``title`` and ``answers`` head the md and html forms."""
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, row)) for row in result.rows],
                          ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_raw_cell(v) for v in row] for row in result.rows)
        return out.getvalue()
    cells = [[cell_text(v, column) for v, column in zip(row, result.columns)] for row in result.rows]
    if fmt == "md":
        return _markdown(result.columns, cells, title, answers)
    if fmt == "html":
        return html_page(title or "Ressortgraf", html_table(result.columns, cells), answers)
    if fmt == "table":
        return _terminal_table(result.columns, cells)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def cell_text(value: Any, column: str = "") -> str:
    """One value as readers want it: a path as its chain, a node as its name, evidence as its quotes."""
    if value is None:
        return ""
    if column == "evidence" and isinstance(value, str):
        return _quotes(value)
    if isinstance(value, dict) and "nodes" in value and "relations" in value:
        return _chain(value)
    if isinstance(value, dict) and "label" in value and "name" in value:
        return str(value["name"])
    return _raw_cell(value)


def html_table(columns: list[str], cells: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in cells)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def html_page(title: str, body: str, lead: str | None = None) -> str:
    """A complete HTML document with its style inline: it opens offline, from a mail or a share."""
    intro = f"<p class='lead'>{html.escape(lead)}</p>" if lead else ""
    return (
        "<!DOCTYPE html>\n<html lang='da'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{intro}{body}</body></html>\n"
    )


_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:80em}"
    "table{border-collapse:collapse;margin:1em 0;font-size:.9em}"
    "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
    "th{background:#f0f3f7}tr:nth-child(even) td{background:#fafafa}"
    ".lead{color:#555}h2{margin-top:2em}svg text{font-family:system-ui,sans-serif}"
)


def _quotes(evidence: str) -> str:
    """Stored evidence JSON as «quote» (document start–end); text that is not evidence stays as it is."""
    try:
        spans = json.loads(evidence or "[]")
        return "; ".join(f"«{e['quote']}» ({e['document']} {e['start']}–{e['end']})" for e in spans)
    except (ValueError, TypeError, KeyError):
        return evidence


def _chain(path: dict) -> str:
    names = [str(node.get("name", node.get("id", "?"))) for node in path["nodes"]]
    steps = [names[0]]
    for relation, name in zip(path["relations"], names[1:]):
        steps.append(f"–{relation.get('type', '')}→ {name}")
    return " ".join(steps)


def _raw_cell(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


def _terminal_table(columns: list[str], cells: list[list[str]]) -> str:
    rows = [columns] + cells
    widths = [min(_TABLE_WIDTH, max(len(r[i]) for r in rows)) for i in range(len(columns))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(c[:_TABLE_WIDTH].ljust(w) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(cells)} rows)")
    return "\n".join(lines) + "\n"


def _markdown(columns: list[str], cells: list[list[str]], title: str | None, answers: str | None) -> str:
    def row(values: list[str]) -> str:
        return "| " + " | ".join(v.replace("|", "\\|").replace("\n", " ") for v in values) + " |"

    lines = [f"## {title}", ""] if title else []
    lines += [answers, ""] if answers else []
    lines += [row(columns), "|" + "---|" * len(columns)] + [row(r) for r in cells]
    return "\n".join(lines) + "\n"
