"""The networkx view of a Graph and the body-to-body projection."""

from __future__ import annotations

from graph.model import Evidence, Graph, Node, Relation, node_id
from graph.network import body_projection, to_networkx

DOCUMENT = "kk-br-2024-01-18-punkt-3.txt"

COUNCIL = node_id("Council", "Borgerrepræsentationen")
COMMITTEE = node_id("Committee", "Økonomiudvalget")
ADMINISTRATION = node_id("Administration", "Økonomiforvaltningen")
GROUP = node_id("Group", "Implementeringsgruppen for KY")
STEERING = node_id("Group", "Politisk styregruppe")
TASK = node_id("Task", "Borgerservice")
INITIATIVE = node_id("Initiative", "Ressortanalysen 2024")
PERSON = node_id("Person", "Rasmus Rune Steenberger")


def evidence(quote: str, start: int = 0) -> set[Evidence]:
    return {Evidence(DOCUMENT, start, start + len(quote), quote)}


def sample_graph() -> Graph:
    """Committee and group share a mandate on a task; the group lives 2022-2024.

    The steering group and the administration both take part in an initiative
    from 2024 on; the administration serves the committee; a person (not a body)
    is a member of the committee.
    """
    graph = Graph()
    for node in (
        Node(COUNCIL, "Council", "Borgerrepræsentationen", evidence=evidence("Borgerrepræsentationen")),
        Node(COMMITTEE, "Committee", "Økonomiudvalget", aliases={"ØU"}, evidence=evidence("Økonomiudvalget", 30)),
        Node(ADMINISTRATION, "Administration", "Økonomiforvaltningen", evidence=evidence("Økonomiforvaltningen")),
        Node(
            GROUP, "Group", "Implementeringsgruppen for KY",
            props={"valid_from": "2022-01-01", "valid_to": "2024-04-01"}, evidence=evidence("Implementeringsgruppen"),
        ),
        Node(STEERING, "Group", "Politisk styregruppe", evidence=evidence("styregruppe")),
        Node(TASK, "Task", "Borgerservice", evidence=evidence("Borgerservice")),
        Node(INITIATIVE, "Initiative", "Ressortanalysen 2024", evidence=evidence("Ressortanalysen")),
        Node(PERSON, "Person", "Rasmus Rune Steenberger", evidence=evidence("Steenberger")),
    ):
        graph.add_node(node)
    for relation in (
        Relation("PART_OF", COMMITTEE, COUNCIL, evidence=evidence("under")),
        Relation("SERVES", ADMINISTRATION, COMMITTEE, evidence=evidence("betjener")),
        Relation("MANDATE", COMMITTEE, TASK, props={"role": "responsible"}, evidence=evidence("ansvar")),
        Relation("MANDATE", GROUP, TASK, props={"role": "steering"}, evidence=evidence("styring")),
        Relation("PARTICIPATES_IN", STEERING, INITIATIVE, props={"valid_from": "2024-01-18"}, evidence=evidence("deltager")),
        Relation("PARTICIPATES_IN", ADMINISTRATION, INITIATIVE, evidence=evidence("deltager", 50)),
        Relation("MEMBER_OF", PERSON, COMMITTEE, evidence=evidence("medlem")),
    ):
        graph.add_relation(relation)
    return graph


def test_networkx_graph_has_every_node_and_relation_with_their_attributes():
    graph = sample_graph()
    nxg = to_networkx(graph)
    assert nxg.number_of_nodes() == len(graph.nodes)
    assert nxg.number_of_edges() == len(graph.relations)
    assert nxg.nodes[COMMITTEE] == {
        "label": "Committee", "name": "Økonomiudvalget", "aliases": ["ØU"], "props": {}, "evidence": 1,
    }
    mandate = Relation("MANDATE", GROUP, TASK, props={"role": "steering"})
    assert nxg.edges[GROUP, TASK, mandate.id] == {"type": "MANDATE", "props": {"role": "steering"}, "evidence": 1}


def test_projection_holds_only_bodies():
    projection = body_projection(sample_graph())
    assert set(projection) == {COUNCIL, COMMITTEE, ADMINISTRATION, GROUP, STEERING}
    assert projection.nodes[GROUP] == {"label": "Group", "name": "Implementeringsgruppen for KY"}


def test_bodies_sharing_a_mandate_on_a_task_are_linked_through_it():
    edge = body_projection(sample_graph()).edges[COMMITTEE, GROUP]
    assert edge == {"weight": 1, "via": [TASK]}


def test_direct_relations_between_bodies_are_links_and_add_up_with_shared_mandates():
    graph = sample_graph()
    graph.add_relation(Relation("INTERFACE", GROUP, COMMITTEE, props={"topic": "KY"}, evidence=evidence("snitflade")))
    projection = body_projection(graph)
    assert projection.edges[COMMITTEE, COUNCIL] == {"weight": 1, "via": ["PART_OF"]}
    assert projection.edges[ADMINISTRATION, COMMITTEE] == {"weight": 1, "via": ["SERVES"]}
    assert projection.edges[GROUP, COMMITTEE] == {"weight": 2, "via": ["INTERFACE", TASK]}


def test_as_of_leaves_out_bodies_and_relations_not_valid_that_day():
    before = body_projection(sample_graph(), as_of="2023-06-01")
    assert before.has_edge(COMMITTEE, GROUP)
    assert not before.has_edge(STEERING, ADMINISTRATION)

    after = body_projection(sample_graph(), as_of="2024-06-01")
    assert GROUP not in after
    assert not after.has_edge(COMMITTEE, GROUP)
    assert after.edges[STEERING, ADMINISTRATION] == {"weight": 1, "via": [INITIATIVE]}


def test_validity_bounds_are_inclusive():
    assert body_projection(sample_graph(), as_of="2024-04-01").has_edge(COMMITTEE, GROUP)
    assert not body_projection(sample_graph(), as_of="2024-04-02").has_edge(COMMITTEE, GROUP)
    assert body_projection(sample_graph(), as_of="2024-01-18").has_edge(STEERING, ADMINISTRATION)
    assert not body_projection(sample_graph(), as_of="2024-01-17").has_edge(STEERING, ADMINISTRATION)


def test_without_as_of_every_link_counts():
    projection = body_projection(sample_graph())
    assert projection.has_edge(COMMITTEE, GROUP)
    assert projection.edges[STEERING, ADMINISTRATION]["via"] == [INITIATIVE]
