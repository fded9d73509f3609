"""The lead-versus-centrality trade-off behind issue #6, on both shared summary sets.

    python benchmarks/summary_frontier.py

Scores 3-sentence summaries with the shared harness's ROUGE (rouge-score, stemming):
SummEval against its first human highlight and against the mean of all 11 human
summaries, BBC against its machine-made extractive reference.  The systems walk from
the lead to pure centrality:

- ``lead`` and ``news`` (our default, the shaped lead);
- ``centrality x position``: PageRank over word-overlap similarity (sumy's TextRank
  measure), times a prior 1/(i+1)^d; a smaller d trusts centrality more;
- ``central of first K``: the three most central of the first K sentences;
- ``lede + central``: the first sentence, then the two most central;
- ``textrank``: newsreader's TextRank (sumy), pure centrality.

Every point that gains on BBC loses on SummEval, and the reverse.
"""

from __future__ import annotations

import math
import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

from newsreader.core.summarise.algorithms import _terms, split_sentences, summarise

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "corpus" / "summaries"
sys.path.insert(0, str(SHARED))
sys.path.insert(0, str(HERE))

from summary_quality import _blocks  # noqa: E402

Picker = Callable[[list[str], np.ndarray], list[int]]


def _centrality(texts: list[str]) -> np.ndarray:
    """PageRank over sumy's TextRank similarity: shared terms / (log |a| + log |b|)."""
    bags = [set(_terms(t, "en")) for t in texts]
    n = len(texts)
    weights = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if len(bags[i]) > 1 and len(bags[j]) > 1:
                shared = len(bags[i] & bags[j]) / (math.log(len(bags[i])) + math.log(len(bags[j])))
                weights[i, j] = weights[j, i] = shared
    sums = weights.sum(axis=1)
    sums[sums == 0] = 1.0
    walk = weights / sums[:, None]
    rank = np.full(n, 1.0 / n)
    for _ in range(30):
        rank = 0.15 / n + 0.85 * walk.T @ rank
    return rank


def _prior(d: float) -> Picker:
    def pick(texts: list[str], central: np.ndarray) -> list[int]:
        score = np.log(central / central.mean() + 1e-9) - d * np.log(np.arange(len(texts)) + 1)
        return [int(i) for i in np.argsort(-score)[:3]]
    return pick


def _first_k(k: int) -> Picker:
    return lambda texts, central: [int(i) for i in np.argsort(-central[:k])[:3]]


def _lede_plus(texts: list[str], central: np.ndarray) -> list[int]:
    rest = [int(i) for i in np.argsort(-central) if i != 0]
    return [0, *rest[:2]]


def _ours(algorithm: str) -> Callable[[str], list[str]]:
    def run(text: str) -> list[str]:
        return [s.text for s in summarise(_blocks(text), sentences=3, algorithm=algorithm, language="en")]
    return run


def main() -> None:
    import eval as harness  # ROUGE exactly as the shared harness scores it

    sets = {name: harness.load_jsonl(SHARED / f"{name}.jsonl")
            for name in ("summeval_cnndm", "bbc_news_summary")}
    prepared = {}
    for name, docs in sets.items():
        rows = []
        for doc in docs:
            texts = [s.text for s in split_sentences(_blocks(doc["text"])) if not s.heading][:400]
            rows.append((doc, texts, _centrality(texts) if len(texts) > 3 else np.ones(len(texts))))
        prepared[name] = rows

    pickers: dict[str, Picker] = {
        "lead": lambda texts, central: [0, 1, 2],
        **{f"centrality x position, d={d}": _prior(d) for d in (2.0, 1.0, 0.5, 0.25)},
        **{f"central of first {k}": _first_k(k) for k in (4, 6, 8)},
        "lede + central": _lede_plus,
    }
    ours = {"news (default)": _ours("news"), "textrank (sumy)": _ours("textrank")}
    order = ["lead", "news (default)", *list(pickers)[1:], "textrank (sumy)"]
    print("| system | SummEval R-1/R-2/R-L (first ref) | SummEval (mean of 11 refs) | BBC |")
    print("|---|---|---|---|")
    for label in order:
        cells = []
        for name, refs in (("summeval_cnndm", "first"), ("summeval_cnndm", "mean"),
                           ("bbc_news_summary", "first")):
            scores = []
            for doc, texts, central in prepared[name]:
                if label in ours:
                    chosen = ours[label](doc["text"])
                elif len(texts) <= 3:
                    chosen = texts
                else:
                    chosen = [texts[i] for i in sorted(pickers[label](texts, central))]
                scores.append(harness.rouge(chosen, doc, refs))
            means = [100 * statistics.mean(s[m] for s in scores) for m in harness.METRICS]
            cells.append(" / ".join(f"{v:.2f}" for v in means))
        print(f"| {label} | {' | '.join(cells)} |", flush=True)


if __name__ == "__main__":
    main()
