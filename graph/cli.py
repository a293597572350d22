"""``ressortgraf``: the command line, a thin layer over graph.ingest, graph.store,
graph.export and graph.evaluate (the app and the tests call the same core)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tqdm import tqdm

from graph.cypher import WriteQueryError
from graph.evaluate import evaluate_folder, format_report
from graph.export import FORMATS, RDF_FORMATS, export_graph
from graph.ingest import default_settings, ingest
from graph.rdf_import import read_rdf
from graph.rdf_writer import DEFAULT_BASE_IRI
from graph.reporting import FORMATS as REPORT_FORMATS
from graph.reporting import format_result, run_report
from graph.store import DEFAULT_STORE, QueryResult, open_store
from loaders.readers import DEFAULT_MAX_BYTES
from queries import all_reports, load_report

APP = Path(__file__).resolve().parent.parent / "app.py"

STORE_HELP = (
    "embedded store folder (default ./ressortgraf.db or $RESSORTGRAF_STORE), "
    "or bolt://… / neo4j://… for Neo4j (credentials from NEO4J_USER / NEO4J_PASSWORD)"
)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except WriteQueryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ressortgraf", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    p = commands.add_parser("ingest", help="read documents (files or folders) into the store")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--store", help=STORE_HELP)
    p.add_argument("--workers", type=int, default=1, help="extract with N processes")
    p.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1e6, help="skip files larger than this")
    p.add_argument("--strict", action="store_true", help="exit non-zero when any file failed")
    p.add_argument("--disable", action="append", default=[], metavar="RULE",
                   help="switch off an extraction rule by name (repeatable)")
    p.set_defaults(run=_ingest)

    p = commands.add_parser("export", help="write the stored graph to a file")
    p.add_argument("--store", help=STORE_HELP)
    p.add_argument("--format", choices=FORMATS, default="json")
    p.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    p.add_argument("--base-iri", default=DEFAULT_BASE_IRI,
                   help=f"RDF IRIs are this and the node id (default {DEFAULT_BASE_IRI})")
    p.set_defaults(run=_export)

    p = commands.add_parser("import-rdf", help="read an RDF export back into an empty store")
    p.add_argument("file", type=Path)
    p.add_argument("--store", help=STORE_HELP)
    p.add_argument("--format", choices=RDF_FORMATS, help="default: from the file extension (.ttl .nt .jsonld .rdf)")
    p.add_argument("--base-iri", default=DEFAULT_BASE_IRI, help="the base IRI the export was written with")
    p.add_argument("--replace", action="store_true", help="replace what a non-empty store holds")
    p.set_defaults(run=_import_rdf)

    p = commands.add_parser("query", help="run a read-only Cypher query")
    p.add_argument("cypher")
    p.add_argument("--store", help=STORE_HELP)
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="query parameter")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.set_defaults(run=_query)

    p = commands.add_parser("report", help="run a named report of the Cypher library (queries/)")
    p.add_argument("name", nargs="?")
    p.add_argument("--list", action="store_true", help="list the reports and what each answers")
    p.add_argument("--store", help=STORE_HELP)
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="report parameter")
    p.add_argument("--as-of", metavar="DATE", help="ISO date for reports that take $as_of (default: today)")
    p.add_argument("--format", choices=REPORT_FORMATS, default="table")
    p.set_defaults(run=_report)

    p = commands.add_parser("analyse", help="overlap analysis as one self-contained HTML report")
    p.add_argument("analysis", choices=("overlaps",))
    p.add_argument("--store", help=STORE_HELP)
    p.add_argument("--as-of", metavar="DATE", help="ISO date the analysis holds on (default: today)")
    p.add_argument("-o", "--output", type=Path, default=Path("report.html"), help="HTML file (default report.html)")
    p.set_defaults(run=_analyse)

    p = commands.add_parser("overview", help="what the store holds: nodes, relations and decisions")
    p.add_argument("--store", help=STORE_HELP)
    p.set_defaults(run=_overview)

    p = commands.add_parser("app", help="explore the store in the browser (Streamlit)")
    p.add_argument("--store", help=STORE_HELP)
    p.add_argument("--port", type=int, default=8501)
    p.set_defaults(run=_app)

    p = commands.add_parser("eval", help="score extraction against a folder of gold annotations")
    p.add_argument("gold_dir", type=Path)
    p.add_argument("--explain", action="store_true", help="also per-rule and per-document scores")
    p.add_argument("--disable", action="append", default=[], metavar="RULE")
    p.set_defaults(run=_eval)
    return parser


def _ingest(args: argparse.Namespace) -> int:
    settings = default_settings(disabled=args.disable)
    with open_store(args.store) as store, tqdm(unit=" files", desc="ingest", disable=None) as bar:
        summary = ingest(args.paths, store, settings, workers=args.workers,
                         max_bytes=int(args.max_mb * 1e6), on_file=lambda _: bar.update())
    for line in summary.lines():
        print(line)
    return 1 if args.strict and summary.failed else 0


def _export(args: argparse.Namespace) -> int:
    with open_store(args.store) as store:
        graph = store.read_graph()
    try:
        export_graph(graph, args.format, args.output or sys.stdout, base_iri=args.base_iri)
    except ValueError as exc:  # a base IRI that cannot start an IRI
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _import_rdf(args: argparse.Namespace) -> int:
    try:
        graph = read_rdf(args.file, args.format, args.base_iri)
    except (ValueError, SyntaxError) as exc:  # not an export, or not in the format named
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return 2
    with open_store(args.store) as store:
        held = store.query("MATCH (n) RETURN count(n) AS nodes").rows[0][0]
        if held and not args.replace:
            print(f"error: the store already holds {held} nodes; import into an empty store, "
                  "or pass --replace to replace them", file=sys.stderr)
            return 2
        store.write_graph(graph)
    print(f"imported {len(graph.nodes)} nodes and {len(graph.relations)} relations from {args.file}")
    return 0


def _query(args: argparse.Namespace) -> int:
    return _run_read_query(args, args.cypher)


def _run_read_query(args: argparse.Namespace, cypher: str) -> int:
    params = dict(_key_value(p) for p in args.param)
    with open_store(args.store) as store:
        result = store.query(cypher, params)
    _print_result(result, args.format)
    return 0


def _report(args: argparse.Namespace) -> int:
    if args.list or not args.name:
        for report in all_reports():
            print(f"{report.name:20} {report.title}: {report.answers} (params: {report.params})")
        return 0
    try:
        report = load_report(args.name)
    except KeyError as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return 2
    params = dict(_key_value(p) for p in args.param)
    try:
        with open_store(args.store) as store:
            result = run_report(store, report, params, as_of=args.as_of)
    except ValueError as exc:  # a missing parameter or a malformed --as-of
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_result(result, args.format, report.title, report.answers), end="")
    return 0


def _analyse(args: argparse.Namespace) -> int:
    from graph.analysis import analyse_overlaps, overlap_report_html  # pandas and networkx: only when asked

    with open_store(args.store) as store:
        analysis = analyse_overlaps(store, as_of=args.as_of)
    args.output.write_text(overlap_report_html(analysis), encoding="utf-8")
    print(f"wrote {args.output}: {analysis.summary()}")
    return 0


def _overview(args: argparse.Namespace) -> int:
    with open_store(args.store) as store:
        for name in ("node_counts", "relation_counts", "decisions"):
            report = load_report(name)
            print(f"\n{report.title}")
            _print_result(store.query(report.cypher), "table")
    return 0


def _app(args: argparse.Namespace) -> int:
    """Start Streamlit on app.py with the chosen store."""
    env = dict(os.environ, RESSORTGRAF_STORE=args.store or os.environ.get("RESSORTGRAF_STORE", DEFAULT_STORE))
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(args.port),
               "--server.headless", "true"]
    return subprocess.call(command, env=env)


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep:
        raise SystemExit(f"error: parameter {text!r} is not KEY=VALUE")
    return key, value


def _print_result(result: QueryResult, fmt: str) -> None:
    print(format_result(result, fmt), end="")


def _eval(args: argparse.Namespace) -> int:
    settings = default_settings(disabled=args.disable)

    def export_one(document: Path) -> dict:
        """Each document on its own, through a scratch embedded store, as the real pipeline does."""
        with tempfile.TemporaryDirectory(prefix="ressortgraf-eval-") as scratch:
            with open_store(str(Path(scratch) / "store")) as store:
                ingest([document], store, settings)
                return store.read_graph().to_dict()

    report = evaluate_folder(args.gold_dir, export_one)
    print(format_report(report, explain=args.explain))
    return 0


if __name__ == "__main__":
    sys.exit(main())
