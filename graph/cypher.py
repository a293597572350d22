"""The read-only guard for analyst Cypher.

``ressortgraf query`` runs whatever Cypher an analyst types against the
store, so it must never change it. Both stores also open queries read-only
(LadybugDB ``read_only=True``, Neo4j access mode READ); this guard comes
first and says which clause was refused, in terms the analyst can act on.

It reads the query as Cypher tokens, so keywords inside string literals,
backtick-quoted names and comments do not count, and neither do property
names (``n.set``), parameters (``$delete``), labels or types (``:Copy``)
and map keys (``{create: 1}``).
"""

from __future__ import annotations

import re

#: Keyword -> why it is refused. A clause is named with the word after it
#: where that word is part of its name (DETACH DELETE, LOAD CSV).
REFUSED_CLAUSES: dict[str, str] = {
    **dict.fromkeys(
        ["CREATE", "MERGE", "DELETE", "SET", "REMOVE", "FOREACH", "COPY"], "a write clause"
    ),
    **dict.fromkeys(["LOAD", "IMPORT", "EXPORT", "INSTALL"], "an import, export or extension clause"),
    **dict.fromkeys(
        ["DROP", "ALTER", "ATTACH", "DETACH", "CHECKPOINT", "GRANT", "DENY", "REVOKE"],
        "an administration clause",
    ),
}
_TWO_WORD_CLAUSES = {("DETACH", "DELETE"), ("LOAD", "CSV"), ("LOAD", "FROM"), ("LOAD", "EXTENSION")}

_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>//[^\n]*|/\*.*?\*/)
    | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    | (?P<quoted>`(?:[^`]|``)*`)
    | (?P<word>[^\W\d]\w*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


_READ_ONLY = "ressortgraf query is read-only"


class WriteQueryError(ValueError):
    """A query that would change the store (or administer it) was refused; ``clause`` names the clause."""

    def __init__(self, message: str, clause: str) -> None:
        super().__init__(message)
        self.clause = clause


def ensure_read_only(cypher: str) -> None:
    """Raise ``WriteQueryError`` if ``cypher`` holds a write or admin clause.

    ``CALL`` is refused unless it opens a subquery (``CALL {`` or
    ``CALL (x) {``), whose body is checked like the rest: procedures may
    write and there is no portable way to tell which do.
    """
    tokens = _significant_tokens(cypher)
    for i, (kind, text) in enumerate(tokens):
        if kind != "word":
            continue
        before = tokens[i - 1][1] if i else ""
        after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        if before in {".", "$", ":"} or after == ":":
            continue
        keyword = text.upper()
        if keyword in REFUSED_CLAUSES:
            two_words = (keyword, after.upper())
            clause = " ".join(two_words) if two_words in _TWO_WORD_CLAUSES else keyword
            reason = REFUSED_CLAUSES["DELETE" if clause == "DETACH DELETE" else keyword]
            raise WriteQueryError(f"{_READ_ONLY}: {clause} is {reason}", clause)
        if keyword == "CALL" and not _opens_subquery(tokens, i + 1):
            raise WriteQueryError(
                f"{_READ_ONLY}: CALL of a procedure is refused "
                "(only CALL { … } subqueries are allowed)",
                "CALL",
            )


def _significant_tokens(cypher: str) -> list[tuple[str, str]]:
    """The query's tokens without white space and comments."""
    tokens = []
    for match in _TOKEN.finditer(cypher):
        kind = match.lastgroup
        if kind in {"space", "comment"}:
            continue
        if kind == "other" and match.group() in {"'", '"', "`"}:
            raise ValueError(f"unterminated {match.group()} at offset {match.start()} in the query")
        if kind == "other" and cypher.startswith("/*", match.start()):
            raise ValueError(f"unterminated comment at offset {match.start()} in the query")
        tokens.append((kind, match.group()))
    return tokens


def _opens_subquery(tokens: list[tuple[str, str]], start: int) -> bool:
    """Whether the tokens from ``start`` are ``{`` or a variable scope ``( … ) {``."""
    if start < len(tokens) and tokens[start][1] == "{":
        return True
    if start < len(tokens) and tokens[start][1] == "(":
        for position in range(start + 1, len(tokens)):
            text = tokens[position][1]
            if text == ")":
                return position + 1 < len(tokens) and tokens[position + 1][1] == "{"
            if tokens[position][0] != "word" and text not in {",", "*"}:
                return False
    return False
