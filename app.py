"""Ressortgraf in the browser: overview, one body's neighbourhood with its
evidence, and a read-only Cypher console. Started by ``ressortgraf app``.

The interface speaks Danish (the analysts' language); the code stays English.
"""

from __future__ import annotations

import json
import os

import pandas as pd
import streamlit as st
from pyvis.network import Network

from graph.cypher import WriteQueryError
from graph.model import Graph
from graph.store import DEFAULT_STORE, open_store

LABEL_COLOURS = {
    "Council": "#8e24aa", "Committee": "#3949ab", "Administration": "#1e88e5", "Unit": "#00897b",
    "Group": "#43a047", "Organisation": "#f4511e", "Person": "#6d4c41", "Decision": "#fdd835",
    "Initiative": "#e53935", "Task": "#757575",
}


@st.cache_resource(show_spinner=False)
def load_graph(store_spec: str) -> Graph:
    with open_store(store_spec) as store:
        return store.read_graph()


def neighbourhood(graph: Graph, centre: str, depth: int) -> tuple[set[str], list]:
    """Node ids within ``depth`` relations of ``centre`` and the relations between them."""
    seen, frontier = {centre}, {centre}
    for _ in range(depth):
        frontier = {
            other.id for node_id in frontier for _, other in graph.neighbours(node_id)
            if other.id not in seen
        }
        seen |= frontier
    relations = [r for r in graph.relations.values() if r.source in seen and r.target in seen]
    return seen, relations


def network_html(graph: Graph, node_ids: set[str], relations: list, centre: str) -> str:
    net = Network(height="560px", width="100%", directed=True, cdn_resources="in_line")
    for node_id in sorted(node_ids):
        node = graph.nodes[node_id]
        net.add_node(node_id, label=node.name, title=f"{node.label}: {node.name}",
                     color=LABEL_COLOURS.get(node.label, "#9e9e9e"), size=28 if node_id == centre else 16)
    for rel in relations:
        role = rel.props.get("role")
        net.add_edge(rel.source, rel.target, label=rel.type + (f" ({role})" if role else ""))
    return net.generate_html()


def overview_page(graph: Graph) -> None:
    st.subheader("Overblik")
    counts = pd.Series([n.label for n in graph.nodes.values()]).value_counts()
    st.bar_chart(counts)
    decisions = sorted(
        (n for n in graph.nodes.values() if n.label == "Decision"),
        key=lambda n: n.props.get("date", ""), reverse=True,
    )
    st.markdown("**Seneste beslutninger**")
    st.dataframe(pd.DataFrame([{"dato": d.props.get("date"), "beslutning": d.name} for d in decisions]),
                 hide_index=True, width="stretch")


def explore_page(graph: Graph) -> None:
    st.subheader("Udforsk")
    bodies = sorted((n for n in graph.nodes.values() if n.label != "Document"), key=lambda n: n.name)
    search = st.text_input("Søg efter navn eller forkortelse", key="search")
    wanted = search.casefold()
    matches = [n for n in bodies if not wanted or any(wanted in a.casefold() for a in n.aliases | {n.name})]
    if not matches:
        st.info("Ingen enheder matcher søgningen.")
        return
    chosen = st.selectbox("Enhed", matches, format_func=lambda n: f"{n.name} ({n.label})")
    depth = st.slider("Naboskabets dybde", 1, 3, 1)
    node_ids, relations = neighbourhood(graph, chosen.id, depth)
    st.iframe(network_html(graph, node_ids, relations, chosen.id), height=580)

    st.markdown(f"### {chosen.name}")
    st.write(f"Type: {chosen.label}")
    if chosen.aliases - {chosen.name}:
        st.write("Også kaldt: " + ", ".join(sorted(chosen.aliases - {chosen.name})))
    validity = [f"{k}: {chosen.props[k]}" for k in ("valid_from", "valid_to", "date") if k in chosen.props]
    if validity:
        st.write("Gyldighed: " + "; ".join(validity))
    if chosen.sources:
        st.write("Registerkilder: " + ", ".join(sorted(chosen.sources)))
    st.markdown("**Belæg**")
    for ev in sorted(chosen.evidence):
        st.markdown(f"> {ev.quote}\n\n— *{ev.document}*, tegn {ev.start}–{ev.end}")
    st.markdown("**Relationer**")
    rows = [
        {"relation": rel.type, "rolle": rel.props.get("role", ""), "til/fra": other.name,
         "belæg": "; ".join(e.quote for e in sorted(rel.evidence))}
        for rel, other in graph.neighbours(chosen.id)
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def cypher_page(store_spec: str) -> None:
    st.subheader("Cypher")
    query = st.text_area("Forespørgsel (kun læsning)", "MATCH (n) RETURN n.label AS type, count(*) AS antal", key="cypher")
    if st.button("Kør"):
        try:
            with open_store(store_spec) as store:
                result = store.query(query)
        except WriteQueryError as exc:
            st.error(f"Afvist: {exc}")
            return
        except Exception as exc:  # a Cypher syntax or binder error from the store
            st.error(f"Fejl i forespørgslen: {exc}")
            return
        frame = pd.DataFrame(result.rows, columns=result.columns)
        st.dataframe(frame.map(lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v),
                     hide_index=True, width="stretch")


def main() -> None:
    st.set_page_config(page_title="Ressortgraf", layout="wide")
    st.title("Ressortgraf")
    store_spec = st.sidebar.text_input("Lager", os.environ.get("RESSORTGRAF_STORE", DEFAULT_STORE), key="store")
    graph = load_graph(store_spec)
    st.sidebar.caption(f"{len(graph.nodes)} knuder, {len(graph.relations)} relationer")
    page = st.sidebar.radio("Side", ["Overblik", "Udforsk", "Cypher"], key="page")
    if page == "Overblik":
        overview_page(graph)
    elif page == "Udforsk":
        explore_page(graph)
    else:
        cypher_page(store_spec)


main()
