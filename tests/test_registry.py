"""The curated registry: loading it, resolving (OCR-garbled) mentions, and where it applies."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import ExtractionSettings, extract
from loaders.readers import SourceDocument
from loaders.registry import DEFAULT_REGISTRY_DIR, Registry, RegistryError, load_registries


@pytest.fixture(scope="module")
def koebenhavn() -> Registry:
    return Registry.load(DEFAULT_REGISTRY_DIR / "koebenhavn.yaml")


def found(registry: Registry, text: str) -> list[tuple[str, str]]:
    """(entity key, quoted text) of every registry mention in ``text``."""
    return [(m.entity.key, text[m.start : m.end]) for m in registry.find(text)]


def document(text: str) -> SourceDocument:
    return SourceDocument(name="t.txt", path=Path("t.txt"), text=text, content_hash="x", format="text", meta={})


def test_the_koebenhavn_registry_loads_with_its_municipality_and_bodies(koebenhavn):
    assert koebenhavn.id == "koebenhavn"
    assert koebenhavn.municipality == "Københavns Kommune"
    oeu = koebenhavn.entities["oeu"]
    assert (oeu.label, oeu.name, oeu.abbreviations) == ("Committee", "Økonomiudvalget", ("ØU",))
    assert all(e.sources for e in koebenhavn.entities.values())
    assert ("SERVES", "oekf", "oeu") in {(t, s, o) for t, s, o, _ in koebenhavn.relations}


def test_a_registry_entity_cites_urls_not_source_ids(koebenhavn):
    assert all(source.startswith("http") for source in koebenhavn.entities["oeu"].sources)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("@konomiudvalget har behandlet sagen.", [("oeu", "@konomiudvalget")]),
        ("QKF har svaret på henvendelsen.", [("oekf", "QKF")]),
        (
            "Barne- og Ungdomsforvaltningen (BUF) har svaret.",
            [("buf", "Barne- og Ungdomsforvaltningen"), ("buf", "BUF")],
        ),
        ("Sagen afventer ØUs beslutning.", [("oeu", "ØUs")]),
        ("Sendt til Børne-\nog Ungdomsudvalget.", [("buu", "Børne-\nog Ungdomsudvalget")]),
    ],
)
def test_find_resolves_ocr_garbled_and_inflected_mentions(koebenhavn, text, expected):
    assert sorted(found(koebenhavn, text)) == sorted(expected)


def test_find_resolves_a_former_name_to_the_current_entity(koebenhavn):
    assert found(koebenhavn, "Beskæftigelses- og Integrationsudvalget mødes.") == [
        ("biu", "Beskæftigelses- og Integrationsudvalget")
    ]


def test_a_clock_time_is_not_kl():
    registries = load_registries()
    assert [m for r in registries for m in r.find("Mødet begynder kl. 15:30 i Havnestuen.")] == []


def test_kl_in_capitals_is_kl():
    (organisations,) = [r for r in load_registries() if r.id == "organisationer"]
    assert found(organisations, "Aftalen er indgået med KL.") == [("kl", "KL")]


def test_a_lower_case_abbreviation_inside_a_word_is_no_mention(koebenhavn):
    assert found(koebenhavn, "Budgettet og buffer-puljen") == []


def test_the_koebenhavn_registry_does_not_apply_to_a_dragoer_text(koebenhavn):
    text = (
        "Referat, Økonomiudvalget\n"
        "Borgmesteren indstiller, at forslaget oversendes til 2. behandling i kommunalbestyrelsen.\n"
        "BESLUTNING: Økonomiudvalget den 05-01-2022"
    )
    assert not koebenhavn.applies_to(text)


def test_the_koebenhavn_registry_applies_to_a_text_naming_borgerrepraesentationen(koebenhavn):
    assert koebenhavn.applies_to("Økonomiudvalget indstiller, at Borgerrepræsentationen godkender planen.")


def test_the_koebenhavn_registry_applies_when_the_documents_metadata_names_the_municipality(koebenhavn):
    assert koebenhavn.applies_to("Økonomiudvalget godkendte planen.", {"municipality": "Københavns Kommune"})


def test_in_a_dragoer_text_oekonomiudvalget_is_not_copenhagens():
    text = "Økonomiudvalget anbefaler forslaget over for kommunalbestyrelsen."
    graph = extract(document(text), ExtractionSettings(tuple(load_registries())))
    oeu = graph.find("Committee", "Økonomiudvalget")
    assert oeu is not None
    assert not oeu.sources
    assert "koebenhavn" not in oeu.id


def test_relations_among_yields_serves_between_two_mentioned_entities(koebenhavn):
    text = "Økonomiforvaltningen indstiller over for Økonomiudvalget, at Borgerrepræsentationen godkender planen."
    graph = extract(document(text), ExtractionSettings((koebenhavn,)))
    relations = list(koebenhavn.relations_among(graph))
    oekf, oeu = koebenhavn.entities["oekf"].node_id, koebenhavn.entities["oeu"].node_id
    serves = [r for r in relations if r.type == "SERVES"]
    assert [(r.source, r.target) for r in serves] == [(oekf, oeu)]
    assert serves[0].sources and not serves[0].evidence
    assert {(r.type, r.source) for r in relations} >= {("PART_OF", oeu)}


def test_relations_among_yields_nothing_for_unmentioned_entities(koebenhavn):
    text = "Økonomiforvaltningen har svaret Borgerrepræsentationen."
    graph = extract(document(text), ExtractionSettings((koebenhavn,)))
    assert list(koebenhavn.relations_among(graph)) == []


# ------------------------------------------------------- malformed files


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_registry_file_with_an_unknown_label_is_rejected(tmp_path):
    path = write(
        tmp_path,
        """
registry: broken
entities:
  - {key: x, label: Kommission, name: Strukturkommissionen}
""",
    )
    with pytest.raises(RegistryError, match="Kommission"):
        Registry.load(path)


def test_a_registry_relation_to_an_unknown_key_is_rejected(tmp_path):
    path = write(
        tmp_path,
        """
registry: broken
entities:
  - {key: oeu, label: Committee, name: Økonomiudvalget}
relations:
  - {type: PART_OF, source: oeu, target: br}
""",
    )
    with pytest.raises(RegistryError, match="br"):
        Registry.load(path)


def test_a_registry_relation_of_an_unknown_type_is_rejected(tmp_path):
    path = write(
        tmp_path,
        """
registry: broken
entities:
  - {key: oeu, label: Committee, name: Økonomiudvalget}
  - {key: br, label: Council, name: Borgerrepræsentationen}
relations:
  - {type: UNDER, source: oeu, target: br}
""",
    )
    with pytest.raises(RegistryError, match="UNDER"):
        Registry.load(path)


def test_a_registry_entity_without_a_name_is_rejected(tmp_path):
    path = write(
        tmp_path,
        """
registry: broken
entities:
  - {key: oeu, label: Committee}
""",
    )
    with pytest.raises(RegistryError):
        Registry.load(path)


def test_an_empty_registry_file_is_rejected(tmp_path):
    with pytest.raises(RegistryError):
        Registry.load(write(tmp_path, ""))


def test_load_registries_reads_every_file_in_the_directory(tmp_path):
    write(tmp_path, "registry: lille\nentities:\n  - {key: kl, label: Organisation, name: KL}\n")
    (registry,) = load_registries(tmp_path)
    assert registry.id == "lille" and registry.municipality is None
    assert registry.applies_to("any text at all")
