"""Reading files into the one text that evidence offsets point into."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter
from reportlab.pdfgen import canvas

from loaders.readers import (
    DEFAULT_MAX_BYTES,
    SourceDocument,
    UnreadableDocument,
    discover,
    read_document,
)

DANISH = "Økonomiudvalget og Børne- og Ungdomsforvaltningen"
CORPUS = Path("/work/shared/corpus/dev")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def assert_quotable(document: SourceDocument, phrase: str) -> None:
    start = document.text.find(phrase)
    assert start >= 0, f"{phrase!r} not in {document.text!r}"
    end = start + len(phrase)
    assert document.text[start:end] == phrase


def unreadable_reason(path: Path, **kwargs) -> str:
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path, **kwargs)
    assert caught.value.path == path
    return caught.value.reason


# --- plain text and Markdown ------------------------------------------------------


def test_utf8_text_is_kept_as_is_with_newlines_normalised(tmp_path):
    raw = f"Mødedato: 05.11.2024\r\n\r\n{DANISH}  tager   orienteringen til efterretning.\rSlut".encode()
    path = write(tmp_path / "punkt.txt", raw)

    document = read_document(path)

    assert document.text == (
        f"Mødedato: 05.11.2024\n\n{DANISH}  tager   orienteringen til efterretning.\nSlut"
    )
    assert document.format == "text"
    assert document.name == "punkt.txt"
    assert document.path == path
    assert document.content_hash == hashlib.sha256(raw).hexdigest()
    assert document.meta == {}
    assert_quotable(document, "Børne- og Ungdomsforvaltningen  tager")


def test_utf8_byte_order_mark_is_stripped(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + DANISH.encode())

    assert read_document(path).text == DANISH


def test_utf16_with_byte_order_mark_reads(tmp_path):
    path = write(tmp_path / "notepad.txt", DANISH.encode("utf-16"))

    assert read_document(path).text == DANISH


def test_cp1252_text_comes_out_with_danish_letters(tmp_path):
    path = write(tmp_path / "gammel.txt", f"{DANISH} – “godkendt” på mødet.\r\n".encode("cp1252"))

    document = read_document(path)

    assert document.text == f"{DANISH} – “godkendt” på mødet.\n"
    assert_quotable(document, "Børne- og Ungdomsforvaltningen")


def test_utf8_file_cut_inside_its_last_character_reads_up_to_the_cut(tmp_path):
    path = write(tmp_path / "afkortet.txt", f"{DANISH} og Ø".encode()[:-1])

    assert read_document(path).text == f"{DANISH} og "


def test_cp1252_text_whose_only_letter_beyond_ascii_ends_it_keeps_that_letter(tmp_path):
    path = write(tmp_path / "kort.txt", "Godkendt af Kultur- og Fritidsudvalget. Se også".encode("cp1252"))

    assert read_document(path).text == "Godkendt af Kultur- og Fritidsudvalget. Se også"


def test_markdown_is_read_as_written_not_rendered(tmp_path):
    text = f"# Ressortanalyse\n\n1. *{DANISH}* får ansvaret\n"
    path = write(tmp_path / "notat.md", text)

    document = read_document(path)

    assert document.text == text
    assert document.format == "markdown"
    assert_quotable(document, f"*{DANISH}*")


def test_decomposed_letters_are_composed_so_danish_names_match(tmp_path):
    path = write(tmp_path / "mac.txt", unicodedata.normalize("NFD", "Århus Kommune"))

    assert read_document(path).text == "Århus Kommune"


@settings(max_examples=50, deadline=None)
@given(st.text(st.characters(whitelist_categories=("L", "N", "P", "Zs")) | st.sampled_from("\n\r")))
def test_any_utf8_text_reads_back_with_only_newlines_and_composition_changed(tmp_path_factory, text):
    path = write(tmp_path_factory.mktemp("h") / "x.txt", text)
    expected = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))

    if not expected.strip():
        assert unreadable_reason(path) in {"empty file", "no text"}
    else:
        assert read_document(path).text == expected


# --- HTML -------------------------------------------------------------------------

KK_PAGE = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Status | Københavns Kommune</title>
<style>body {{ color: black }}</style><script>window.dataLayer = [];</script></head>
<body class="page has-menu">
<a class="skip-link" href="#main">Gå til indhold</a>
<div id="CybotCookiebotDialog" role="dialog"><p>Vi bruger cookies til statistik</p><button>Tillad alle</button></div>
<header class="site-header"><a href="/">Københavns Kommune</a>
  <nav class="main-navigation"><ul><li><a href="/borger">Borger</a></li><li><a href="/politik">Politik</a></li></ul></nav>
</header>
<ol class="breadcrumb"><li>Forside</li><li>Dagsordener og referater</li></ol>
<main id="main">
 <article class="node node--agenda-item">
  <header><h1>Status p&aring; ressortanalysen</h1></header>
  <div class="agenda-meta"><div>Mødedato: 05.11.2024, kl. 15:30</div><div>Mødested: Rådhuset</div></div>
  <div class="node__content">
   <h2>Indstilling</h2>
   <p>{indstiller} indstiller over for Økonomiudvalget,</p>
   <ol><li>at Økonomiudvalget tager orienteringen
       til efterretning,</li><li>at <b>Børne- og Ungdomsforvaltningen</b> inddrages.</li></ol>
   <h2>Problemstilling</h2><p>Der gennemføres en analyse.<br>Ny linje.</p>
   <h2>Løsning</h2>
   <table><tr><th>Udvalg</th><th>Forvaltning</th></tr>
          <tr><td>Økonomiudvalget</td> <td> Økonomiforvaltningen </td></tr></table>
   <h2>Beslutning</h2><p>Økonomiudvalgets beslutning i mødet den 5. november 2024</p>
   <p>Indstillingen blev godkendt.</p>
  </div>
  <aside class="related">Se også: Budget 2025</aside>
  <form class="search"><label>Søg</label><input name="q"></form>
 </article>
</main>
<footer class="site-footer"><p>Rådhuspladsen 1, 1599 København V</p></footer>
<!-- tracking --></body></html>
"""


def test_html_keeps_the_agenda_item_and_drops_the_site_around_it(tmp_path):
    path = write(tmp_path / "punkt-3.html", KK_PAGE.format(indstiller="Økonomiforvaltningen"))

    document = read_document(path)

    assert document.format == "html"
    assert document.text == (
        "Status på ressortanalysen\n\n"
        "Mødedato: 05.11.2024, kl. 15:30\n"
        "Mødested: Rådhuset\n\n"
        "Indstilling\n\n"
        "Økonomiforvaltningen indstiller over for Økonomiudvalget,\n\n"
        "at Økonomiudvalget tager orienteringen til efterretning,\n"
        "at Børne- og Ungdomsforvaltningen inddrages.\n\n"
        "Problemstilling\n\n"
        "Der gennemføres en analyse.\nNy linje.\n\n"
        "Løsning\n\n"
        "Udvalg\tForvaltning\n"
        "Økonomiudvalget\tØkonomiforvaltningen\n\n"
        "Beslutning\n\n"
        "Økonomiudvalgets beslutning i mødet den 5. november 2024\n\n"
        "Indstillingen blev godkendt."
    )
    for chrome in ("cookies", "Gå til indhold", "Borger", "Forside", "Rådhuspladsen", "Se også", "Søg", "dataLayer"):
        assert chrome not in document.text
    assert_quotable(document, "at Børne- og Ungdomsforvaltningen inddrages")


def test_html_without_main_drops_page_chrome_around_the_body_text(tmp_path):
    page = """<html><body>
      <div class="cookie-banner">Accepter cookies</div>
      <header><nav><a href="/">Forside</a></nav></header>
      <div id="topMenu"><a href="/a">A-Z</a></div>
      <div class="layout with-side-menu"><div class="content">
        <h1>Økonomiudvalget</h1><p>Udvalget består af 13 medlemmer.</p>
        <ul class="submenu"><li>Møder</li><li>Medlemmer</li></ul>
      </div></div>
      <footer>Kontakt os</footer>
    </body></html>"""
    path = write(tmp_path / "side.htm", page)

    assert read_document(path).text == "Økonomiudvalget\n\nUdvalget består af 13 medlemmer."


def test_cp1252_html_with_entities_comes_out_with_danish_letters(tmp_path):
    page = f"<html><body><main><p>{DANISH}</p><p>Bj&oslash;rn &AElig;r&oslash;</p></main></body></html>"
    path = write(tmp_path / "gammel.html", page.encode("cp1252"))

    assert read_document(path).text == f"{DANISH}\n\nBjørn Ærø"


def test_html_with_only_chrome_has_no_text(tmp_path):
    path = write(tmp_path / "tom.html", "<html><body><nav>Forside</nav><footer>Kontakt</footer></body></html>")

    assert unreadable_reason(path) == "no text"


# --- PDF --------------------------------------------------------------------------


def make_pdf(path: Path, pages: list[str]) -> Path:
    pdf = canvas.Canvas(str(path))
    for text in pages:
        if text:
            pdf.drawString(72, 720, text)
        else:
            pdf.rect(72, 600, 200, 100, fill=1)  # a page with only a picture
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_text_layer_comes_out_with_pages_joined_by_a_blank_line(tmp_path):
    path = make_pdf(tmp_path / "referat.pdf", [DANISH, "Side 2: Kultur- og Fritidsforvaltningen"])

    document = read_document(path)

    assert document.format == "pdf"
    assert document.text == f"{DANISH}\n\nSide 2: Kultur- og Fritidsforvaltningen"
    assert_quotable(document, "Børne- og Ungdomsforvaltningen")


def encrypt(source: Path, target: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=source)
    writer.encrypt(user_password=user_password, owner_password="ejer", algorithm="RC4-128")
    writer.write(target)
    return target


def test_pdf_locked_only_against_editing_reads(tmp_path):
    source = make_pdf(tmp_path / "aaben.pdf", [DANISH])

    path = encrypt(source, tmp_path / "beskyttet.pdf", user_password="")

    assert read_document(path).text == DANISH


def test_pdf_that_needs_a_password_is_encrypted(tmp_path):
    source = make_pdf(tmp_path / "aaben.pdf", [DANISH])

    path = encrypt(source, tmp_path / "hemmelig.pdf", user_password="hemmelig")

    assert unreadable_reason(path) == "encrypted PDF"


def test_pdf_with_only_pictures_has_no_text_layer(tmp_path):
    path = make_pdf(tmp_path / "scannet.pdf", ["", ""])

    assert unreadable_reason(path) == "PDF has no text layer (scanned?)"


def test_truncated_pdf_is_corrupt(tmp_path):
    whole = make_pdf(tmp_path / "hel.pdf", [DANISH]).read_bytes()
    path = write(tmp_path / "halv.pdf", whole[: len(whole) // 2])

    assert unreadable_reason(path).startswith("corrupt PDF: ")


def test_text_named_pdf_is_corrupt(tmp_path):
    path = write(tmp_path / "falsk.pdf", DANISH)

    assert unreadable_reason(path).startswith("corrupt PDF: ")


# --- DOCX -------------------------------------------------------------------------


def test_docx_paragraphs_headings_and_tables_come_out_in_document_order(tmp_path):
    document = docx.Document()
    document.add_heading("Ressortfordeling", level=1)
    document.add_paragraph(f"{DANISH} deler ansvaret.")
    document.add_paragraph("")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, [("Udvalg", "Forvaltning", "Opgave"),
                                        ("Økonomiudvalget", "Økonomiforvaltningen", "Borgerservice"),
                                        ("", "", "")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Fælles   sekretariat"
    table.cell(2, 2).text = "Koordinering\nog opfølgning"
    document.add_heading("Beslutning", level=2)
    document.add_paragraph("Indstillingen blev godkendt.")
    path = tmp_path / "notat.docx"
    document.save(path)

    read = read_document(path)

    assert read.format == "docx"
    assert read.text == (
        "Ressortfordeling\n\n"
        f"{DANISH} deler ansvaret.\n\n"
        "Udvalg\tForvaltning\tOpgave\n"
        "Økonomiudvalget\tØkonomiforvaltningen\tBorgerservice\n"
        "Fælles sekretariat\tKoordinering og opfølgning\n\n"
        "Beslutning\n\n"
        "Indstillingen blev godkendt."
    )
    assert_quotable(read, "Økonomiudvalget\tØkonomiforvaltningen")


def test_text_named_docx_is_corrupt(tmp_path):
    path = write(tmp_path / "falsk.docx", DANISH)

    assert unreadable_reason(path).startswith("corrupt DOCX: ")


# --- bad input --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("tom.txt", b"", "empty file"),
        ("blank.md", b" \n\t\n", "no text"),
        ("billede.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data in a .txt file"),
        ("styring.md", b"\x1b[31m\x01\x02\x03 r\xc3\xb8d tekst\x04\x05", "binary data in a .md file"),
        ("japansk.txt", "会議の議事録です。".encode("shift_jis") * 10, "undecodable bytes"),
        ("budget.xlsx", b"PK\x03\x04", "unsupported file type .xlsx"),
        ("README", b"tekst", "unsupported file type (no extension)"),
    ],
)
def test_bad_input_is_unreadable_with_a_reason(tmp_path, name, content, reason):
    path = write(tmp_path / name, content)

    assert unreadable_reason(path) == reason


def test_file_over_the_size_limit_is_not_read(tmp_path):
    path = write(tmp_path / "stor.txt", b"a" * (3 * 2**20 // 2))

    assert unreadable_reason(path, max_bytes=2**20) == "file is 1.5 MB, over the 1 MB limit"
    assert DEFAULT_MAX_BYTES == 25 * 2**20


def test_missing_file_and_folder_are_unreadable(tmp_path):
    assert unreadable_reason(tmp_path / "findes-ikke.txt") == "no such file"
    assert unreadable_reason(write(tmp_path / "mappe.txt" / "x.txt", "x").parent) == "not a file"


def test_unreadable_document_names_the_file_and_the_reason(tmp_path):
    error = UnreadableDocument(tmp_path / "x.pdf", "encrypted PDF")

    assert str(error) == f"{tmp_path / 'x.pdf'}: encrypted PDF"


# --- meta sidecar -----------------------------------------------------------------


def test_meta_sidecar_beside_the_file_is_read(tmp_path):
    path = write(tmp_path / "punkt-3.html", "<p>Økonomiudvalget</p>")
    meta = {"url": "https://www.kk.dk/dagsordener-og-referater/punkt-3", "title": "Status",
            "municipality": "Københavns Kommune", "date": "2024-11-05"}
    write(tmp_path / "punkt-3.meta.json", json.dumps(meta, ensure_ascii=False))

    assert read_document(path).meta == meta


def test_broken_meta_sidecar_makes_the_document_unreadable(tmp_path):
    path = write(tmp_path / "punkt.txt", DANISH)
    write(tmp_path / "punkt.meta.json", "{url: ")

    assert unreadable_reason(path).startswith("unreadable punkt.meta.json: ")


# --- discover ---------------------------------------------------------------------


def test_discover_walks_folders_sorted_and_skips_hidden_files_and_sidecars(tmp_path):
    corpus = tmp_path / "corpus"
    for name in ["b.txt", "a.txt", "a.gold.yaml", "a.meta.json", ".DS_Store", "data.xlsx",
                 "sub/c.pdf", ".git/config.txt", "sub/.skjult/d.txt"]:
        write(corpus / name, "x")
    loose = write(tmp_path / "løs.gold.yaml", "x")

    found = discover([loose, corpus, corpus / "b.txt", tmp_path / "mangler.txt"])

    assert found == [
        loose,
        corpus / "a.txt",
        corpus / "b.txt",
        corpus / "data.xlsx",
        corpus / "sub" / "c.pdf",
        tmp_path / "mangler.txt",
    ]


# --- the real corpus --------------------------------------------------------------


def test_every_dev_corpus_text_reads_unchanged_so_gold_offsets_hold():
    paths = [p for p in discover([CORPUS]) if p.suffix == ".txt"]
    assert len(paths) >= 13

    for path in paths:
        document = read_document(path)
        assert document.format == "text"
        assert document.text == path.read_bytes().decode("utf-8")
        sidecar = path.with_name(path.stem + ".meta.json")
        if sidecar.exists():
            assert document.meta == json.loads(sidecar.read_text(encoding="utf-8"))
