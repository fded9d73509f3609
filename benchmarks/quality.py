"""Score `newsreader extract --format json` on the shared corpora with their own scorers.

    python benchmarks/quality.py [--shared ../shared] [--out benchmarks/out]

Prints the Scrapinghub benchmark (F1, precision, recall, accuracy) and the blurb
corpus (body F1, blurb F1, chrome leaks, title accuracy).  Also importable:
tests/test_quality_gate.py uses ``run_extraction`` and ``run_blurbs``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _extract(inputs: list[Path], extra: list[str] | None = None) -> list[dict]:
    cmd = [sys.executable, "-m", "newsreader", "extract", "--format", "json", "--no-summary",
           *(extra or []), *map(str, inputs)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if len(records) != len(inputs):
        raise RuntimeError(f"extract gave {len(records)} records for {len(inputs)} inputs: {done.stderr[-2000:]}")
    return records


def _last_line_figures(output: str) -> dict[str, float]:
    figures: dict[str, float] = {}
    for key, value in re.findall(r"(\w+)=([0-9.]+)", output.strip().splitlines()[-1]):
        figures[key] = float(value)
    return figures


EXTRACTION_CORPORA = {  # name: (folder under corpus/, pages folder in it)
    "scrapinghub": ("extraction", "scrapinghub"),
    "readability": ("wild", "readability"),
    "dragnet": ("wild", "dragnet"),
}


def run_extraction(shared: Path = SHARED, workdir: Path | None = None,
                   corpus_name: str = "scrapinghub") -> tuple[dict[str, float], str]:
    """One `extract` call over every page of a corpus, scored by the shared scorer."""
    folder, name = EXTRACTION_CORPORA[corpus_name]
    corpus = shared / "corpus" / folder
    scorer = shared / "corpus" / "extraction" / "score_extraction.py"
    pages = sorted((corpus / name / "html").glob("*.html.gz"))
    work = Path(workdir or tempfile.mkdtemp(prefix="nr-extract-"))
    work.mkdir(parents=True, exist_ok=True)
    html_dir = work / "html"
    html_dir.mkdir(exist_ok=True)
    inputs = []
    for page in pages:
        target = html_dir / page.name.removesuffix(".gz")
        if not target.exists():
            target.write_bytes(gzip.decompress(page.read_bytes()))
        inputs.append(target)
    records = _extract(inputs)
    pred = work / "pred.jsonl"
    with pred.open("w") as out:
        for path, record in zip(inputs, records, strict=True):
            out.write(json.dumps({"id": path.name.removesuffix(".html"), "text": record["text"]}) + "\n")
    done = subprocess.run(
        [sys.executable, str(scorer), str(pred), "--gt", str(corpus / name / "ground-truth.json"),
         "--per-page", str(work / "per_page.tsv")],
        capture_output=True, text=True, check=True,
    )
    return _parse_extraction(done.stdout), f"{corpus_name}:\n{done.stdout}"


def _parse_extraction(output: str) -> dict[str, float]:
    """Read the scorer's table: a header row, then one row per system."""
    lines = [ln.split() for ln in output.splitlines() if ln.strip()]
    header = next(ln for ln in lines if ln[0] == "system")
    row = next(ln for ln in lines if ln[0] == "pred")
    return {key.lower(): float(value) for key, value in zip(header[1:], row[1:], strict=False)}


def run_blurbs(shared: Path = SHARED, workdir: Path | None = None) -> tuple[dict[str, float], str]:
    corpus = shared / "corpus" / "blurbs"
    cases = sorted(p for p in (corpus / "cases").iterdir() if p.is_dir())
    inputs = [next(p for p in case.iterdir() if p.name.startswith("page.")) for case in cases]
    records = _extract(inputs)
    work = Path(workdir or tempfile.mkdtemp(prefix="nr-blurbs-"))
    work.mkdir(parents=True, exist_ok=True)
    pred = work / "blurbs.jsonl"
    with pred.open("w") as out:
        for case, record in zip(cases, records, strict=True):
            out.write(json.dumps({
                "case": case.name, "title": record["title"] or "", "text": record["text"],
                "blurbs": record["blurbs"], "source": record["publisher"],
                "published": record["published"],
            }) + "\n")
    done = subprocess.run(
        [sys.executable, str(corpus / "score_blurbs.py"), str(corpus / "cases"), str(pred), "--split", "all"],
        capture_output=True, text=True, check=True,
    )
    figures = _last_line_figures(done.stdout)
    extra = _metadata_accuracy(cases, records)
    figures.update(extra)
    line = " ".join(f"{k}={v:.4f}" for k, v in extra.items())
    return figures, done.stdout + f"metadata (not in the shared scorer): {line}\n"


def _metadata_accuracy(cases: list[Path], records: list[dict]) -> dict[str, float]:
    """Publisher, date and blurb-source accuracy against each case's truth.json."""
    publisher = date = sources = source_total = 0
    for case, record in zip(cases, records, strict=True):
        truth = json.loads((case / "truth.json").read_text())
        publisher += record["publisher"] == truth.get("source")
        date += record["published"] == truth.get("published")
        ours = {b["title"]: b["publisher"] for b in record["blurbs"]}
        for blurb in truth.get("blurbs", []):
            source_total += 1
            sources += ours.get(blurb["title"], "missing") == blurb.get("source")
    n = len(cases) or 1
    return {"publisher_acc": publisher / n, "date_acc": date / n,
            "blurb_source_acc": sources / (source_total or 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args()
    for corpus_name in EXTRACTION_CORPORA:
        _, output = run_extraction(args.shared, args.out / corpus_name, corpus_name)
        print(output)
    _, output = run_blurbs(args.shared, args.out / "blurbs")
    print(output)


if __name__ == "__main__":
    main()
