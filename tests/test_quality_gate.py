"""Quality floors on the shared corpora, set just under what we reach, so regressions fail.

Figures reached when the floors were set are in benchmarks/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from quality import SHARED, run_blurbs, run_extraction  # noqa: E402

pytestmark = pytest.mark.skipif(not (SHARED / "corpus").exists(), reason="shared corpus not present")


def test_scrapinghub_extraction_floor(tmp_path: Path) -> None:
    figures, output = run_extraction(SHARED, tmp_path)
    assert figures["f1"] >= 0.978, output
    assert figures["precision"] >= 0.975, output
    assert figures["empty"] == 0, output


@pytest.mark.parametrize(("corpus", "f1", "precision"), [("readability", 0.962, 0.980), ("dragnet", 0.854, 0.958)])
def test_wild_corpora_floor(tmp_path: Path, corpus: str, f1: float, precision: float) -> None:
    """Sites nobody here tuned for: every page gets a record, and the story is kept."""
    figures, output = run_extraction(SHARED, tmp_path, corpus)
    assert figures["f1"] >= f1, output
    assert figures["precision"] >= precision, output
    assert figures["pages"] == {"readability": 116, "dragnet": 1381}[corpus], output


def test_blurb_corpus_floor(tmp_path: Path) -> None:
    figures, output = run_blurbs(SHARED, tmp_path)
    assert figures["body_f1"] >= 0.98, output
    assert figures["blurb_f1"] >= 0.95, output
    assert figures["chrome_leaks"] == 0, output
    assert figures["title_acc"] == 1.0, output
    assert figures["publisher_acc"] >= 0.9 and figures["date_acc"] >= 0.9, output
    assert figures["blurb_source_acc"] >= 0.9, output
