"""Report library and network analysis on a synthetic graph of 100,000 nodes and 500,000 relations.

The graph is a country of municipalities, each with a council, committees,
administrations with units two levels deep, groups, organisations, persons,
decisions, initiatives, tasks and documents, linked mostly inside the
municipality (as the documents link them) with a few links to national
organisations; a tenth of the groups have ended, some were replaced, decisions
set things up and close them down, every relation carries a line of evidence.
It is bulk-written to an embedded store; on one core (``sched_setaffinity``)
the script times every report of ``queries/`` and each step of the overlap
analysis (betweenness sampled from ``graph.analysis.BROKER_SAMPLE`` sources, as
the analysis does by default), in wall-clock and CPU seconds (on a shared
machine the wall time of a pinned process includes waiting for its core). The
baseline is the time of counting all nodes and all relations on the same
store; the goal is the whole report library in at most 10 s and the network
analysis in at most 30 s.

    .venv/bin/python benchmarks/reports.py [--nodes 100000] [--relations 500000]
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import platform
import random
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from graph.analysis import ANALYSED_RELATIONS, BROKER_SAMPLE, brokers, hot_spots, overlap_matrices
from graph.embedded import EmbeddedStore
from graph.model import Evidence, Graph, Node, Relation
from graph.network import body_projection
from graph.reporting import run_report
from queries import all_reports

AS_OF = "2024-06-01"
REPORTS_GOAL_S = 10.0
ANALYSIS_GOAL_S = 30.0

#: Nodes of each label in one municipality (about 790 in all).
PER_MUNICIPALITY = {
    "Committee": 12, "Administration": 7, "Unit": 60, "Group": 80, "Organisation": 60, "Person": 150,
    "Decision": 100, "Initiative": 80, "Task": 110, "Document": 130,
}
NATIONAL_ORGANISATIONS = 300
#: Share of the relations of each type (the rest of PART_OF and SERVES follows from the hierarchy).
RELATION_SHARES = {
    "MEMBER_OF": 0.30, "MANDATE": 0.16, "PARTICIPATES_IN": 0.13, "CONCERNS": 0.12, "INTERFACE": 0.08,
    "REPORTS_TO": 0.04, "PROPOSED_BY": 0.03, "ESTABLISHED": 0.03, "DISSOLVED": 0.01, "REPLACED_BY": 0.005,
}
ROLES = ("responsible", "steering", "owner", "secretariat", "advisory", "execution")


def synthetic_graph(nodes: int, relations: int, seed: int = 0) -> Graph:
    """A graph of about ``nodes`` nodes and exactly ``relations`` relations (see the module docstring)."""
    rng = random.Random(seed)
    graph = Graph()
    per_town = 1 + sum(PER_MUNICIPALITY.values())
    towns = max(1, -(-(nodes - NATIONAL_ORGANISATIONS) // per_town))

    def add(label: str, key: str, name: str, **props: str) -> str:
        node = Node(f"{label.lower()}:{key}", label, name, props=props,
                    evidence={Evidence(f"{key}.txt", 0, len(name), name)})
        graph.nodes[node.id] = node
        return node.id

    def relate(type_: str, source: str, target: str, **props: str) -> bool:
        relation = Relation(type_, source, target, props=props,
                            evidence={Evidence(f"{source}.txt", 0, 20, f"{type_.lower()} {target}"[:20])})
        if source == target or relation.id in graph.relations:
            return False
        graph.relations[relation.id] = relation
        return True

    def day(first: int, last: int) -> str:
        return (datetime.date(first, 1, 1) + datetime.timedelta(days=rng.randrange((last - first) * 365))).isoformat()

    national = [add("Organisation", f"national-{i}", f"Landsorganisation {i}") for i in range(NATIONAL_ORGANISATIONS)]
    towns_nodes = []
    for t in range(towns):
        town: dict[str, list[str]] = {}
        council = add("Council", f"t{t}", f"Kommunalbestyrelsen i Kommune {t}")
        for label, count in PER_MUNICIPALITY.items():
            town[label] = []
            for i in range(count):
                props = {}
                if label == "Decision":
                    props["date"] = day(2006, 2024)
                elif label == "Group" and rng.random() < 0.1:
                    props["valid_to"] = day(2010, 2024)
                elif label == "Initiative" and rng.random() < 0.5:
                    props["valid_from"] = day(2008, 2024)
                town[label].append(add(label, f"t{t}-{i}", f"{label} {i} i Kommune {t}", **props))
        for committee in town["Committee"]:
            relate("PART_OF", committee, council)
        for i, administration in enumerate(town["Administration"]):
            relate("SERVES", administration, town["Committee"][i])
        units = town["Unit"]
        for i, unit in enumerate(units):  # a third of the units sit inside another unit
            parent = units[i - 20] if i >= 20 and i % 3 == 0 else town["Administration"][i % 7]
            relate("PART_OF", unit, parent)
        town["council"] = [council]
        town["bodies"] = town["Committee"] + town["Administration"] + units + town["Group"]
        towns_nodes.append(town)

    pickers = {
        "MEMBER_OF": lambda town: (rng.choice(town["Person"] + town["Administration"] + town["Unit"]
                                              + town["Organisation"] + national[:20]),
                                   rng.choice(town["Group"] + town["Committee"])),
        "MANDATE": lambda town: (rng.choice(town["bodies"]), rng.choice(town["Task"] + town["Initiative"])),
        "PARTICIPATES_IN": lambda town: (rng.choice(town["bodies"] + town["Organisation"]),
                                         rng.choice(town["Initiative"])),
        "CONCERNS": lambda town: (rng.choice(town["Decision"]),
                                  rng.choice(town["Task"] + town["Initiative"] + town["bodies"])),
        "INTERFACE": lambda town: (rng.choice(town["bodies"]), rng.choice(town["bodies"])),
        "REPORTS_TO": lambda town: (rng.choice(town["Group"] + town["Initiative"]),
                                    rng.choice(town["Committee"] + town["council"])),
        "PROPOSED_BY": lambda town: (rng.choice(town["Decision"]), rng.choice(town["Administration"])),
        "ESTABLISHED": lambda town: (rng.choice(town["Decision"]), rng.choice(town["Group"] + town["Initiative"])),
        "DISSOLVED": lambda town: (rng.choice(town["Decision"]), rng.choice(town["Group"])),
        "REPLACED_BY": lambda town: (rng.choice(town["Group"]), rng.choice(town["Group"])),
    }
    for town in towns_nodes:
        for decision in town["Decision"]:
            relate("DECIDED_BY", decision, rng.choice(town["Committee"] + town["council"]))
    remaining = relations - len(graph.relations)
    quotas = {type_: int(remaining * share / sum(RELATION_SHARES.values())) for type_, share in RELATION_SHARES.items()}
    quotas["MEMBER_OF"] += remaining - sum(quotas.values())
    for type_, quota in quotas.items():
        made = 0
        while made < quota:
            source, target = pickers[type_](rng.choice(towns_nodes))
            props: dict[str, str] = {}
            if type_ == "MANDATE":
                props["role"] = rng.choice(ROLES)
            if type_ in {"ESTABLISHED", "DISSOLVED", "REPLACED_BY"}:
                props["date"] = day(2006, 2026)
            if type_ in {"MEMBER_OF", "INTERFACE", "MANDATE"} and rng.random() < 0.05:
                props["valid_to"] = day(2010, 2024)
            made += relate(type_, source, target, **props)
    return graph


class Seconds(NamedTuple):
    """Wall-clock time and the CPU time of this process (all its threads) over the same span.

    The machine is shared: on a busy core the wall time grows while the CPU time stays what the work costs.
    """

    wall: float
    cpu: float

    def __add__(self, other: "Seconds") -> "Seconds":  # type: ignore[override]
        return Seconds(self.wall + other.wall, self.cpu + other.cpu)


def timed(action):
    start, cpu_start = time.perf_counter(), time.process_time()
    result = action()
    return Seconds(time.perf_counter() - start, time.process_time() - cpu_start), result


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def run(nodes: int, relations: int, folder: Path) -> dict[str, float]:
    """Build, store and time everything; print the figures and return them by name."""
    seconds, graph = timed(lambda: synthetic_graph(nodes, relations))
    print(f"machine: {machine()}; running on cores {sorted(os.sched_getaffinity(0))}")
    print(f"synthetic graph: {len(graph.nodes):,} nodes, {len(graph.relations):,} relations "
          f"({seconds.wall:.1f} s to build)")
    figures: dict[str, float] = {}
    with EmbeddedStore(folder / "store") as store:
        seconds, _ = timed(lambda: store.write_graph(graph))
        print(f"store write (COPY): {seconds.wall:.1f} s")
        name = next(node.name for node in graph.nodes.values() if node.label == "Administration")
        del graph  # reports and analysis start from the store, as they do in use; a resident
        gc.collect()  # graph of 600,000 objects would only slow every garbage collection down
        store.query("RETURN 1 AS warm")  # opening the database is not part of any query
        baseline = sum((timed(lambda c=c: store.query(c))[0] for c in (
            "MATCH (n) RETURN count(n) AS nodes", "MATCH ()-[r]->() RETURN count(r) AS relations")), Seconds(0, 0))
        figures["baseline"] = baseline.wall
        print(f"baseline (count nodes + count relations): {baseline.wall:.3f} s, CPU {baseline.cpu:.3f} s\n")
        print(f"{'report':22} {'wall s':>8} {'CPU s':>8} {'× baseline':>11} {'rows':>8}")
        reports_total = Seconds(0, 0)
        for report in all_reports():
            seconds, rows = timed(lambda r=report: len(run_report(store, r, {"name": name}, as_of=AS_OF).rows))
            figures[f"report {report.name}"] = seconds.wall
            reports_total += seconds
            print(f"{report.name:22} {seconds.wall:8.2f} {seconds.cpu:8.2f} {seconds.wall / baseline.wall:11.1f} "
                  f"{rows:8,}")
        print(f"{'all reports':22} {reports_total.wall:8.2f} {reports_total.cpu:8.2f} "
              f"{reports_total.wall / baseline.wall:11.1f}   goal ≤ {REPORTS_GOAL_S:.0f} s: "
              f"{'met' if reports_total.wall <= REPORTS_GOAL_S else 'MISSED'}\n")

        steps = {}
        steps["read graph from store (as the analysis does)"], stored = timed(
            lambda: store.read_graph(provenance=False, relation_types=ANALYSED_RELATIONS))
    steps["body projection"], projection = timed(lambda: body_projection(stored, AS_OF))
    steps["overlap matrices"], _ = timed(lambda: overlap_matrices(stored, AS_OF))
    steps[f"brokers (betweenness, k={BROKER_SAMPLE})"], _ = timed(
        lambda: brokers(projection, sample=BROKER_SAMPLE))
    steps["hot spots (Leiden)"], _ = timed(lambda: hot_spots(stored, projection))
    print(f"body projection: {projection.number_of_nodes():,} bodies, {projection.number_of_edges():,} links")
    print(f"{'step':44} {'wall s':>8} {'CPU s':>8} {'× baseline':>11}")
    for step, seconds in steps.items():
        figures[f"analysis {step}"] = seconds.wall
        print(f"{step:44} {seconds.wall:8.2f} {seconds.cpu:8.2f} {seconds.wall / baseline.wall:11.1f}")
    analysis_total = sum(steps.values(), Seconds(0, 0))
    print(f"{'network analysis':44} {analysis_total.wall:8.2f} {analysis_total.cpu:8.2f} "
          f"{analysis_total.wall / baseline.wall:11.1f}   goal ≤ {ANALYSIS_GOAL_S:.0f} s: "
          f"{'met' if analysis_total.wall <= ANALYSIS_GOAL_S else 'MISSED'}")
    figures["all reports"], figures["network analysis"] = reports_total.wall, analysis_total.wall
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=500_000)
    args = parser.parse_args()
    os.sched_setaffinity(0, {0})
    with tempfile.TemporaryDirectory(prefix="ressortgraf-bench-") as scratch:
        run(args.nodes, args.relations, Path(scratch))


if __name__ == "__main__":
    main()
