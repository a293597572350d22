"""The RDF export as other systems load it: lossless round trip, SHACL, vocabulary, formats, speed."""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SH

from conftest import SAMPLE_GRAPH
from graph.cli import main
from graph.export import CONTEXT_FILE, RDF_FORMATS, SHAPES_FILE, VOCABULARY_FILE, export_graph, to_rdf
from graph.ingest import ingest
from graph.model import Evidence, Graph, Node, Relation, node_id
from graph.rdf_import import read_rdf
from graph.rdf_writer import DEFAULT_BASE_IRI, RG
from graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
EXTENSIONS = {"ttl": ".ttl", "nt": ".nt", "jsonld": ".jsonld", "rdfxml": ".rdf"}
RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
RGNS = rdflib.Namespace(RG)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[str, Graph]:
    """The sample corpus ingested into a store: the store's folder and the graph it holds."""
    store_path = str(tmp_path_factory.mktemp("corpus") / "store")
    with open_store(store_path) as store:
        ingest([CORPUS], store)
        return store_path, store.read_graph()


def every_kind_of_fact() -> Graph:
    """The shared sample graph (every label and property) plus a replacement, a
    participation model, a relation valid_to, and text that needs escaping."""
    graph = Graph.from_dict(SAMPLE_GRAPH)
    document = "kk-br-2005-10-13-punkt-15.txt"
    old, new = node_id("Group", "HR-kredsen"), node_id("Group", 'Den "nye" HR-kreds')
    graph.add_node(Node(new, "Group", 'Den "nye" HR-kreds', aliases={"HR\\kredsen\nny"},
                        evidence={Evidence(document, 600, 618, 'Den "nye" HR-kreds')}))
    graph.add_relation(Relation("REPLACED_BY", old, new, props={"date": "2007-01-01"},
                                evidence={Evidence(document, 600, 618, 'Den "nye" HR-kreds')}))
    graph.add_relation(Relation("PARTICIPATES_IN", "committee:oekonomiudvalget", "initiative:ressortanalysen-2024",
                                props={"model": "b", "valid_to": "2025-12-31"}, rules={"participation"},
                                evidence={Evidence("an-unlisted-note.txt", 5, 25, "Ressortanalysen 2024")}))
    return graph


def exported(graph: Graph, fmt: str, base_iri: str = DEFAULT_BASE_IRI) -> str:
    out = io.StringIO()
    export_graph(graph, fmt, out, base_iri=base_iri)
    return out.getvalue()


def parsed(graph: Graph, fmt: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=exported(graph, fmt), format=RDFLIB_FORMATS[fmt])


# --- Round trip ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_given_the_corpus_export_import_rdf_into_an_empty_store_gives_back_the_same_graph(
    corpus, fmt: str, tmp_path: Path, capsys
):
    store_path, original = corpus
    export = tmp_path / f"corpus{EXTENSIONS[fmt]}"
    assert main(["export", "--store", store_path, "--format", fmt, "-o", str(export)]) == 0
    assert main(["import-rdf", str(export), "--store", str(tmp_path / "copy")]) == 0
    assert f"imported {len(original.nodes)} nodes and {len(original.relations)} relations" in capsys.readouterr().out
    with open_store(str(tmp_path / "copy")) as copy:
        assert copy.read_graph().to_dict() == original.to_dict()


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_every_property_rule_source_and_evidence_span_survives_the_round_trip(fmt: str, tmp_path: Path):
    graph = every_kind_of_fact()
    path = tmp_path / f"graph{EXTENSIONS[fmt]}"
    export_graph(graph, fmt, path)
    assert read_rdf(path).to_dict() == graph.to_dict()


def test_an_export_under_another_base_iri_reads_back_with_that_base_and_not_without(tmp_path: Path):
    graph = every_kind_of_fact()
    path = tmp_path / "graph.nt"
    export_graph(graph, "nt", path, base_iri="https://data.kk.dk/ressort/")
    assert read_rdf(path, base_iri="https://data.kk.dk/ressort/").to_dict() == graph.to_dict()
    with pytest.raises(ValueError, match="not under the base IRI https://ressortgraf.dk/id/"):
        read_rdf(path)


def test_import_rdf_refuses_a_store_that_holds_a_graph_unless_told_to_replace_it(corpus, tmp_path: Path, capsys):
    store_path, original = corpus
    export = tmp_path / "small.ttl"
    export_graph(Graph.from_dict(SAMPLE_GRAPH), "ttl", export)
    target = str(tmp_path / "store")
    with open_store(target) as store:
        store.write_graph(original)
    assert main(["import-rdf", str(export), "--store", target]) == 2
    assert f"the store already holds {len(original.nodes)} nodes" in capsys.readouterr().err
    with open_store(target) as store:
        assert store.read_graph().to_dict() == original.to_dict()
    assert main(["import-rdf", str(export), "--store", target, "--replace"]) == 0
    with open_store(target) as store:
        assert store.read_graph().to_dict() == Graph.from_dict(SAMPLE_GRAPH).to_dict()


def test_import_rdf_says_when_it_cannot_tell_the_format(tmp_path: Path, capsys):
    path = tmp_path / "graph.data"
    path.write_text("", encoding="utf-8")
    assert main(["import-rdf", str(path), "--store", str(tmp_path / "store")]) == 2
    assert "cannot tell the RDF format of graph.data" in capsys.readouterr().err
    assert read_rdf(path, "nt").to_dict() == Graph().to_dict()


# --- Formats ------------------------------------------------------------------------


def test_every_rdf_format_carries_the_same_triples_as_the_rdflib_graph_of_the_mapping(corpus):
    """The streaming Turtle and N-Triples writers, rdflib's JSON-LD and pyoxigraph's RDF/XML agree."""
    _, graph = corpus
    reference = to_rdf(graph)
    assert len(reference) > 3000
    for fmt in RDF_FORMATS:
        assert isomorphic(parsed(graph, fmt), reference), fmt


def test_export_base_iri_option_sets_the_iris(corpus, tmp_path: Path):
    store_path, _ = corpus
    out = tmp_path / "corpus.nt"
    assert main(["export", "--store", store_path, "--format", "nt", "--base-iri", "urn:kk:", "-o", str(out)]) == 0
    subjects = {line.split(" ", 1)[0] for line in out.read_text(encoding="utf-8").splitlines()}
    assert "<urn:kk:council:koebenhavn-borgerrepraesentationen>" in subjects
    assert not any(DEFAULT_BASE_IRI in subject for subject in subjects)


def test_json_ld_is_compacted_with_the_shipped_context_and_embeds_it():
    document = json.loads(exported(every_kind_of_fact(), "jsonld"))
    assert document["@context"] == json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    (group,) = [item for item in document["@graph"] if item["id"] == DEFAULT_BASE_IRI + "group:hr-kredsen"]
    assert group["prefLabel"] == {"da": "HR-kredsen"}
    assert group["validTo"] == "2006-12-31"
    assert group["type"] == ["org:Organization", "rg:Group"]


def test_turtle_names_the_vocabulary_with_prefixes_and_groups_each_subject():
    text = exported(every_kind_of_fact(), "ttl")
    assert text.startswith("@prefix rg: <https://ressortgraf.dk/ns#> .\n")
    council = f"<{DEFAULT_BASE_IRI}council:borgerrepraesentationen>"
    assert f'\n{council} a rg:Council ;\n    a org:FormalOrganization ;\n    skos:prefLabel "Borgerrepræsentationen"@da ;' in text


# --- Vocabulary ---------------------------------------------------------------------


def test_the_vocabulary_declares_exactly_the_rg_terms_the_export_uses_in_danish_and_english(corpus):
    vocabulary = rdflib.Graph().parse(VOCABULARY_FILE)
    declared = {
        term for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for term in vocabulary.subjects(RDF.type, kind)
    }
    used = set()
    for graph in (every_kind_of_fact(), corpus[1]):
        used |= {term for triple in to_rdf(graph) for term in triple
                 if isinstance(term, rdflib.URIRef) and term.startswith(RG)}
    assert used == declared
    for term in declared:
        for predicate in (RDFS.label, RDFS.comment):
            languages = sorted(value.language for value in vocabulary.objects(term, predicate))
            assert languages == ["da", "en"], (term, predicate)


# --- SHACL --------------------------------------------------------------------------


def violations(rdf: rdflib.Graph) -> set[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]]:
    """(focus node, path, constraint component) of every SHACL violation, none when it conforms."""
    conforms, report, _ = pyshacl.validate(rdf, shacl_graph=rdflib.Graph().parse(SHAPES_FILE))
    found = {
        (report.value(result, SH.focusNode), report.value(result, SH.resultPath),
         report.value(result, SH.sourceConstraintComponent))
        for result in report.subjects(RDF.type, SH.ValidationResult)
    }
    assert conforms == (not found)
    return found


def test_the_corpus_export_conforms_to_the_shapes(corpus):
    assert violations(to_rdf(corpus[1])) == set()


def test_every_kind_of_fact_conforms_to_the_shapes():
    assert violations(to_rdf(every_kind_of_fact())) == set()


def test_an_evidence_span_without_its_exact_quote_fails_validation():
    rdf = to_rdf(every_kind_of_fact())
    selector = next(rdf.subjects(RDF.type, OA.TextQuoteSelector))
    rdf.remove((selector, OA.exact, None))
    assert violations(rdf) == {(selector, OA.exact, SH.MinCountConstraintComponent)}


def test_a_mandate_with_an_unknown_role_fails_validation():
    rdf = to_rdf(every_kind_of_fact())
    mandate = next(rdf.subjects(RDF.type, RGNS.Mandate))
    rdf.set((mandate, RGNS.role, rdflib.Literal("boss")))
    assert violations(rdf) == {(mandate, RGNS.role, SH.InConstraintComponent)}


def test_a_change_event_whose_time_is_no_xsd_date_fails_validation():
    rdf = to_rdf(every_kind_of_fact())
    event = next(rdf.subjects(RDF.type, RGNS.Replacement))
    rdf.set((event, PROV.atTime, rdflib.Literal("1. januar 2007")))
    assert violations(rdf) == {(event, PROV.atTime, SH.DatatypeConstraintComponent)}


def test_a_replacement_without_its_new_body_fails_validation():
    rdf = to_rdf(every_kind_of_fact())
    event = next(rdf.subjects(RDF.type, RGNS.Replacement))
    rdf.remove((event, ORG.resultingOrganization, None))
    assert violations(rdf) == {(event, ORG.resultingOrganization, SH.MinCountConstraintComponent)}


# --- Speed --------------------------------------------------------------------------


def test_the_benchmark_runs_on_a_small_graph_and_prints_rates_and_the_ratio_to_pyoxigraph():
    script = ROOT / "benchmarks" / "rdf_export.py"
    spec = importlib.util.spec_from_file_location("rdf_export", script)
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    graph = benchmark.synthetic_graph(40)
    assert violations(to_rdf(graph)) == set()
    done = subprocess.run([sys.executable, str(script), "--bodies", "40", "--repeat", "1"],
                          capture_output=True, text=True, timeout=120, check=True)
    lines = done.stdout.splitlines()
    assert "cores" in lines[0] and "triples" in lines[1]
    assert [line.split()[0] for line in lines[2:]] == ["N-Triples", "Turtle"]
    assert all("triples/s" in line and "pyoxigraph.serialize" in line and "ratio" in line for line in lines[2:])
