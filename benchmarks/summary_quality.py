"""ROUGE of our summarisers against Lead-3, the oracle and stock sumy, with the shared harness.

    python benchmarks/summary_quality.py [--limit N] [--growth 20,80,300,600] [--systems ...]

Runs ../shared/corpus/summaries/eval.py on SummEval (CNN/DailyMail, human highlights)
and BBC News Summary, with every algorithm as served by newsreader (offline
tokenizer, sentence caps) registered as a plugin next to the harness's own systems.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "summaries"

from newsreader.core.models import Block  # noqa: E402
from newsreader.core.settings import ALGORITHMS  # noqa: E402
from newsreader.core.summarise.algorithms import summarise  # noqa: E402


def _blocks(text: str) -> list[Block]:
    return [Block("paragraph", " ".join(p.split())) for p in text.split("\n\n") if p.strip()]


def make(algorithm: str):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[str]:
        return [s.text for s in summarise(_blocks(text), sentences=3, algorithm=algorithm, language="en")]

    run.__name__ = f"nr_{algorithm}"
    return run


for _name in ALGORITHMS:
    globals()[f"nr_{_name}"] = make(_name)


def main() -> None:
    sys.path.insert(0, str(SHARED))
    import eval as harness  # the shared harness: ROUGE with stemming, Lead-3, oracle, sumy

    args = sys.argv[1:]
    if "--systems" not in " ".join(args):
        args += ["--systems", "lead3,oracle,lexrank,textrank,lsa,luhn,kl,sumbasic,reduction,edmundson"]
    plugins: list[str] = []
    for name in ALGORITHMS:
        if name != "lead":
            plugins += ["--plugin", f"summary_quality:nr_{name}"]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    harness.main([str(SHARED / "summeval_cnndm.jsonl"), str(SHARED / "bbc_news_summary.jsonl"),
                  *plugins, *args])


if __name__ == "__main__":
    main()
