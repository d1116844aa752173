"""The benchmarks (bench/, run by hand: `.venv/bin/python bench/run.py`) are not run here, but
they must stay importable, and what they report must be well formed."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(autouse=True)
def bench_on_path(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    yield
    for name in [n for n, m in sys.modules.items()
                 if getattr(m, "__file__", None) and str(BENCH) in str(m.__file__)]:
        del sys.modules[name]


def test_every_benchmark_imports_and_has_run():
    run = importlib.import_module("run")
    for name in run.BENCHES:
        module = importlib.import_module(run.MODULES.get(name, name))
        assert callable(module.run), name


def test_a_result_line_and_the_readme_block():
    common = importlib.import_module("common")
    run = importlib.import_module("run")
    r = common.Result("start-up, empty database", 110.0, "ms", 100.0, True, "<= 1.2 x hello")
    assert abs(r.ratio - 1.1) < 1e-9 and "ok" in r.line()
    over = common.Result("x", 2.0, "ms", 1.0, False, "<= 1.1")
    block = run.markdown([r, over], 8.5, "2026-11-24 03:00 UTC", ["--runs", "5"])
    assert block.startswith(run.BEGIN) and block.endswith(run.END)
    assert "| start-up, empty database | 110.0 ms | 100.0 ms | 1.10 |" in block
    assert "**over**" in block and "bench/run.py --runs 5" in block


def test_the_readme_has_the_markers_run_writes_between():
    run = importlib.import_module("run")
    text = (BENCH.parent / "README.md").read_text(encoding="utf-8")
    assert text.count(run.BEGIN) == 1 and text.count(run.END) == 1
