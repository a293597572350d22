"""Writing a Graph out: the JSON contract, RDF (Turtle, N-Triples, JSON-LD) and GraphML.

The RDF mapping uses the standards where they fit (W3C ORG for bodies,
memberships and change events, FOAF for persons, SKOS for names, Dublin Core
for documents and dates, PROV-O for provenance, Web Annotation for the exact
evidence spans) and the project vocabulary ``rg:`` for the rest. Every
relation is also a resource of its own, so its dates, role, topic, rules and
evidence are kept; where a standard property exists (``org:subOrganizationOf``,
``org:memberOf``) the direct triple is written too.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Mapping, TextIO
from urllib.parse import quote

import networkx as nx
from rdflib import Graph as RDFGraph
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, SKOS, XSD

from graph.model import Evidence, Graph, Node, Relation, node_id
from graph.network import to_networkx
from graph.schema import DATE_PROPERTIES

FORMATS: tuple[str, ...] = ("json", "ttl", "nt", "jsonld", "graphml")
DEFAULT_BASE_IRI = "https://ressortgraf.dk/id/"

RG = Namespace("https://ressortgraf.dk/ns#")
OA = Namespace("http://www.w3.org/ns/oa#")

_PREFIXES: dict[str, Namespace] = {
    "rg": RG, "org": ORG, "foaf": FOAF, "skos": SKOS, "dcterms": DCTERMS,
    "prov": PROV, "oa": OA, "xsd": XSD,
}

#: The standard class of each label; every node is also typed ``rg:<Label>``.
_STANDARD_CLASSES: dict[str, URIRef] = {
    "Council": ORG.FormalOrganization,
    "Organisation": ORG.FormalOrganization,
    "Committee": ORG.Organization,
    "Group": ORG.Organization,
    "Administration": ORG.OrganizationalUnit,
    "Unit": ORG.OrganizationalUnit,
    "Person": FOAF.Person,
    "Decision": PROV.Activity,
    "Document": FOAF.Document,
}

#: Labels whose nodes are ORG organisations.
_ORGANIZATION_LABELS = frozenset(
    label for label, cls in _STANDARD_CLASSES.items()
    if cls in (ORG.FormalOrganization, ORG.Organization, ORG.OrganizationalUnit)
)


#: Properties with a standard predicate; any other becomes ``rg:<camelCase>``.
_PROPERTY_PREDICATES: dict[str, URIRef] = {
    "date": DCTERMS.date,
    "title": DCTERMS.title,
    "case_number": DCTERMS.identifier,
}

#: Relations written as one direct triple (plus its reification as an rdf:Statement).
_DIRECT_PREDICATES: dict[str, URIRef] = {
    "SERVES": RG.serves,
    "DECIDED_BY": RG.decidedBy,
    "PROPOSED_BY": RG.proposedBy,
    "CONCERNS": RG.concerns,
    "REPORTS_TO": RG.reportsTo,
    "PARTICIPATES_IN": RG.participatesIn,
    "REPLACED_BY": RG.replacedBy,
}


def export_graph(graph: Graph, fmt: str, out: Path | TextIO, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Write ``graph`` in format ``fmt`` (one of ``FORMATS``) to a path or a text stream.

    ``base_iri`` prefixes the node ids to make the RDF IRIs; it should end in
    ``/`` or ``#``.
    """
    if fmt == "json":
        text = graph.to_json()
    elif fmt == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml(_graphml_ready(to_networkx(graph)), buffer, encoding="utf-8")
        text = buffer.getvalue().decode("utf-8")
    elif fmt in ("ttl", "nt", "jsonld"):
        text = _serialize_rdf(to_rdf(graph, base_iri), fmt)
    else:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if isinstance(out, Path):
        out.write_text(text, encoding="utf-8")
    else:
        out.write(text)


def to_rdf(graph: Graph, base_iri: str = DEFAULT_BASE_IRI) -> RDFGraph:
    """The graph as RDF, nodes and relations in id order."""
    mapping = _RDFMapping(graph, base_iri)
    for key in sorted(graph.nodes):
        mapping.add_node(graph.nodes[key])
    for key in sorted(graph.relations):
        mapping.add_relation(graph.relations[key])
    return mapping.rdf


def _serialize_rdf(rdf: RDFGraph, fmt: str) -> str:
    if fmt == "nt":
        lines = rdf.serialize(format="nt").splitlines()
        return "".join(f"{line}\n" for line in sorted(filter(None, lines)))
    if fmt == "jsonld":
        context = {prefix: str(namespace) for prefix, namespace in _PREFIXES.items()}
        document = json.loads(rdf.serialize(format="json-ld", context=context))
        return json.dumps(_sorted_json(document), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return rdf.serialize(format="turtle")


def _sorted_json(value: Any) -> Any:
    """JSON-LD with every array sorted: rdflib emits them in hash order, and (no ``@list``
    being written) their order carries no meaning."""
    if isinstance(value, dict):
        return {key: _sorted_json(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
    return value


class _RDFMapping:
    """Builds the RDF graph for one Graph; knows the IRIs and the node labels."""

    def __init__(self, graph: Graph, base_iri: str) -> None:
        self.graph = graph
        self.base_iri = base_iri
        self.rdf = RDFGraph()
        for prefix, namespace in _PREFIXES.items():
            self.rdf.bind(prefix, namespace)

    def iri(self, key: str) -> URIRef:
        return URIRef(self.base_iri + quote(key, safe=":"))

    def relation_iri(self, rel: Relation) -> URIRef:
        """``<base>part_of/<source>/<target>[/<role>]``, from the relation id."""
        type_, *rest = rel.id.split("|")
        return URIRef(self.base_iri + "/".join([type_.lower(), *(quote(p, safe=":") for p in rest if p)]))

    def add(self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal) -> None:
        self.rdf.add((subject, predicate, obj))

    def add_node(self, node: Node) -> None:
        subject = self.iri(node.id)
        self.add(subject, RDF.type, RG[node.label])
        if node.label in _STANDARD_CLASSES:
            self.add(subject, RDF.type, _STANDARD_CLASSES[node.label])
        self.add(subject, SKOS.prefLabel, Literal(node.name, lang="da"))
        for alias in sorted(node.aliases - {node.name}):
            self.add(subject, SKOS.altLabel, Literal(alias, lang="da"))
        if node.label == "Person":
            self.add(subject, FOAF.name, Literal(node.name))
        if node.label == "Document":
            self.add(subject, DCTERMS.identifier, Literal(node.name))
        self.add_properties(subject, node.props)
        self.add_provenance(subject, node.sources, node.evidence)

    def add_relation(self, rel: Relation) -> None:
        subject = self.relation_iri(rel)
        source, target = self.iri(rel.source), self.iri(rel.target)
        predicates = _PROPERTY_PREDICATES
        if rel.type == "MANDATE":
            self.add(subject, RDF.type, RG.Mandate)
            self.add(subject, RG.holder, source)
            self.add(subject, RG.object, target)
        elif rel.type == "INTERFACE":
            self.add(subject, RDF.type, RG.Interface)
            self.add(subject, RG.party, source)
            self.add(subject, RG.party, target)
        elif rel.type == "MEMBER_OF":
            self.add(subject, RDF.type, ORG.Membership)
            self.add(subject, ORG.member, source)
            self.add(subject, ORG.organization, target)
            self.add(source, ORG.memberOf, target)
        elif rel.type in ("ESTABLISHED", "DISSOLVED"):
            self.add_change_event(subject, rel, source, target)
            predicates = {**_PROPERTY_PREDICATES, "date": PROV.atTime}
        else:
            predicate = self.part_of_predicate(rel) if rel.type == "PART_OF" else _DIRECT_PREDICATES[rel.type]
            self.add(source, predicate, target)
            self.add(subject, RDF.type, RDF.Statement)
            self.add(subject, RDF.subject, source)
            self.add(subject, RDF.predicate, predicate)
            self.add(subject, RDF.object, target)
        self.add_properties(subject, rel.props, predicates)
        for rule in sorted(rel.rules):
            self.add(subject, RG.rule, Literal(rule))
        self.add_provenance(subject, rel.sources, rel.evidence)

    def add_change_event(self, subject: URIRef, rel: Relation, source: URIRef, target: URIRef) -> None:
        """ORG change event; the decision informs it, a body is its agent."""
        self.add(subject, RDF.type, ORG.ChangeEvent)
        is_body = self.label(rel.target) in _ORGANIZATION_LABELS
        if rel.type == "ESTABLISHED":
            self.add(subject, ORG.resultingOrganization if is_body else PROV.generated, target)
        else:
            self.add(subject, ORG.originalOrganization if is_body else PROV.invalidated, target)
        by_decision = self.label(rel.source) == "Decision"
        self.add(subject, PROV.wasInformedBy if by_decision else PROV.wasAssociatedWith, source)

    def part_of_predicate(self, rel: Relation) -> URIRef:
        """``org:unitOf`` for a unit of a formal organisation, else ``org:subOrganizationOf``."""
        source_class = _STANDARD_CLASSES.get(self.label(rel.source))
        target_class = _STANDARD_CLASSES.get(self.label(rel.target))
        if source_class == ORG.OrganizationalUnit and target_class == ORG.FormalOrganization:
            return ORG.unitOf
        return ORG.subOrganizationOf

    def label(self, key: str) -> str:
        return self.graph.nodes[key].label

    def add_properties(
        self, subject: URIRef, props: Mapping[str, Any], predicates: Mapping[str, URIRef] = _PROPERTY_PREDICATES
    ) -> None:
        for name, value in sorted(props.items()):
            predicate = predicates.get(name) or RG[_camel_case(name)]
            for item in value if isinstance(value, list) else [value]:
                self.add(subject, predicate, _literal(name, item))

    def add_provenance(self, subject: URIRef, sources: Iterable[str], evidence: Iterable[Evidence]) -> None:
        """``prov:wasDerivedFrom`` each document, and one annotation per evidence span."""
        for source in sorted(sources):
            self.add(subject, DCTERMS.source, Literal(source))
        for span in sorted(evidence):
            document_key = node_id("Document", span.document)
            document = self.iri(document_key)
            self.add(subject, PROV.wasDerivedFrom, document)
            target = URIRef(f"{document}/{span.start}-{span.end}")
            annotation = URIRef(f"{subject}/evidence/{quote(document_key, safe=':')}/{span.start}-{span.end}")
            self.add(annotation, RDF.type, OA.Annotation)
            self.add(annotation, OA.hasBody, subject)
            self.add(annotation, OA.hasTarget, target)
            self.add(target, RDF.type, OA.SpecificResource)
            self.add(target, OA.hasSource, document)
            quote_selector, position_selector = URIRef(f"{target}#quote"), URIRef(f"{target}#position")
            self.add(target, OA.hasSelector, quote_selector)
            self.add(target, OA.hasSelector, position_selector)
            self.add(quote_selector, RDF.type, OA.TextQuoteSelector)
            self.add(quote_selector, OA.exact, Literal(span.quote))
            self.add(position_selector, RDF.type, OA.TextPositionSelector)
            self.add(position_selector, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger))
            self.add(position_selector, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger))


def _literal(name: str, value: Any) -> Literal:
    if name in DATE_PROPERTIES:
        return Literal(str(value), datatype=XSD.date)
    return Literal(value)


def _camel_case(name: str) -> str:
    return re.sub(r"_(\w)", lambda m: m.group(1).upper(), name)


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
