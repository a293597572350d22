"""Writing a Graph out: the JSON contract, RDF (Turtle, N-Triples, JSON-LD, RDF/XML) and GraphML.

The RDF mapping is graph.rdf_writer's; N-Triples and Turtle are streamed by
its writers, JSON-LD is compacted with the shipped context
``data/rdf/context.jsonld`` (and embeds it, so a reader needs no network), and
RDF/XML is serialised by pyoxigraph from the same triples.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any, Mapping, TextIO

import networkx as nx
import pyoxigraph
import rdflib

from graph.model import Graph
from graph.network import to_networkx
from graph.rdf_writer import DEFAULT_BASE_IRI, PREFIXES, check_base_iri, write_ntriples, write_turtle

FORMATS: tuple[str, ...] = ("json", "ttl", "nt", "jsonld", "rdfxml", "graphml")
RDF_FORMATS: tuple[str, ...] = ("ttl", "nt", "jsonld", "rdfxml")
RDF_DIR = Path(__file__).resolve().parent.parent / "data" / "rdf"
CONTEXT_FILE = RDF_DIR / "context.jsonld"
VOCABULARY_FILE = RDF_DIR / "ressortgraf.ttl"
SHAPES_FILE = RDF_DIR / "shapes.ttl"


def export_graph(graph: Graph, fmt: str, out: Path | TextIO, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Write ``graph`` in format ``fmt`` (one of ``FORMATS``) to a path or a text stream.

    ``base_iri`` prefixes the node ids to make the RDF IRIs; it should end in
    ``/`` or ``#``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    check_base_iri(base_iri)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="\n") as stream:
            _write(graph, fmt, stream, base_iri)
    else:
        _write(graph, fmt, out, base_iri)


def _write(graph: Graph, fmt: str, out: TextIO, base_iri: str) -> None:
    if fmt == "json":
        out.write(graph.to_json())
    elif fmt == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml(_graphml_ready(to_networkx(graph)), buffer, encoding="utf-8")
        out.write(buffer.getvalue().decode("utf-8"))
    elif fmt == "nt":
        write_ntriples(graph, out, base_iri)
    elif fmt == "ttl":
        write_turtle(graph, out, base_iri)
    elif fmt == "jsonld":
        out.write(to_jsonld(to_rdf(graph, base_iri)))
    else:
        out.write(pyoxigraph.serialize(
            pyoxigraph.parse(_ntriples(graph, base_iri), format=pyoxigraph.RdfFormat.N_TRIPLES),
            format=pyoxigraph.RdfFormat.RDF_XML, prefixes=PREFIXES,
        ).decode("utf-8"))


def to_rdf(graph: Graph, base_iri: str = DEFAULT_BASE_IRI) -> rdflib.Graph:
    """The graph's RDF as an rdflib graph, for querying, validation and JSON-LD."""
    rdf = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    return rdf.parse(data=_ntriples(graph, base_iri), format="nt")


def jsonld_context() -> dict[str, Any]:
    """The shipped JSON-LD context (``data/rdf/context.jsonld``)."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def to_jsonld(rdf: rdflib.Graph) -> str:
    """JSON-LD compacted with the shipped context, which it embeds."""
    document = json.loads(rdf.serialize(format="json-ld", context=jsonld_context()))
    return json.dumps(_sorted_json(document), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _ntriples(graph: Graph, base_iri: str) -> str:
    buffer = io.StringIO()
    write_ntriples(graph, buffer, base_iri)
    return buffer.getvalue()


def _sorted_json(value: Any) -> Any:
    """JSON-LD with every array sorted: rdflib emits them in hash order, and (no ``@list``
    being written) their order carries no meaning."""
    if isinstance(value, dict):
        return {key: _sorted_json(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
    return value


def _graphml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML holds scalars only: props become attributes of their own, lists and dicts JSON text."""
    out = nx.MultiDiGraph()
    for key, data in graph.nodes(data=True):
        out.add_node(key, **_scalar_attributes(data))
    for source, target, key, data in graph.edges(keys=True, data=True):
        out.add_edge(source, target, key=key, **_scalar_attributes(data))
    return out


def _scalar_attributes(data: Mapping[str, Any]) -> dict[str, Any]:
    flat = {**data.get("props", {}), **{k: v for k, v in data.items() if k != "props"}}
    return {name: _scalar(value) for name, value in flat.items()}


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
