"""The ingest benchmark runs end to end on a tiny corpus (the full 20 MB run is not part of the tests)."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "ingest_throughput.py"


@pytest.fixture(scope="module")
def benchmark():
    spec = importlib.util.spec_from_file_location("ingest_throughput", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_given_a_size_the_corpus_is_that_many_distinct_varied_documents(benchmark, tmp_path):
    files = benchmark.build_corpus(tmp_path, 0.1)
    texts = [p.read_text(encoding="utf-8") for p in files]
    assert sum(len(t.encode()) for t in texts) >= 0.1 * benchmark.MB
    assert len(set(texts)) == len(texts) > len(list(benchmark.SAMPLES.glob("*.txt")))
    copies_of_first = [t for p, t in zip(files, texts) if p.name.endswith(files[0].name[6:])]
    assert len({t.split("\n", 2)[2] for t in copies_of_first}) > 1  # more than the case number differs


def test_the_quick_run_prints_throughput_per_core_and_the_ratio_to_a_regex_pass():
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), "--quick"], capture_output=True, text=True, timeout=60, check=True
    )
    assert "MB/s per core" in done.stdout
    assert "compiled-regex pass" in done.stdout
    assert "cores" in done.stdout.splitlines()[0]
