"""How fast the RDF export writes N-Triples and Turtle.

Builds a synthetic graph of bodies, tasks, decisions and documents (every
relation type, evidence on every fact) that maps to at least a million
triples, times the project's streaming writers from the Graph to text, and
times pyoxigraph's own serialisation of the same triples, already built as
pyoxigraph objects, as the anchor. Goal: 500,000 triples/s or more.

    .venv/bin/python benchmarks/rdf_export.py [--bodies N]
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import time
from typing import Callable

import pyoxigraph

from graph.model import Evidence, Graph, Node, Relation, decision_id, node_id
from graph.rdf_writer import PREFIXES, write_ntriples, write_turtle

GOAL = 500_000
LABELS = ("Committee", "Administration", "Unit", "Group")


def synthetic_graph(bodies: int) -> Graph:
    """``bodies`` bodies in a four-level hierarchy, each with a task mandate, an
    interface, a member, a participation and a decision that established it;
    one document per 100 bodies, one distinct evidence span per fact."""
    graph = Graph()
    spans = iter(range(0, 10**12, 40))

    def evidence(document: str, quote: str) -> set[Evidence]:
        start = next(spans) % 100_000
        return {Evidence(document, start, start + len(quote), quote)}

    documents = [f"kk-br-{n:05d}.txt" for n in range(bodies // 100 + 1)]
    for name in documents:
        graph.add_node(Node(node_id("Document", name), "Document", name, props={"content_hash": f"sha256:{name}"}))
    council = graph.add_node(Node(node_id("Council", "Borgerrepræsentationen"), "Council", "Borgerrepræsentationen",
                                  evidence=evidence(documents[0], "Borgerrepræsentationen")))
    initiative = graph.add_node(Node(node_id("Initiative", "Ressortanalysen 2024"), "Initiative",
                                     "Ressortanalysen 2024", evidence=evidence(documents[0], "Ressortanalysen")))
    previous = council
    for n in range(bodies):
        document = documents[n // 100]
        label = LABELS[n % len(LABELS)]
        name = f"{label} nr. {n} for \"Område\" {n % 97}"
        body = graph.add_node(Node(
            node_id(label, name), label, name, aliases={f"{label[:3].upper()}{n}"},
            props={"valid_from": f"20{n % 25:02d}-01-01"}, evidence=evidence(document, name),
        ))
        task = graph.add_node(Node(node_id("Task", f"opgave {n}"), "Task", f"Opgave {n}",
                                   evidence=evidence(document, f"opgave {n}")))
        person = graph.add_node(Node(node_id("Person", f"Person {n}"), "Person", f"Person {n}",
                                     props={"party": "F"}, evidence=evidence(document, f"Person {n} (F)")))
        decision = graph.add_node(Node(
            decision_id(council.id, f"20{n % 25:02d}-{n % 12 + 1:02d}-{n % 28 + 1:02d}"), "Decision",
            f"Beslutning {n}", props={"date": f"20{n % 25:02d}-{n % 12 + 1:02d}-{n % 28 + 1:02d}"},
            evidence=evidence(document, f"besluttede {n}"),
        ))
        parent = previous if n % 4 else council
        for relation in (
            Relation("PART_OF", body.id, parent.id),
            Relation("MANDATE", body.id, task.id, props={"role": "responsible"}, rules={"mandate-ansvar"}),
            Relation("INTERFACE", body.id, parent.id, props={"topic": "digitalisering"}),
            Relation("MEMBER_OF", person.id, body.id),
            Relation("PARTICIPATES_IN", body.id, initiative.id, props={"model": "a"}),
            Relation("ESTABLISHED", decision.id, body.id, props={"date": f"20{n % 25:02d}-04-01"}),
        ):
            relation.evidence = evidence(document, f"{relation.type.lower()} {n}")
            graph.add_relation(relation)
        previous = body
    return graph


def timed(run: Callable[[], int], repeat: int) -> tuple[int, float, float]:
    """Triples written, and the best wall-clock and the best CPU seconds of ``repeat``
    runs (on a shared machine the CPU time is the steadier figure)."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        count = run()
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    return count, wall, cpu


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                  if line.startswith("model name")), platform.processor())
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"{os.cpu_count()} cores, {model}, load average {load}, Python {platform.python_version()}, "
            f"pyoxigraph {pyoxigraph.__version__}")


def run(bodies: int, repeat: int = 3) -> dict[str, tuple[int, float, float]]:
    """Triple counts and best seconds of each writer (Graph to text in memory), and of
    pyoxigraph serialising the same triples, already built as pyoxigraph objects."""
    graph = synthetic_graph(bodies)
    figures = {
        "N-Triples": timed(lambda: write_ntriples(graph, io.StringIO()), repeat),
        "Turtle": timed(lambda: write_turtle(graph, io.StringIO()), repeat),
    }
    buffer = io.StringIO()
    write_ntriples(graph, buffer)
    anchor = list(pyoxigraph.parse(buffer.getvalue().encode(), format=pyoxigraph.RdfFormat.N_TRIPLES))
    for name, fmt in (("N-Triples", pyoxigraph.RdfFormat.N_TRIPLES), ("Turtle", pyoxigraph.RdfFormat.TURTLE)):
        figures[f"pyoxigraph {name}"] = timed(
            lambda fmt=fmt: pyoxigraph.serialize(anchor, format=fmt, prefixes=PREFIXES) and len(anchor), repeat
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bodies", type=int, default=6_000, help="synthetic bodies (6,000 give 1.06M triples)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each writer; the best counts")
    args = parser.parse_args()
    figures = run(args.bodies, args.repeat)
    print(f"machine: {machine()}")
    print(f"graph: {args.bodies:,} bodies, {figures['N-Triples'][0]:,} triples")
    for name in ("N-Triples", "Turtle"):
        count, wall, cpu = figures[name]
        anchor_count, anchor_wall, anchor_cpu = figures[f"pyoxigraph {name}"]
        print(f"{name:9}  ressortgraf writer {count / wall:>10,.0f} triples/s ({wall:.2f} s; "
              f"CPU {count / cpu:,.0f}/s)   pyoxigraph.serialize {anchor_count / anchor_wall:>10,.0f} triples/s "
              f"({anchor_wall:.2f} s; CPU {anchor_count / anchor_cpu:,.0f}/s)   "
              f"ratio {count / wall / (anchor_count / anchor_wall):.2f}   "
              f"goal {GOAL:,}: {'met' if count / wall >= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
