"""Document readers: a file in, the one text that evidence offsets point into.

Every fact the loaders extract quotes ``text[start:end]`` of a
``SourceDocument.text``, so this module decides once what that text is:

- newlines are ``"\\n"`` and the text is in Unicode NFC, so offsets do not
  depend on the platform or on how a PDF spelled "å";
- plain text and Markdown are kept as they are (Markdown is not rendered);
- HTML, DOCX and PDF are laid out as paragraphs separated by one blank line:
  headings and paragraphs are blocks of their own, table rows are lines with
  their cells separated by tabs, and a PDF's pages are joined by a blank line
  (no form feed: page breaks are not a boundary the extraction needs).

Anything that cannot become such a text raises ``UnreadableDocument`` with a
one-line reason a person can act on.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

import docx
from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString
from charset_normalizer import from_bytes
from docx.table import Table
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

if TYPE_CHECKING:
    from docx.table import _Row

DEFAULT_MAX_BYTES = 25 * 2**20

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}

GOLD_SUFFIX = ".gold.yaml"
META_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class SourceDocument:
    """One document as read: ``name`` (the file name) is what evidence calls its ``document``.

    ``content_hash`` is the sha256 of the file's bytes; ``meta`` comes from the
    optional ``<stem>.meta.json`` beside the file (url, title, municipality, date).
    """

    name: str
    path: Path
    text: str
    content_hash: str
    format: str
    meta: dict = field(default_factory=dict, hash=False)


class UnreadableDocument(Exception):
    """A file that cannot be read as a document, with the reason in one line."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read one file; every kind of bad input raises ``UnreadableDocument``."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UnreadableDocument(path, f"unsupported file type {path.suffix or '(no extension)'}")
    raw = _read_bytes(path, max_bytes)
    text = _EXTRACTORS[fmt](raw, path)
    text = unicodedata.normalize("NFC", _normalise_newlines(text))
    if not text.strip():
        raise UnreadableDocument(path, "PDF has no text layer (scanned?)" if fmt == "pdf" else "no text")
    return SourceDocument(
        name=path.name,
        path=path,
        text=text,
        content_hash=hashlib.sha256(raw).hexdigest(),
        format=fmt,
        meta=_read_meta(path),
    )


def discover(paths: Iterable[Path]) -> list[Path]:
    """The files to read, in a deterministic order.

    A path given directly is kept as it is, even when it is not a document,
    so that reading it reports why. A folder is walked recursively in sorted
    order, leaving out hidden files and folders and the corpus sidecars
    (``*.gold.yaml`` annotations, ``*.meta.json`` metadata).
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        for candidate in _walk(path) if path.is_dir() else [path]:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _walk(folder: Path) -> list[Path]:
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        files.extend(
            Path(dirpath, name)
            for name in filenames
            if not name.startswith(".") and not name.endswith((GOLD_SUFFIX, META_SUFFIX))
        )
    return sorted(files)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if not path.is_file():
            raise UnreadableDocument(path, "not a file" if path.exists() else "no such file")
        size = path.stat().st_size
        if size == 0:
            raise UnreadableDocument(path, "empty file")
        if size > max_bytes:
            raise UnreadableDocument(
                path, f"file is {_human_size(size)}, over the {_human_size(max_bytes)} limit"
            )
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(path, f"cannot read file: {exc.strerror or exc}") from exc


def _human_size(n: int) -> str:
    value, unit = (n / 2**20, "MB") if n >= 2**20 else (n / 2**10, "kB")
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def _read_meta(path: Path) -> dict:
    """The sidecar ``<stem>.meta.json`` beside the file (url, title, municipality, date), or {}."""
    sidecar = path.with_name(path.stem + META_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableDocument(path, f"unreadable {sidecar.name}: {_short(exc)}") from exc
    if not isinstance(meta, dict):
        raise UnreadableDocument(path, f"{sidecar.name} is not a JSON object")
    return meta


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _tidy(text: str) -> str:
    """At most one blank line in a row, none at the ends (for layouts this module makes)."""
    return re.sub(r"\n{3,}", "\n\n", _normalise_newlines(text)).strip("\n")


def _short(exc: BaseException) -> str:
    """A library error as a short cause for a one-line reason."""
    lines = str(exc).strip().splitlines()
    cause = lines[0] if lines else type(exc).__name__
    return cause if len(cause) <= 120 else cause[:117] + "..."


# --- plain text ---------------------------------------------------------------

#: The encodings a Danish text that is not UTF-8 is read in (charset-normalizer picks one).
_LEGACY_ENCODINGS = ["cp1252", "latin_1", "iso8859_15"]
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r") + b"\x7f"
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _decode(raw: bytes, path: Path) -> str:
    """Bytes of a text format as text: UTF-8 first, else the cp1252/Latin-1 family.

    Charset detection is limited to that family on purpose: left free,
    charset-normalizer reads a short cp1252 "Økonomiudvalget" as Mac Latin-2.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_or_fail(raw, "utf-16", path)
    if raw.startswith(codecs.BOM_UTF8):
        return _decode_or_fail(raw[len(codecs.BOM_UTF8) :], "utf-8", path)
    if b"\x00" in raw or len(raw.translate(None, _NOT_CONTROL)) > len(raw) // 50:
        raise UnreadableDocument(path, f"binary data in a {path.suffix} file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start]
        if exc.reason == "unexpected end of data" and not head.isascii():
            return head.decode("utf-8")  # a UTF-8 file cut inside its last character
    best = from_bytes(raw, cp_isolation=_LEGACY_ENCODINGS).best()
    if best is None:
        raise UnreadableDocument(path, "undecodable bytes")
    return _decode_or_fail(raw, best.encoding, path)


def _decode_or_fail(raw: bytes, encoding: str, path: Path) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(path, "undecodable bytes") from exc


# --- HTML -----------------------------------------------------------------------

_DROPPED_TAGS = [
    "script", "style", "noscript", "template", "svg", "iframe", "dialog", "nav", "aside", "form",
]
#: A header/footer is the page's banner only outside these (HTML's rule for role=banner/contentinfo).
_SECTIONING = ["article", "aside", "main", "nav", "section"]
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog", "alertdialog"}
_CHROME_WORDS = {"nav", "navbar", "navigation", "menu", "megamenu", "submenu", "skip", "skiplink", "skiplinks"}
_CHROME_PARTS = ("breadcrumb", "cookie", "consent")
#: Newlines a block element puts around itself; adjacent blocks share the larger break.
_BLOCK_BREAKS = {
    **dict.fromkeys(
        ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre", "hr",
         "figure", "address", "fieldset", "details", "main", "article", "section"],
        2,
    ),
    **dict.fromkeys(
        ["div", "li", "dt", "dd", "tr", "caption", "figcaption", "header", "footer", "summary",
         "legend", "body"],
        1,
    ),
}


def _read_html(raw: bytes, path: Path) -> str:
    """The page's content without the site around it.

    The content is ``<main>``, else ``[role=main]``, else the page's only
    ``<article>``, else the body; the first of these with text wins.
    """
    soup = BeautifulSoup(_decode(raw, path), "html.parser")
    articles = soup.find_all("article")
    candidates = [
        soup.find("main"),
        soup.find(attrs={"role": "main"}),
        articles[0] if len(articles) == 1 else None,
        soup.body or soup,
    ]
    text = ""
    for root in (candidate for candidate in candidates if candidate is not None):
        _drop_chrome(root)
        text = _layout(root)
        if text.strip():
            break
    return text


def _drop_chrome(root: Tag) -> None:
    for element in root.find_all(True):
        if not element.decomposed and _is_chrome(element):
            element.decompose()


def _is_chrome(element: Tag) -> bool:
    """Scripts, navigation, banners, menus, breadcrumbs, cookie notices, skip links.

    An element holding the page's ``<h1>`` is never chrome, whatever its
    class says ("page has-menu" wrappers).
    """
    if element.name in _DROPPED_TAGS:
        return True
    if element.name in ("header", "footer") and element.find_parent(_SECTIONING) is None:
        return True
    if set((element.get("role") or "").split()) & _CHROME_ROLES:
        return True
    marks = " ".join([element.get("id") or "", *element.get("class", [])])
    marks = re.sub(r"([a-z])([A-Z])", r"\1 \2", marks).lower()  # "mainNav" -> "main nav"
    words = set(re.split(r"[^a-z0-9]+", marks))
    marked = bool(words & _CHROME_WORDS) or any(part in marks for part in _CHROME_PARTS)
    return marked and element.find("h1") is None


def _layout(root: Tag) -> str:
    """Text of an element as a browser lays it out: blocks on lines, cells by tabs.

    Walks the tree with an explicit stack, so deeply nested pages cannot
    exhaust the recursion limit.
    """
    parts: list[str | int] = []
    stack: list[tuple[Tag | NavigableString, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append(_BLOCK_BREAKS[node.name])
        elif isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):  # comments, doctype, CDATA
                in_pre = node.find_parent("pre") is not None  # <pre> keeps its line breaks
                parts.append(re.sub(r"[ \t\f\r]+" if in_pre else r"[ \t\n\f\r]+", " ", node))
        elif node.name == "br":
            parts.append("\n")
        else:
            if node.name in ("td", "th") and node.find_previous_sibling(["td", "th"]) is not None:
                parts.append("\t")
            if node.name in _BLOCK_BREAKS:
                parts.append(_BLOCK_BREAKS[node.name])
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))

    out: list[str] = []
    pending = 0
    for part in parts:
        if isinstance(part, int):
            pending = max(pending, part)
            continue
        if not part.strip(" ") and (pending or not out):  # white space between blocks
            continue
        if pending and out:
            out.append("\n" * pending)
        pending = 0
        out.append(part)
    lines = []
    for line in "".join(out).split("\n"):
        line = re.sub(r" *\t *", "\t", re.sub(r" {2,}", " ", line)).strip(" ")
        lines.append(line if line.strip() else "")
    return _tidy("\n".join(lines))


# --- PDF ------------------------------------------------------------------------


def _read_pdf(raw: bytes, path: Path) -> str:
    # pypdf raises many exception types on malformed files (its own, ValueError,
    # KeyError, struct errors...): all of them mean the file is corrupt.
    try:
        reader = PdfReader(BytesIO(raw))
        locked = reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED
    except DependencyError as exc:  # AES encryption needs the optional cryptography package
        raise UnreadableDocument(path, f"encrypted PDF ({_short(exc)})") from exc
    except Exception as exc:
        raise UnreadableDocument(path, f"corrupt PDF: {_short(exc)}") from exc
    if locked:
        raise UnreadableDocument(path, "encrypted PDF")
    try:
        pages = [page.extract_text() for page in reader.pages]
    except Exception as exc:
        raise UnreadableDocument(path, f"corrupt PDF: {_short(exc)}") from exc
    return _tidy("\n\n".join(page.strip("\r\n") for page in pages))


# --- DOCX -----------------------------------------------------------------------


def _read_docx(raw: bytes, path: Path) -> str:
    """Paragraphs and tables in document order (body only: no page headers, footers or notes)."""
    # python-docx raises zip, XML, KeyError and ValueError errors on broken files alike.
    try:
        blocks = [
            "\n".join(_row_line(row) for row in item.rows) if isinstance(item, Table) else item.text
            for item in docx.Document(BytesIO(raw)).iter_inner_content()
        ]
    except Exception as exc:
        raise UnreadableDocument(path, f"corrupt DOCX: {_short(exc)}") from exc
    return _tidy("\n\n".join(blocks))


def _row_line(row: _Row) -> str:
    """One table row as one line, cells separated by tabs.

    A cell spanning columns is written once; a cell spanning rows is repeated
    on each row it spans, so every row line reads complete.
    """
    cells = row.cells
    texts = []
    index = 0
    while index < len(cells):
        texts.append(" ".join(cells[index].text.split()))
        index += cells[index].grid_span
    return "\t".join(texts)


_EXTRACTORS: dict[str, Callable[[bytes, Path], str]] = {
    "text": _decode,
    "markdown": _decode,
    "html": _read_html,
    "pdf": _read_pdf,
    "docx": _read_docx,
}
