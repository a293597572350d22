"""Reading an RDF export back into a Graph: the inverse of graph.rdf_writer's mapping.

Nodes are the resources typed ``rg:<Label>``; relations are the relation
resources (mandates, interfaces, memberships, change events and reified
statements), so the direct triples the export adds for other systems
(``org:subOrganizationOf``, ``org:memberOf``, ``org:purpose``, …) are not
needed. Evidence comes back from the Web Annotations, the document's name
from its ``dcterms:identifier``. pyoxigraph parses every format the export
writes.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterable
from urllib.parse import unquote

import pyoxigraph

from graph.model import Evidence, Graph, Node, Relation
from graph.rdf_writer import (
    CHANGE_EVENT_CLASSES, DEFAULT_BASE_IRI, NODE_PREDICATES, RELATION_PREDICATES, STANDARD_CLASSES,
    STATEMENT_PREDICATES, expand,
)

PARSER_FORMATS: dict[str, pyoxigraph.RdfFormat] = {
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "rdfxml": pyoxigraph.RdfFormat.RDF_XML,
}
FORMAT_BY_EXTENSION: dict[str, str] = {
    ".ttl": "ttl", ".nt": "nt", ".jsonld": "jsonld", ".json": "jsonld", ".rdf": "rdfxml", ".xml": "rdfxml",
}

_TYPE = expand("rdf:type")
_LABEL_CLASSES = {expand(f"rg:{label}"): label for label in STANDARD_CLASSES}
_NODE_PROPERTIES = {expand(curie): name for name, curie in NODE_PREDICATES.items()}
_RELATION_PROPERTIES = {
    **{expand(curie): name for name, curie in RELATION_PREDICATES.items()},
    expand("prov:atTime"): "date",
}
_STATEMENT_TYPES = {
    **{expand(curie): type_ for type_, curie in STATEMENT_PREDICATES.items()},
    expand("org:subOrganizationOf"): "PART_OF",
    expand("org:unitOf"): "PART_OF",
}
_BY_DECISION_OR_BODY = ("prov:wasInformedBy", "prov:wasAssociatedWith")
#: Relation resource class -> (relation type, predicates to its source, predicates to its target).
_RELATION_CLASSES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    expand("rg:Mandate"): ("MANDATE", ("rg:holder",), ("rg:mandateOver",)),
    expand("rg:Interface"): ("INTERFACE", ("rg:firstParty",), ("rg:secondParty",)),
    expand("org:Membership"): ("MEMBER_OF", ("org:member",), ("org:organization",)),
    expand(CHANGE_EVENT_CLASSES["ESTABLISHED"]): (
        "ESTABLISHED", _BY_DECISION_OR_BODY, ("org:resultingOrganization", "prov:generated")),
    expand(CHANGE_EVENT_CLASSES["DISSOLVED"]): (
        "DISSOLVED", _BY_DECISION_OR_BODY, ("org:originalOrganization", "prov:invalidated")),
    expand(CHANGE_EVENT_CLASSES["REPLACED_BY"]): (
        "REPLACED_BY", ("org:originalOrganization",), ("org:resultingOrganization",)),
    expand("rdf:Statement"): ("", ("rdf:subject",), ("rdf:object",)),
}

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal
Resources = dict[str, dict[str, list[Term]]]


def rdf_format(path: Path, fmt: str | None = None) -> str:
    """The format named, else the one the file extension says."""
    fmt = fmt or FORMAT_BY_EXTENSION.get(path.suffix.lower())
    if fmt not in PARSER_FORMATS:
        raise ValueError(
            f"cannot tell the RDF format of {path.name}: name one of {', '.join(PARSER_FORMATS)} "
            f"or use the extension {', '.join(FORMAT_BY_EXTENSION)}"
        )
    return fmt


def read_rdf(path: Path, fmt: str | None = None, base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """The Graph an export file (written with ``base_iri``) came from."""
    with path.open("rb") as stream:
        return from_triples(pyoxigraph.parse(stream, format=PARSER_FORMATS[rdf_format(path, fmt)]), base_iri)


def from_triples(
    triples: Iterable[pyoxigraph.Triple | pyoxigraph.Quad], base_iri: str = DEFAULT_BASE_IRI
) -> Graph:
    """The Graph of pyoxigraph triples (or quads) of an export."""
    resources: Resources = defaultdict(lambda: defaultdict(list))
    for triple in triples:
        resources[triple.subject.value][triple.predicate.value].append(triple.object)
    return _Reader(resources, base_iri).graph()


class _Reader:
    def __init__(self, resources: Resources, base_iri: str) -> None:
        self.resources = resources
        self.base_iri = base_iri
        self.evidence = self.read_evidence()

    def graph(self) -> Graph:
        graph = Graph()
        relations = []
        for subject, properties in self.resources.items():
            types = {term.value for term in properties.get(_TYPE, ())}
            labels = types & _LABEL_CLASSES.keys()
            if labels:
                graph.add_node(self.node(subject, _LABEL_CLASSES[labels.pop()], properties))
            kinds = types & _RELATION_CLASSES.keys()
            if kinds:
                relations.append(self.relation(subject, kinds.pop(), properties))
        for relation in relations:
            graph.add_relation(relation)
        return graph

    def node(self, subject: str, label: str, properties: dict[str, list[Term]]) -> Node:
        props = self.properties(properties, _NODE_PROPERTIES)
        if label == "Document":
            props.pop("case_number", None)  # dcterms:identifier is a document's name
        return Node(
            id=self.node_id(subject),
            label=label,
            name=self.one(subject, properties, "skos:prefLabel"),
            aliases={term.value for term in properties.get(expand("skos:altLabel"), ())},
            props=props,
            evidence=self.evidence.get(subject, set()),
            sources=self.values(properties, "dcterms:source"),
        )

    def relation(self, subject: str, kind: str, properties: dict[str, list[Term]]) -> Relation:
        type_, source_predicates, target_predicates = _RELATION_CLASSES[kind]
        if not type_:
            type_ = _STATEMENT_TYPES[self.one(subject, properties, "rdf:predicate")]
        return Relation(
            type=type_,
            source=self.node_id(self.one(subject, properties, *source_predicates)),
            target=self.node_id(self.one(subject, properties, *target_predicates)),
            props=self.properties(properties, _RELATION_PROPERTIES),
            evidence=self.evidence.get(subject, set()),
            sources=self.values(properties, "dcterms:source"),
            rules=self.values(properties, "rg:rule"),
        )

    def read_evidence(self) -> dict[str, set[Evidence]]:
        """Fact IRI -> its evidence spans, from the annotations and their selectors."""
        annotation = expand("oa:Annotation")
        evidence: dict[str, set[Evidence]] = defaultdict(set)
        for subject, properties in self.resources.items():
            if annotation not in {term.value for term in properties.get(_TYPE, ())}:
                continue
            target = self.one(subject, properties, "oa:hasTarget")
            target_properties = self.resources.get(target, {})
            document = self.one(target, target_properties, "oa:hasSource")
            selectors = {}
            for selector in target_properties.get(expand("oa:hasSelector"), ()):
                selectors.update({
                    predicate: terms[0].value for predicate, terms in self.resources.get(selector.value, {}).items()
                })
            try:
                span = Evidence(
                    self.one(document, self.resources.get(document, {}), "dcterms:identifier"),
                    int(selectors[expand("oa:start")]),
                    int(selectors[expand("oa:end")]),
                    selectors[expand("oa:exact")],
                )
            except KeyError as missing:
                raise ValueError(f"evidence target {target} has no selector with {missing.args[0]}") from None
            evidence[self.one(subject, properties, "oa:hasBody")].add(span)
        return evidence

    def node_id(self, iri: str) -> str:
        if not iri.startswith(self.base_iri):
            raise ValueError(f"{iri} is not under the base IRI {self.base_iri} (pass the one the export used)")
        return unquote(iri[len(self.base_iri):])

    @staticmethod
    def one(subject: str, properties: dict[str, list[Term]], *curies: str) -> str:
        """The value of the one statement of ``subject`` with one of these predicates."""
        terms = [term for curie in curies for term in properties.get(expand(curie), ())]
        if len(terms) != 1:
            raise ValueError(f"{subject} has {len(terms)} values for {' or '.join(curies)}, expected one")
        return terms[0].value

    @staticmethod
    def values(properties: dict[str, list[Term]], curie: str) -> set[str]:
        return {term.value for term in properties.get(expand(curie), ())}

    @staticmethod
    def properties(properties: dict[str, list[Term]], names: dict[str, str]) -> dict[str, str]:
        return {names[predicate]: terms[0].value for predicate, terms in properties.items() if predicate in names}
