"""Ingest: files in, the store's graph updated, a summary out.

The one entry point the command line, the app and the tests share. A
document already in the store with the same content hash is skipped; a
changed one replaces what its old version contributed. A file that cannot be
read (or extracted) is reported with a one-line reason and contributes
nothing, while the rest of the batch goes in; the store is written once, at
the end, so it never holds half a batch.
"""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from graph.model import Graph
from loaders.extract import ExtractionSettings, extract
from loaders.readers import DEFAULT_MAX_BYTES, UnreadableDocument, discover, read_document
from loaders.registry import DEFAULT_REGISTRY_DIR, Registry, load_registries

if TYPE_CHECKING:
    from graph.store import Store


@dataclass
class FileOutcome:
    path: Path
    #: "added", "replaced", "unchanged" or "failed"
    status: str
    reason: str = ""
    nodes: int = 0
    relations: int = 0


@dataclass
class IngestSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)
    nodes: int = 0
    relations: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def lines(self) -> list[str]:
        """The closing summary: counts, then one line per failed file with its reason."""
        counts = {s: sum(o.status == s for o in self.outcomes) for s in ("added", "replaced", "unchanged", "failed")}
        out = [
            f"{len(self.outcomes)} files: {counts['added']} added, {counts['replaced']} replaced, "
            f"{counts['unchanged']} unchanged, {counts['failed']} failed ({self.seconds:.1f} s)",
            f"store now holds {self.nodes} nodes and {self.relations} relations",
        ]
        out += [f"FAILED {o.path}: {o.reason}" for o in self.failed]
        return out


@dataclass(frozen=True)
class _Extracted:
    path: Path
    name: str = ""
    content_hash: str = ""
    graph: Graph | None = None
    reason: str = ""


def default_settings(
    registry_dir: Path = DEFAULT_REGISTRY_DIR, disabled: Iterable[str] = ()
) -> ExtractionSettings:
    return ExtractionSettings(tuple(load_registries(registry_dir)), frozenset(disabled))


def ingest(
    paths: Iterable[Path],
    store: Store,
    settings: ExtractionSettings | None = None,
    *,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file: Callable[[Path], None] | None = None,
) -> IngestSummary:
    """Read, extract and merge ``paths`` (files or folders) into ``store``."""
    started = time.perf_counter()
    settings = settings or default_settings()
    files = discover(Path(p) for p in paths)
    graph = store.read_graph()
    known = graph.documents()
    summary = IngestSummary()
    changed = False
    for item in _extract_all(files, settings, max_bytes, workers, frozenset(known.values())):
        if on_file:
            on_file(item.path)
        if item.graph is None:
            summary.outcomes.append(FileOutcome(item.path, "failed", item.reason))
            continue
        same_content = [n for n, h in known.items() if h == item.content_hash]
        if same_content:  # nothing to do: the store has this very content
            note = "" if item.name in same_content else f"same content as {same_content[0]}"
            summary.outcomes.append(FileOutcome(item.path, "unchanged", note))
            continue
        status = "replaced" if item.name in known else "added"
        if status == "replaced":
            graph.remove_document(item.name)
        graph.merge(item.graph)
        known[item.name] = item.content_hash
        changed = True
        summary.outcomes.append(
            FileOutcome(item.path, status, nodes=len(item.graph.nodes) - 1, relations=len(item.graph.relations))
        )
    if changed:
        refresh_registry_relations(graph, settings.registries)
        store.write_graph(graph)
    summary.nodes, summary.relations = len(graph.nodes), len(graph.relations)
    summary.seconds = time.perf_counter() - started
    return summary


def refresh_registry_relations(graph: Graph, registries: Iterable[Registry]) -> None:
    """Registry relations hold between the registry entities the documents mention, and only those."""
    for key in [k for k, r in graph.relations.items() if r.sources and not r.evidence]:
        del graph.relations[key]
    for registry in registries:
        for relation in registry.relations_among(graph):
            graph.add_relation(relation)


def _extract_all(
    files: list[Path], settings: ExtractionSettings, max_bytes: int, workers: int, known_hashes: frozenset[str]
) -> Iterator[_Extracted]:
    """Each file read and extracted, in the order of ``files`` (merging in another order could name a node otherwise).

    Worker processes get the settings once, when they start, and then only file paths, in chunks
    of a few files, so what goes between the processes is little more than the graphs that come back.
    """
    job = _Job(settings, max_bytes, known_hashes)
    if workers <= 1 or len(files) < 2:
        yield from map(job, files)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(job,)) as pool:
        yield from pool.map(_run_in_worker, files, chunksize=max(1, len(files) // (workers * 8)))


@dataclass(frozen=True)
class _Job:
    """Read and extract one file; a document the store already holds is only read, not extracted."""

    settings: ExtractionSettings
    max_bytes: int
    known_hashes: frozenset[str]

    def __call__(self, path: Path) -> _Extracted:
        try:
            document = read_document(path, self.max_bytes)
        except UnreadableDocument as exc:
            return _Extracted(path, reason=exc.reason)
        if document.content_hash in self.known_hashes:
            return _Extracted(path, document.name, document.content_hash, Graph())
        try:
            graph = extract(document, self.settings)
        except Exception as exc:  # an extractor bug must not cost the rest of the batch
            return _Extracted(path, reason=f"extraction failed: {type(exc).__name__}: {exc}")
        return _Extracted(path, document.name, document.content_hash, graph)


#: The job of this worker process, set once when it starts.
_job_in_this_worker: _Job | None = None


def _start_worker(job: _Job) -> None:
    global _job_in_this_worker
    _job_in_this_worker = job


def _run_in_worker(path: Path) -> _Extracted:
    assert _job_in_this_worker is not None, "a worker process runs its job only after _start_worker"
    return _job_in_this_worker(path)
