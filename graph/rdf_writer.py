"""The RDF mapping of a Graph, and the streaming N-Triples and Turtle writers.

The mapping uses the standards where they fit: W3C ORG for bodies, hierarchy,
memberships and change events (establishment, dissolution, replacement), FOAF
for persons and initiatives, SKOS for names and tasks, Dublin Core terms for
documents and dates, PROV-O for provenance and the Web Annotation vocabulary
for the exact evidence spans. What they lack (mandates, interfaces, the links
of decisions, validity dates, extraction rules) is the project vocabulary
``rg:``, declared in ``data/rdf/ressortgraf.ttl``.

Every relation is a resource of its own, so its dates, role, topic, rules and
evidence are kept; where a standard property exists the direct triple
(``org:subOrganizationOf``, ``org:memberOf``, ``org:purpose``, …) is written
too. The mapping states each triple once, in an order that depends on the
graph only, grouped by subject and already spelled for the syntax (N-Triples,
or Turtle with prefixed names for the vocabulary), so the writers only join
strings: rdflib's serialisers manage some 65,000 triples a second for
N-Triples and 2,600 for Turtle on a sample graph, these writers several hundred
thousand. The other formats (JSON-LD, RDF/XML) are
serialised from the N-Triples by graph.export.
"""

from __future__ import annotations

from itertools import chain, islice
from typing import Iterable, Iterator, TextIO
from urllib.parse import quote

from graph.model import Evidence, Graph, Node, Relation, node_id
from graph.schema import UNDIRECTED_TYPES

DEFAULT_BASE_IRI = "https://ressortgraf.dk/id/"

RG = "https://ressortgraf.dk/ns#"
PREFIXES: dict[str, str] = {
    "rg": RG,
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

def expand(curie: str) -> str:
    """``"org:unitOf"`` -> ``"http://www.w3.org/ns/org#unitOf"``."""
    prefix, local = curie.split(":", 1)
    return PREFIXES[prefix] + local


#: The standard class of each label; every node is also typed ``rg:<Label>``.
STANDARD_CLASSES: dict[str, str] = {
    "Council": "org:FormalOrganization",
    "Organisation": "org:FormalOrganization",
    "Committee": "org:Organization",
    "Group": "org:Organization",
    "Administration": "org:OrganizationalUnit",
    "Unit": "org:OrganizationalUnit",
    "Person": "foaf:Person",
    "Decision": "prov:Activity",
    "Initiative": "foaf:Project",
    "Task": "skos:Concept",
    "Document": "foaf:Document",
}
ORGANIZATION_LABELS = frozenset(
    label for label, cls in STANDARD_CLASSES.items()
    if cls in ("org:FormalOrganization", "org:Organization", "org:OrganizationalUnit")
)

#: The predicate of each node property (see graph.schema.NODE_PROPERTIES).
NODE_PREDICATES: dict[str, str] = {
    "valid_from": "rg:validFrom",
    "valid_to": "rg:validTo",
    "date": "dcterms:date",
    "case_number": "dcterms:identifier",
    "title": "dcterms:title",
    "party": "rg:party",
    "role": "rg:role",
    "content_hash": "rg:contentHash",
}
#: The predicate of each relation property; a change event's date is ``prov:atTime``.
RELATION_PREDICATES: dict[str, str] = {
    "role": "rg:role",
    "topic": "rg:topic",
    "model": "rg:model",
    "date": "dcterms:date",
    "valid_from": "rg:validFrom",
    "valid_to": "rg:validTo",
}
_CHANGE_EVENT_PREDICATES = {**RELATION_PREDICATES, "date": "prov:atTime"}
DATE_PREDICATES = frozenset({"rg:validFrom", "rg:validTo", "dcterms:date", "prov:atTime"})

#: Relations written as a direct triple plus its reification as an ``rdf:Statement``.
STATEMENT_PREDICATES: dict[str, str] = {
    "SERVES": "rg:serves",
    "DECIDED_BY": "rg:decidedBy",
    "PROPOSED_BY": "rg:proposedBy",
    "CONCERNS": "rg:concerns",
    "REPORTS_TO": "rg:reportsTo",
    "PARTICIPATES_IN": "rg:participatesIn",
}
#: ``rg:`` subclasses of ``org:ChangeEvent`` that say which change it was.
CHANGE_EVENT_CLASSES: dict[str, str] = {
    "ESTABLISHED": "rg:Establishment",
    "DISSOLVED": "rg:Dissolution",
    "REPLACED_BY": "rg:Replacement",
}

_CURIES = (
    *(f"rg:{label}" for label in STANDARD_CLASSES), *STANDARD_CLASSES.values(),
    *NODE_PREDICATES.values(), *RELATION_PREDICATES.values(), *STATEMENT_PREDICATES.values(),
    *CHANGE_EVENT_CLASSES.values(),
    "rdf:type", "rdf:Statement", "rdf:subject", "rdf:predicate", "rdf:object",
    "skos:prefLabel", "skos:altLabel", "foaf:name", "dcterms:source", "dcterms:identifier",
    "rg:Mandate", "rg:holder", "rg:mandateOver", "rg:Interface", "rg:firstParty", "rg:secondParty", "rg:rule",
    "org:Membership", "org:member", "org:organization", "org:memberOf", "org:purpose",
    "org:subOrganizationOf", "org:unitOf", "org:ChangeEvent", "org:originalOrganization",
    "org:resultingOrganization", "org:changedBy", "org:resultedFrom",
    "prov:atTime", "prov:generated", "prov:invalidated", "prov:wasInformedBy", "prov:wasAssociatedWith",
    "prov:wasDerivedFrom",
    "oa:Annotation", "oa:hasBody", "oa:hasTarget", "oa:SpecificResource", "oa:hasSource", "oa:hasSelector",
    "oa:TextQuoteSelector", "oa:exact", "oa:TextPositionSelector", "oa:start", "oa:end",
)


class Syntax:
    """How the mapping spells vocabulary terms and typed literals: ``p["skos:prefLabel"]``
    is a predicate followed by a space, ``a["org:Membership"]`` a whole ``rdf:type``
    predicate-object pair, ``date`` and ``non_negative`` the datatype suffixes."""

    def __init__(self, terms: dict[str, str], datatypes: dict[str, str]) -> None:
        self.p = {curie: f"{term} " for curie, term in terms.items()}
        self.a = {curie: f"{terms['rdf:type']} {term}" for curie, term in terms.items()}
        self.o = terms
        self.date = datatypes["xsd:date"]
        self.non_negative = datatypes["xsd:nonNegativeInteger"]


_DATATYPES = ("xsd:date", "xsd:nonNegativeInteger")
#: N-Triples: every IRI in full.
NTRIPLES = Syntax({curie: f"<{expand(curie)}>" for curie in _CURIES},
                  {name: f"^^<{expand(name)}>" for name in _DATATYPES})
#: Turtle: vocabulary terms and datatypes as prefixed names, ``a`` for ``rdf:type``
#: (which the mapping only ever writes as a predicate).
TURTLE = Syntax({**{curie: curie for curie in _CURIES}, "rdf:type": "a"},
                {name: f"^^{name}" for name in _DATATYPES})
#: Statements written per batch: small enough that a batch's strings and lists die
#: young, before the garbage collector promotes them and then sweeps the whole
#: (large) Graph again and again; 16,384 is three times slower than 256.
_BATCH = 256
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def literal(text: str) -> str:
    """A plain string literal in N-Triples (and Turtle) syntax."""
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        text = text.translate(_ESCAPES)
    return f'"{text}"'


def check_base_iri(base_iri: str) -> str:
    """The base IRI, refused if it cannot start an IRI in every RDF syntax."""
    if not base_iri.startswith(("http://", "https://", "urn:")) or any(c in base_iri for c in ' <>"{}|^`\\'):
        raise ValueError(f"base IRI {base_iri!r} must be an http(s) or urn IRI without spaces or <>\"{{}}|^`\\")
    return base_iri


#: A subject and the predicate-object pairs stated of it, each one triple.
Statements = tuple[str, list[str]]


def statements(graph: Graph, base_iri: str = DEFAULT_BASE_IRI, syntax: Syntax = NTRIPLES) -> Iterator[Statements]:
    """The graph's RDF, each triple once: nodes in id order, then relations."""
    mapping = _Mapping(graph, check_base_iri(base_iri), syntax)
    return chain(
        chain.from_iterable(map(mapping.node, (graph.nodes[key] for key in sorted(graph.nodes)))),
        chain.from_iterable(map(mapping.relation, (graph.relations[key] for key in sorted(graph.relations)))),
    )


def write_ntriples(graph: Graph, out: TextIO, base_iri: str = DEFAULT_BASE_IRI) -> int:
    """Write the graph's RDF as N-Triples; returns the number of triples."""
    count = 0
    stream = statements(graph, base_iri, NTRIPLES)
    while batch := list(islice(stream, _BATCH)):
        out.write("".join([s + " " + (" .\n" + s + " ").join(pairs) + " .\n" for s, pairs in batch]))
        count += sum(len(pairs) for _, pairs in batch)
    return count


def write_turtle(graph: Graph, out: TextIO, base_iri: str = DEFAULT_BASE_IRI) -> int:
    """Write the graph's RDF as Turtle; returns the number of triples.

    Each group of statements about one subject is one Turtle statement (``;``
    between its predicates); a subject may come back later, which Turtle allows."""
    out.write("".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in PREFIXES.items()))
    count = 0
    stream = statements(graph, base_iri, TURTLE)
    while batch := list(islice(stream, _BATCH)):
        out.write("".join(["\n" + s + " " + " ;\n    ".join(pairs) + " .\n" for s, pairs in batch]))
        count += sum(len(pairs) for _, pairs in batch)
    return count


class _Mapping:
    """Knows the IRIs, the node labels and which shared resources are written already.

    Each method returns the statements of one node or relation as a list, the
    predicate and object of each triple already joined: building strings and
    lists is what Python does fast, and the export is meant for millions of
    triples.
    """

    def __init__(self, graph: Graph, base_iri: str, syntax: Syntax) -> None:
        self.graph = graph
        self.base_iri = base_iri
        self.p, self.a, self.o = syntax.p, syntax.a, syntax.o
        self.date = syntax.date
        self.non_negative = syntax.non_negative
        self._quoted: dict[str, str] = {}
        self._documents: dict[str, tuple[str, str, bool]] = {}
        self._spans: set[tuple[str, int, int]] = set()
        #: Documents of evidence that are no nodes: named where first met, so that
        #: their evidence keeps the document's name.
        self._named_documents: set[str] = set()

    def quoted(self, key: str) -> str:
        """The percent-encoded node id: what follows the base IRI."""
        found = self._quoted.get(key)
        if found is None:
            found = self._quoted[key] = quote(key, safe=":")
        return found

    def iri(self, key: str) -> str:
        return f"<{self.base_iri}{self.quoted(key)}>"

    def label(self, key: str) -> str:
        return self.graph.nodes[key].label

    def node(self, node: Node) -> list[Statements]:
        p, a = self.p, self.a
        s = self.iri(node.id)
        pairs = [a[f"rg:{node.label}"], a[STANDARD_CLASSES[node.label]], f'{p["skos:prefLabel"]}{literal(node.name)}@da']
        if node.aliases:
            pairs += [f'{p["skos:altLabel"]}{literal(alias)}@da' for alias in sorted(node.aliases - {node.name})]
        if node.label == "Person":
            pairs.append(p["foaf:name"] + literal(node.name))
        if node.label == "Document":
            pairs.append(p["dcterms:identifier"] + literal(node.name))
        if node.props:
            self.add_properties(pairs, node.props, NODE_PREDICATES, f"node {node.id}")
        out = [(s, pairs)]
        self.add_provenance(out, node.sources, node.evidence)
        return out

    def relation(self, rel: Relation) -> list[Statements]:
        p, a = self.p, self.a
        source, target = self.iri(rel.source), self.iri(rel.target)
        ends = (rel.source, rel.target) if rel.type not in UNDIRECTED_TYPES else sorted((rel.source, rel.target))
        role = rel.props.get("role")
        s = (f"<{self.base_iri}{rel.type.lower()}/{self.quoted(ends[0])}/{self.quoted(ends[1])}"
             f"{'/' + quote(role, safe=':') if role else ''}>")
        predicates = RELATION_PREDICATES
        if rel.type == "MANDATE":
            pairs = [a["rg:Mandate"], p["rg:holder"] + source, p["rg:mandateOver"] + target]
            out = [(s, pairs)]
            if (role == "responsible" and self.label(rel.source) in ORGANIZATION_LABELS
                    and self.label(rel.target) == "Task"):
                out.append((source, [p["org:purpose"] + target]))
        elif rel.type == "INTERFACE":
            pairs = [a["rg:Interface"], p["rg:firstParty"] + source, p["rg:secondParty"] + target]
            out = [(s, pairs)]
        elif rel.type == "MEMBER_OF":
            pairs = [a["org:Membership"], p["org:member"] + source, p["org:organization"] + target]
            out = [(s, pairs), (source, [p["org:memberOf"] + target])]
        elif rel.type in CHANGE_EVENT_CLASSES:
            pairs, out = self.change_event(s, rel, source, target)
            predicates = _CHANGE_EVENT_PREDICATES
        else:
            predicate = self.part_of_predicate(rel) if rel.type == "PART_OF" else STATEMENT_PREDICATES[rel.type]
            pairs = [a["rdf:Statement"], p["rdf:subject"] + source, p["rdf:predicate"] + self.o[predicate],
                     p["rdf:object"] + target]
            out = [(source, [p[predicate] + target]), (s, pairs)]
        if rel.props:
            self.add_properties(pairs, rel.props, predicates, f"relation {rel.id}")
        if rel.rules:
            pairs += [p["rg:rule"] + literal(rule) for rule in sorted(rel.rules)]
        self.add_provenance(out, rel.sources, rel.evidence, (s, pairs))
        return out

    def change_event(self, s: str, rel: Relation, source: str, target: str) -> tuple[list[str], list[Statements]]:
        """An ``org:ChangeEvent``: a replacement links the old and the new body; an
        establishment or dissolution is informed by its decision (or carried out by a
        body) and results in, or ends, a body (``prov:generated`` / ``prov:invalidated``
        for what is not an organisation). Returns the event's pairs and all statements."""
        p, a = self.p, self.a
        pairs = [a["org:ChangeEvent"], a[CHANGE_EVENT_CLASSES[rel.type]]]
        out = [(s, pairs)]
        if rel.type == "REPLACED_BY":
            pairs += [p["org:originalOrganization"] + source, p["org:resultingOrganization"] + target]
            out += [(source, [p["org:changedBy"] + s]), (target, [p["org:resultedFrom"] + s])]
            return pairs, out
        by_decision = self.label(rel.source) == "Decision"
        pairs.append(p["prov:wasInformedBy" if by_decision else "prov:wasAssociatedWith"] + source)
        is_body = self.label(rel.target) in ORGANIZATION_LABELS
        if rel.type == "ESTABLISHED" and is_body:
            pairs.append(p["org:resultingOrganization"] + target)
            out.append((target, [p["org:resultedFrom"] + s]))
        elif rel.type == "ESTABLISHED":
            pairs.append(p["prov:generated"] + target)
        elif is_body:
            pairs.append(p["org:originalOrganization"] + target)
            out.append((target, [p["org:changedBy"] + s]))
        else:
            pairs.append(p["prov:invalidated"] + target)
        return pairs, out

    def part_of_predicate(self, rel: Relation) -> str:
        """``org:unitOf`` for a unit of a formal organisation, else ``org:subOrganizationOf``."""
        source_class = STANDARD_CLASSES[self.label(rel.source)]
        target_class = STANDARD_CLASSES[self.label(rel.target)]
        if source_class == "org:OrganizationalUnit" and target_class == "org:FormalOrganization":
            return "org:unitOf"
        return "org:subOrganizationOf"

    def add_properties(self, pairs: list[str], props: dict[str, str], predicates: dict[str, str], owner: str) -> None:
        for name in sorted(props):
            curie = predicates.get(name)
            if curie is None:
                raise ValueError(f"{owner}: no RDF predicate for property {name!r} (add it to graph/rdf_writer.py)")
            value = literal(str(props[name]))
            pairs.append(self.p[curie] + (value + self.date if curie in DATE_PREDICATES else value))

    def add_provenance(
        self, out: list[Statements], sources: Iterable[str], evidence: Iterable[Evidence],
        fact: Statements | None = None,
    ) -> None:
        """``dcterms:source`` each public source, ``prov:wasDerivedFrom`` each document, and
        one Web Annotation per evidence span whose target (the span, with its quote and
        position selectors) is written once however many facts it supports.

        ``fact`` is the subject and pairs of the fact (the first statement of ``out``
        unless given)."""
        p, a = self.p, self.a
        s, pairs = fact or out[0]
        if sources:
            pairs += [p["dcterms:source"] + literal(source) for source in sorted(sources)]
        if not evidence:
            return
        spans = sorted(evidence)
        derived_from: set[str] = set()
        for span in spans:
            document, _, listed = self.document(span.document)
            if document not in derived_from:
                derived_from.add(document)
                pairs.append(p["prov:wasDerivedFrom"] + document)
                if not listed and span.document not in self._named_documents:
                    self._named_documents.add(span.document)
                    out.append((document, [a["foaf:Document"], p["dcterms:identifier"] + literal(span.document)]))
        subject = s[1:-1]
        for span in spans:
            document, quoted_document, _ = self.document(span.document)
            position = f"{span.start}-{span.end}"
            target_iri = f"{self.base_iri}{quoted_document}/{position}"
            target = f"<{target_iri}>"
            out.append((f"<{subject}/evidence/{quoted_document}/{position}>",
                        [a["oa:Annotation"], p["oa:hasBody"] + s, p["oa:hasTarget"] + target]))
            key = (quoted_document, span.start, span.end)
            if key in self._spans:
                continue
            self._spans.add(key)
            quote_selector, position_selector = f"<{target_iri}#quote>", f"<{target_iri}#position>"
            out += [
                (target, [a["oa:SpecificResource"], p["oa:hasSource"] + document,
                          p["oa:hasSelector"] + quote_selector, p["oa:hasSelector"] + position_selector]),
                (quote_selector, [a["oa:TextQuoteSelector"], p["oa:exact"] + literal(span.quote)]),
                (position_selector, [a["oa:TextPositionSelector"],
                                     f'{p["oa:start"]}"{span.start}"{self.non_negative}',
                                     f'{p["oa:end"]}"{span.end}"{self.non_negative}']),
            ]

    def document(self, name: str) -> tuple[str, str, bool]:
        """The IRI of an evidence span's document, its percent-encoded id, and whether
        it is a node of the graph."""
        found = self._documents.get(name)
        if found is None:
            key = node_id("Document", name)
            found = self._documents[name] = (self.iri(key), self.quoted(key), key in self.graph.nodes)
        return found
