"""Ressortgraf in the browser, started by ``ressortgraf app``.

Six pages over the configured store (``$RESSORTGRAF_STORE``, the embedded
default or a Neo4j URI): Overblik, Udforsk, Overlap, Cypher, Dokumenter and
Eksport. This file is only the interface: the data comes from the same core
the CLI uses (``graph.reporting`` and the report library, ``graph.explore``,
``graph.analysis``, ``graph.ingest``, ``graph.export``). The interface speaks
Danish, the analysts' language; the code stays English.

``?side=Udforsk&knude=<node id>&dybde=2`` opens a page (and a node's neighbourhood) directly.
"""

from __future__ import annotations

import datetime
import io
import os
import tempfile
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from graph.analysis import MATRIX_KINDS, REPORTS_SHOWN, overlap_matrices
from graph.cypher import WriteQueryError
from graph.explore import (
    DEFAULT_NODE_LIMIT, Filters, cap, dates, filtered, induced, neighbourhood, node_ids_in, search, whole,
)
from graph.export import export_graph
from graph.ingest import default_settings, ingest
from graph.model import Graph
from graph.network_html import LABEL_NAMES, network_html, node_details
from graph.rdf_writer import DEFAULT_BASE_IRI
from graph.reporting import cell_text, format_result, report_parameters, run_report
from graph.schema import NODE_LABELS, RELATION_TYPES
from graph.store import DEFAULT_STORE, QueryResult, open_store
from loaders.readers import FORMATS as READABLE_FORMATS
from queries import Report, all_reports, load_report

PAGES = ["Overblik", "Udforsk", "Overlap", "Cypher", "Dokumenter", "Eksport"]
REPORT_TITLES = {
    "body_profile": "Profil af en enhed", "decisions": "Beslutninger", "duplicate_fora": "Dobbelte fora",
    "interface_density": "Snitflader mellem forvaltninger", "mandate_overlap": "Overlappende mandater",
    "node_counts": "Knuder pr. type", "orphaned_mandates": "Forældreløse mandater",
    "relation_counts": "Relationer pr. type", "reporting_chains": "Rapporteringskæder",
    "shared_mandates": "Delte mandater", "timeline": "Tidslinje for oprettelser og nedlæggelser",
}
MATRIX_NAMES = {"total": "I alt", "interfaces": "Snitflader", "shared_initiatives": "Fælles initiativer",
                "shared_groups": "Fælles grupper"}
EVENT_NAMES = {"ESTABLISHED": "Oprettet", "DISSOLVED": "Nedlagt"}
STATUS_NAMES = {"added": "tilføjet", "replaced": "erstattet", "unchanged": "uændret", "failed": "fejlet"}
EXPORTS = [  # (button text, export format, file suffix, MIME type)
    ("RDF som Turtle", "ttl", "ttl", "text/turtle"),
    ("RDF som JSON-LD", "jsonld", "jsonld", "application/ld+json"),
    ("Grafen som JSON", "json", "json", "application/json"),
]
ALL = "Alle"
#: Nodes offered in the centre list at most: a list of thousands would slow every page update.
MAX_CHOICES = 1000


@st.cache_resource(show_spinner=False)
def load_graph(store_spec: str) -> Graph:
    with open_store(store_spec) as store:
        return store.read_graph()


@st.cache_data(show_spinner=False)
def report_result(store_spec: str, name: str, as_of: str | None = None) -> QueryResult:
    with open_store(store_spec) as store:
        return run_report(store, name, as_of=as_of)


@st.cache_data(show_spinner=False)
def matrices_on(store_spec: str, as_of: str) -> dict[str, pd.DataFrame]:
    return overlap_matrices(load_graph(store_spec), as_of)


def forget_store() -> None:
    """After the store has changed: read it again."""
    load_graph.clear()
    st.cache_data.clear()


def readable(result: QueryResult) -> pd.DataFrame:
    """A query result as people read it: nodes by name, paths as chains, evidence as quotes."""
    return pd.DataFrame([[cell_text(v, c) for v, c in zip(row, result.columns)] for row in result.rows],
                        columns=result.columns)


def show_network(graph: Graph, distances: dict[str, int], limit: int, centre: str | None = None) -> None:
    view = cap(graph, distances, limit)
    grouped = ""
    if view.hidden:
        grouped = f"; {view.hidden} knuder ud over grænsen er samlet i {len(view.summaries)} grupper"
    st.caption(f"Viser {len(view.nodes)} knuder og {len(view.relations)} relationer{grouped}. "
               "Klik på en knude for at se dens belæg.")
    st.iframe(network_html(graph, view, centre), height=640)


# --- Overblik ---------------------------------------------------------------------------------------


def overview_page(store_spec: str, graph: Graph) -> None:
    st.subheader("Overblik")
    documents = sum(node.label == "Document" for node in graph.nodes.values())
    left, middle, right = st.columns(3)
    left.metric("Knuder", len(graph.nodes) - documents)
    middle.metric("Relationer", len(graph.relations))
    right.metric("Dokumenter", documents)

    counts = report_result(store_spec, "node_counts")
    frame = pd.DataFrame(counts.rows, columns=["type", "antal"])
    frame["type"] = frame["type"].map(lambda label: LABEL_NAMES.get(label, label))
    st.markdown("**Knuder pr. type**")
    if frame.empty:
        st.info("Grafen er tom: indlæs dokumenter under Dokumenter.")
        return
    st.bar_chart(frame, x="type", y="antal", horizontal=True)

    decisions = report_result(store_spec, "decisions")
    latest = readable(decisions).rename(columns={
        "date": "dato", "decision": "beslutning", "decided_by": "truffet af", "effect": "virkning",
        "subject_label": "emnets type", "subject": "emne", "effective": "træder i kraft"})
    latest = latest.sort_values("dato", ascending=False, kind="stable")
    st.markdown("**Seneste beslutninger**")
    st.dataframe(latest, hide_index=True, width="stretch")

    timeline = readable(report_result(store_spec, "timeline"))
    st.markdown("**Tidslinje: oprettelser og nedlæggelser**")
    if timeline.empty:
        st.info("Grafen kender ingen oprettelser eller nedlæggelser.")
        return
    timeline["hændelse"] = timeline["event"].map(EVENT_NAMES)
    dated = timeline[timeline["effective"] != ""]
    st.altair_chart(
        alt.Chart(dated).mark_point(filled=True, size=120).encode(
            x=alt.X("effective:T", title="Træder i kraft"),
            y=alt.Y("subject:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color("hændelse:N", title="Hændelse",
                            scale=alt.Scale(domain=list(EVENT_NAMES.values()), range=["#43a047", "#e53935"])),
            tooltip=[alt.Tooltip("effective:N", title="Dato"), alt.Tooltip("subject:N", title="Hvad"),
                     alt.Tooltip("hændelse:N", title="Hændelse"), alt.Tooltip("decided_by:N", title="Besluttet af")],
        ),
        width="stretch", height=max(120, 26 * dated["subject"].nunique()),
    )
    st.dataframe(timeline[["effective", "hændelse", "subject_label", "subject", "decision", "decided_by"]].rename(
        columns={"effective": "dato", "subject_label": "type", "subject": "hvad", "decision": "beslutning",
                 "decided_by": "besluttet af"}), hide_index=True, width="stretch")


# --- Udforsk ----------------------------------------------------------------------------------------


def explore_filters(graph: Graph) -> Filters:
    with st.expander("Filtre", expanded=False):
        labels = [label for label in NODE_LABELS if label != "Document"]
        chosen_labels = st.multiselect("Typer af knuder", labels, default=labels, key="labels",
                                       format_func=lambda label: LABEL_NAMES.get(label, label))
        administrations = sorted((n for n in graph.nodes.values() if n.label == "Administration"), key=lambda n: n.name)
        chosen_admins = st.multiselect("Forvaltninger", [n.id for n in administrations], key="administrations",
                                       format_func=lambda key: graph.nodes[key].name, placeholder=ALL)
        chosen_types = st.multiselect("Typer af relationer", list(RELATION_TYPES), key="relation_types",
                                      placeholder=ALL)
        as_of = None
        if st.toggle("Vis strukturen pr. en dato", key="use_as_of"):
            known = [datetime.date.fromisoformat(d) for d in dates(graph)] or [datetime.date.today()]
            first, last = min(known), max(max(known), datetime.date.today())
            as_of = st.slider("Pr. dato", first, last, min(datetime.date.today(), last), key="as_of",
                              format="DD.MM.YYYY").isoformat()
    return Filters(labels=frozenset(chosen_labels), administrations=frozenset(chosen_admins),
                   relation_types=frozenset(chosen_types) or None, as_of=as_of)


def explore_page(graph: Graph) -> None:
    st.subheader("Udforsk")
    shown = filtered(graph, explore_filters(graph))
    text = st.text_input("Søg efter navn eller forkortelse", key="search")
    matches = search(shown, text) if text else sorted(shown.nodes.values(), key=lambda n: n.name.casefold())
    wanted = st.query_params.get("knude")
    options = [None] + [node.id for node in matches[:MAX_CHOICES]]
    start = options.index(wanted) if wanted and wanted in options else (1 if text and matches else 0)
    left, middle, right = st.columns([3, 1, 1])
    centre = left.selectbox("Vis naboskabet omkring", options, index=start, key=f"centre:{text}:{bool(matches)}",
                            format_func=lambda key: "hele det filtrerede udsnit" if key is None
                            else f"{shown.nodes[key].name} ({LABEL_NAMES[shown.nodes[key].label]})")
    asked_depth = st.query_params.get("dybde", "1")
    depth = middle.slider("Dybde", 1, 4, int(asked_depth) if asked_depth in {"1", "2", "3", "4"} else 1, key="depth")
    limit = right.number_input("Højst antal knuder", 20, 5000, DEFAULT_NODE_LIMIT, step=50, key="limit")
    if text and not matches:
        st.info("Ingen knuder matcher søgningen.")
    if len(matches) > MAX_CHOICES:
        st.caption(f"Listen viser de første {MAX_CHOICES} af {len(matches)} knuder; søg for at finde andre.")
    if not shown.nodes:
        st.info("Ingen knuder passer til filtrene.")
        return
    distances = whole(shown) if centre is None else neighbourhood(shown, centre, depth)
    show_network(shown, distances, int(limit), centre)
    if centre is not None:
        node_panel(shown, centre)


def node_panel(graph: Graph, key: str) -> None:
    details = node_details(graph, key)
    st.markdown(f"### {details['name']}")
    st.write(f"Type: {details['label_name']}")
    if details["aliases"]:
        st.write("Også kaldt: " + ", ".join(details["aliases"]))
    props = details["props"]
    validity = [f"{name} {props[key]}" for key, name in
                (("valid_from", "gyldig fra"), ("valid_to", "gyldig til"), ("date", "dato")) if key in props]
    st.write("Gyldighed: " + ("; ".join(validity) if validity else "ingen datoer oplyst"))
    if details["sources"]:
        st.write("Registerkilder: " + ", ".join(details["sources"]))
    st.markdown(f"**Belæg ({len(details['evidence'])})**")
    for ev in details["evidence"]:
        st.markdown(f"> {ev['quote']}\n\n— *{ev['document']}*, tegn {ev['start']}–{ev['end']}")
    st.markdown("**Relationer**")
    rows = [{"relation": rel["type"], "retning": "ud" if rel["direction"] == "out" else "ind",
             "rolle": rel.get("role", ""), "til/fra": rel["other"],
             "belæg": "; ".join(f"«{e['quote']}» ({e['document']})" for e in rel["evidence"])}
            for rel in details["relations"]]
    st.dataframe(pd.DataFrame(rows, columns=["relation", "retning", "rolle", "til/fra", "belæg"]),
                 hide_index=True, width="stretch")


# --- Overlap ----------------------------------------------------------------------------------------


def overlap_page(store_spec: str) -> None:
    st.subheader("Overlap")
    as_of = st.date_input("Pr. dato", datetime.date.today(), key="overlap_as_of", format="DD.MM.YYYY").isoformat()
    matrices = matrices_on(store_spec, as_of)
    kind = st.selectbox("Overlap mellem forvaltninger", ["total", *MATRIX_KINDS], key="matrix",
                        format_func=MATRIX_NAMES.get)
    matrix = matrices[kind]
    if matrix.empty:
        st.info("Ingen forvaltninger er gyldige på datoen.")
    else:
        cells = matrix.rename_axis("forvaltning").reset_index().melt(
            id_vars="forvaltning", var_name="med", value_name="antal")
        base = alt.Chart(cells).encode(
            x=alt.X("med:N", title=None, axis=alt.Axis(labelLimit=260, labelAngle=-40)),
            y=alt.Y("forvaltning:N", title=None, axis=alt.Axis(labelLimit=260)),
        )
        heat_map = base.mark_rect().encode(
            color=alt.Color("antal:Q", title="Antal", scale=alt.Scale(scheme="blues")),
            tooltip=["forvaltning", "med", "antal"],
        ) + base.mark_text(fontSize=12).encode(
            text=alt.Text("antal:Q"),
            color=alt.condition(alt.datum.antal > matrix.to_numpy().max() / 2, alt.value("white"), alt.value("#222")),
        )
        st.altair_chart(heat_map, width="stretch", height=200 + 40 * len(matrix))  # 200: the slanted names
        st.download_button("Hent matricen som CSV", matrix.to_csv(), f"overlap-{kind}-{as_of}.csv", "text/csv",
                           key="matrix_csv")
    for name in REPORTS_SHOWN:
        result = report_result(store_spec, name, as_of)
        st.markdown(f"#### {REPORT_TITLES.get(name, name)}")
        if result.rows:
            st.dataframe(readable(result), hide_index=True, width="stretch")
        else:
            st.write("Ingen.")
        st.download_button("Hent som CSV", format_result(result, "csv"), f"{name}-{as_of}.csv", "text/csv",
                           key=f"csv_{name}")


# --- Cypher -----------------------------------------------------------------------------------------

DEFAULT_QUERY = "MATCH (n) RETURN n.label AS type, count(*) AS antal"


def use_preset() -> None:
    name = st.session_state["preset"]
    st.session_state["cypher"] = load_report(name).cypher if name else DEFAULT_QUERY
    st.session_state.pop("cypher_result", None)


def cypher_page(store_spec: str, graph: Graph) -> None:
    st.subheader("Cypher")
    st.selectbox("Rapport som udgangspunkt", [None] + [r.name for r in all_reports()], key="preset",
                 on_change=use_preset, format_func=lambda name: "egen forespørgsel" if name is None
                 else f"{REPORT_TITLES.get(name, name)} ({name})")
    st.session_state.setdefault("cypher", DEFAULT_QUERY)
    query = st.text_area("Forespørgsel (kun læsning)", key="cypher", height=220)
    params = {}
    for name in report_parameters(Report("query", "", "", "", query)):
        if name == "as_of":
            params[name] = st.date_input("as_of (pr. dato)", datetime.date.today(), key="param_as_of",
                                         format="DD.MM.YYYY").isoformat()
        else:
            params[name] = st.text_input(f"Parameter ${name}", key=f"param_{name}")
    if st.button("Kør", key="run_query"):
        try:
            with open_store(store_spec) as store:
                st.session_state["cypher_result"] = store.query(query, params)
        except WriteQueryError as exc:
            st.session_state.pop("cypher_result", None)
            st.error(f"Afvist: konsollen kan kun læse. {exc.clause} ville ændre grafen eller databasen og "
                     "er ikke tilladt her; brug læsende forespørgsler (MATCH … RETURN).")
            return
        except Exception as exc:  # a syntax or binder error from the store, shown as the store words it
            st.session_state.pop("cypher_result", None)
            st.error(f"Fejl i forespørgslen: {exc}")
            return
    result = st.session_state.get("cypher_result")
    if result is None:
        return
    st.caption(f"{len(result.rows)} rækker")
    st.dataframe(readable(result), hide_index=True, width="stretch")
    st.download_button("Hent som CSV", format_result(result, "csv"), "resultat.csv", "text/csv", key="result_csv")
    held = node_ids_in(value for row in result.rows for value in row)
    if held:
        st.markdown("**Knuderne i resultatet som graf**")
        subgraph = induced(graph, held)
        show_network(subgraph, whole(subgraph), DEFAULT_NODE_LIMIT)


# --- Dokumenter -------------------------------------------------------------------------------------


def documents_page(store_spec: str, graph: Graph) -> None:
    st.subheader("Dokumenter")
    suffixes = sorted({suffix.lstrip(".") for suffix in READABLE_FORMATS})
    uploads = st.file_uploader(f"Upload dokumenter ({', '.join(suffixes)})", type=suffixes,
                               accept_multiple_files=True, key="uploads")
    if st.button("Indlæs", key="ingest", disabled=not uploads):
        st.session_state["ingested"] = ingest_uploads(store_spec, uploads)
        forget_store()
        graph = load_graph(store_spec)
    outcome = st.session_state.get("ingested")
    if outcome is not None:
        rows, summary = outcome
        (st.warning if any(r["status"] == STATUS_NAMES["failed"] for r in rows) else st.success)(summary)
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    documents = sorted(graph.documents())
    st.markdown(f"**Dokumenter i grafen ({len(documents)})**")
    st.dataframe(pd.DataFrame({"dokument": documents}), hide_index=True, width="stretch")


def ingest_uploads(store_spec: str, uploads: list) -> tuple[list[dict], str]:
    """Save the uploads under their own names and ingest them, with a progress bar; rows per document."""
    progress = st.progress(0.0, text="Indlæser …")
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for upload in uploads:
            path = Path(folder) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
            paths.append(path)
        done = []

        def advance(path: Path) -> None:
            done.append(path)
            progress.progress(len(done) / len(paths), text=f"Indlæst {len(done)} af {len(paths)}: {path.name}")

        with open_store(store_spec) as store:
            summary = ingest(paths, store, default_settings(), on_file=advance)
    progress.empty()
    rows = [{"dokument": o.path.name, "status": STATUS_NAMES[o.status], "knuder": o.nodes,
             "relationer": o.relations, "fejl": o.reason} for o in summary.outcomes]
    counts = {name: sum(o.status == status for o in summary.outcomes) for status, name in STATUS_NAMES.items()}
    text = (f"{len(rows)} dokumenter: " + ", ".join(f"{n} {name}" for name, n in counts.items()) +
            f". Grafen har nu {summary.nodes} knuder og {summary.relations} relationer.")
    return rows, text


# --- Eksport ----------------------------------------------------------------------------------------


def export_page(graph: Graph) -> None:
    st.subheader("Eksport")
    st.write(f"Hele grafen: {len(graph.nodes)} knuder og {len(graph.relations)} relationer med deres belæg.")
    base_iri = st.text_input("Basis-IRI for RDF", DEFAULT_BASE_IRI, key="base_iri")
    for text, fmt, suffix, mime in EXPORTS:
        st.download_button(text, lambda fmt=fmt: exported(graph, fmt, base_iri), f"ressortgraf.{suffix}", mime,
                           key=f"export_{fmt}")


def exported(graph: Graph, fmt: str, base_iri: str) -> str:
    out = io.StringIO()
    export_graph(graph, fmt, out, base_iri=base_iri)
    return out.getvalue()


# --- the app ----------------------------------------------------------------------------------------


def main() -> None:
    st.set_page_config(page_title="Ressortgraf", layout="wide")
    st.title("Ressortgraf")
    store_spec = st.sidebar.text_input("Lager", os.environ.get("RESSORTGRAF_STORE", DEFAULT_STORE), key="store")
    graph = load_graph(store_spec)
    st.sidebar.caption(f"{len(graph.nodes)} knuder, {len(graph.relations)} relationer")
    asked = st.query_params.get("side")
    page = st.sidebar.radio("Side", PAGES, index=PAGES.index(asked) if asked in PAGES else 0, key="page")
    if page == "Overblik":
        overview_page(store_spec, graph)
    elif page == "Udforsk":
        explore_page(graph)
    elif page == "Overlap":
        overlap_page(store_spec)
    elif page == "Cypher":
        cypher_page(store_spec, graph)
    elif page == "Dokumenter":
        documents_page(store_spec, graph)
    else:
        export_page(graph)


main()
