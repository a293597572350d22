"""A network view as one self-contained HTML page: pyvis (vis.js inline) plus a details panel.

Clicking a node fills the panel with what the app shows for it: aliases,
validity, every evidence quote with its document, and its relations with
theirs. The details travel inside the page as JSON, because an embedded page
cannot ask the app for more. Small views are laid out by vis.js physics,
which is stopped once stable; large ones get a fixed spiral layout (nearest
the centre innermost) and no physics, so 2,000 nodes still draw at once.
The page loads nothing from the network.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pyvis
from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from graph.explore import SummaryNode, View, adjacency
from graph.model import Graph

LABEL_COLOURS = {
    "Council": "#8e24aa", "Committee": "#3949ab", "Administration": "#1e88e5", "Unit": "#00897b",
    "Group": "#43a047", "Organisation": "#f4511e", "Person": "#6d4c41", "Decision": "#fdd835",
    "Initiative": "#e53935", "Task": "#757575", "Document": "#bdbdbd",
}
#: The labels as the interface names them.
LABEL_NAMES = {
    "Council": "Kommunalbestyrelse", "Committee": "Udvalg", "Administration": "Forvaltning", "Unit": "Enhed",
    "Group": "Gruppe", "Organisation": "Organisation", "Person": "Person", "Decision": "Beslutning",
    "Initiative": "Initiativ", "Task": "Opgave", "Document": "Dokument",
}
SUMMARY_COLOUR = "#cfd8dc"
#: Views with more nodes than this get the fixed spiral layout instead of physics.
PHYSICS_LIMIT = 150
#: Relations listed per node in the panel (the Streamlit page lists them all).
PANEL_RELATIONS = 100
#: One template environment for every page: pyvis makes a new one per network and so compiles its
#: template, vis.js inline included, each time (0.3 s).
_TEMPLATES = Environment(loader=FileSystemLoader(Path(pyvis.__file__).parent / "templates"))
_SPIRAL_SPACING = 38.0
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
#: pyvis's page template links Bootstrap from a CDN (the page does not use it and must work offline)
#: and heads the page with an empty title.
_UNUSED_TAGS = re.compile(
    r"<link[^>]*cdn\.jsdelivr\.net[^>]*>|<script[^>]*cdn\.jsdelivr\.net[^>]*>\s*</script>"
    r"|<center>\s*<h1>\s*</h1>\s*</center>", re.S)


def node_details(graph: Graph, node_id: str, links: dict | None = None) -> dict[str, Any]:
    """What a person sees about one node: names, validity, evidence and relations (with their evidence)."""
    node = graph.nodes[node_id]
    links = adjacency(graph) if links is None else links
    relations = []
    for rel, other in sorted(links.get(node_id, ()), key=lambda pair: (pair[0].type, graph.nodes[pair[1]].name)):
        relations.append({
            "type": rel.type,
            "direction": "out" if rel.source == node_id else "in",
            "other": graph.nodes[other].name,
            "other_label": graph.nodes[other].label,
            **{k: v for k, v in sorted(rel.props.items())},
            "evidence": [e.to_dict() for e in sorted(rel.evidence)],
            "sources": sorted(rel.sources),
        })
    return {
        "id": node.id,
        "name": node.name,
        "label": node.label,
        "label_name": LABEL_NAMES.get(node.label, node.label),
        "aliases": sorted(node.aliases - {node.name}),
        "props": dict(sorted(node.props.items())),
        "sources": sorted(node.sources),
        "evidence": [e.to_dict() for e in sorted(node.evidence)],
        "relations": relations,
    }


def summary_name(summary: SummaryNode) -> str:
    return f"{len(summary.members)} × {summary.label} ({summary.administration})"


def network_html(graph: Graph, view: View, centre: str | None = None, height: int = 600) -> str:
    """The page for ``view`` of ``graph``; ``centre`` is drawn larger."""
    large = len(view.nodes) + len(view.summaries) > PHYSICS_LIMIT
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line")
    net.templateEnv = _TEMPLATES
    positions = _spiral(list(view.nodes) + [s.key for s in view.summaries]) if large else {}
    for key in view.nodes:
        node = graph.nodes[key]
        net.add_node(key, label=node.name, title=f"{LABEL_NAMES.get(node.label, node.label)}: {node.name}", shape="dot",
                     color=LABEL_COLOURS.get(node.label, "#9e9e9e"), size=26 if key == centre else 12,
                     **positions.get(key, {}))
    for summary in view.summaries:
        net.add_node(summary.key, label=summary_name(summary), title="Grupperet: klik for at se hvilke",
                     shape="box", color=SUMMARY_COLOUR, **positions.get(summary.key, {}))
    for rel in view.relations:
        role = rel.props.get("role")
        text = rel.type + (f" ({role})" if role else "")
        net.add_edge(rel.source, rel.target, title=text, **({} if large else {"label": text}))
    for (shown, summary), count in view.folded_links.items():
        net.add_edge(shown, summary, title=f"{count} relationer", dashes=True, width=1 + math.log2(count))
    net.set_options(json.dumps(_options(large)))
    page = _UNUSED_TAGS.sub("", net.generate_html())
    links = adjacency(graph)
    details = {key: node_details(graph, key, links) for key in view.nodes}
    for detail in details.values():
        detail["relations"] = detail["relations"][:PANEL_RELATIONS]
    for summary in view.summaries:
        details[summary.key] = {"name": summary_name(summary), "label": "Gruppering",
                                "members": sorted(graph.nodes[key].name for key in summary.members)}
    page = page.replace('<div id="mynetwork" class="card-body"></div>',
                        '<div id="mynetwork" class="card-body"></div>' + _PANEL, 1)
    script = f"<script>var RESSORTGRAF_DETAILS = {_script_json(details)};{_PANEL_SCRIPT}</script>"
    return page.replace("</body>", f"<style>{_PANEL_STYLE}</style>{script}</body>", 1)


def _options(large: bool) -> dict[str, Any]:
    interaction = {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large}
    edges = {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 10},
             "smooth": False, "color": {"inherit": False, "color": "#90a4ae"}}
    nodes = {"font": {"size": 13}}
    if large:
        return {"physics": {"enabled": False}, "layout": {"improvedLayout": False},
                "interaction": interaction, "edges": edges, "nodes": nodes}
    return {"physics": {"enabled": True, "solver": "barnesHut", "stabilization": {"iterations": 200},
                        "barnesHut": {"springLength": 140, "avoidOverlap": 0.2}},
            "interaction": interaction, "edges": edges, "nodes": nodes}


def _spiral(keys: list[str]) -> dict[str, dict[str, float]]:
    """Fixed positions on a sunflower spiral, the first key in the middle: evenly spread, no physics."""
    return {
        key: {"x": _SPIRAL_SPACING * math.sqrt(i) * math.cos(i * _GOLDEN_ANGLE),
              "y": _SPIRAL_SPACING * math.sqrt(i) * math.sin(i * _GOLDEN_ANGLE), "physics": False}
        for i, key in enumerate(keys)
    }


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no markup can close it."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_PANEL = '<div id="details"><p class="hint">Klik på en knude for at se navne, gyldighed og belæg.</p></div>'

_PANEL_STYLE = (
    "body{margin:0}.card{display:flex;gap:8px;font-family:system-ui,sans-serif;font-size:13px}"
    "#mynetwork{flex:1 1 auto;float:none!important}"
    "#details{flex:0 0 320px;overflow:auto;border:1px solid lightgray;padding:6px 10px;box-sizing:border-box}"
    "#details h3{margin:4px 0;font-size:16px}#details h4{margin:10px 0 4px;font-size:13px}"
    "#details blockquote{margin:4px 0;padding:2px 8px;border-left:3px solid #1e88e5;background:#f5f8fc}"
    "#details .doc,#details .hint{color:#666;font-size:12px}#details ul{padding-left:18px;margin:4px 0}"
)

# Danish UI text; everything from the graph goes in as textContent, never as markup.
_PANEL_SCRIPT = """
(function () {
  var panel = document.getElementById("details");
  var DATE_NAMES = {valid_from: "Gyldig fra", valid_to: "Gyldig til", date: "Dato"};
  function add(parent, tag, text, cls) {
    var el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (cls) el.className = cls;
    parent.appendChild(el);
    return el;
  }
  function quote(parent, ev) {
    add(parent, "blockquote", ev.quote, "quote");
    add(parent, "div", ev.document + ", tegn " + ev.start + "\\u2013" + ev.end, "doc");
  }
  function show(id) {
    var d = RESSORTGRAF_DETAILS[id];
    if (!d) return;
    panel.innerHTML = "";
    panel.dataset.node = id;
    add(panel, "h3", d.name);
    add(panel, "div", d.label_name || d.label, "doc");
    if (d.members) {
      var ul = add(panel, "ul");
      d.members.slice(0, 200).forEach(function (m) { add(ul, "li", m); });
      if (d.members.length > 200) add(panel, "p", "\\u2026 og " + (d.members.length - 200) + " flere", "hint");
      return;
    }
    if (d.aliases.length) add(panel, "p", "Også kaldt: " + d.aliases.join(", "));
    var validity = Object.keys(DATE_NAMES).filter(function (k) { return d.props[k]; })
      .map(function (k) { return DATE_NAMES[k] + " " + d.props[k]; });
    add(panel, "p", validity.length ? validity.join("; ") : "Ingen gyldighedsdatoer oplyst");
    if (d.sources.length) add(panel, "p", "Registerkilder: " + d.sources.join(", "), "doc");
    add(panel, "h4", "Belæg (" + d.evidence.length + ")");
    if (!d.evidence.length) add(panel, "p", "Intet belæg i dokumenterne.", "hint");
    d.evidence.forEach(function (ev) { quote(panel, ev); });
    add(panel, "h4", "Relationer (" + d.relations.length + ")");
    d.relations.forEach(function (r) {
      var arrow = r.direction === "out" ? "\\u2192 " : "\\u2190 ";
      add(panel, "div", r.type + (r.role ? " (" + r.role + ")" : "") + " " + arrow + r.other);
      r.evidence.forEach(function (ev) { quote(panel, ev); });
    });
  }
  window.ressortgrafShow = show;
  network.on("click", function (params) { if (params.nodes.length) show(params.nodes[0]); });
  network.once("stabilizationIterationsDone", function () { network.setOptions({physics: {enabled: false}}); });
  network.once("afterDrawing", function () {
    window.ressortgrafDrawnAt = Date.now();
    document.body.dataset.drawn = "true";
  });
})();
"""
