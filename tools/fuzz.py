"""A longer fuzz run of the property tests: text-dump reader, separator, feed mapping.

    python tools/fuzz.py [--examples 2000]

Prints, per target, how many cases hypothesis tried and whether any failed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_properties as props

TARGETS = {
    "text-dump reader": (props.DUMP, props.check_dump),
    "separator (HTML)": (props.HTML, props.check_html),
    "feed to items": (props.ITEMS, props.check_feed),
}


def _counted(check: Callable[[Any], None], counter: list[int]) -> Callable[[Any], None]:
    def run(value: Any) -> None:
        counter[0] += 1
        check(value)

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=2000)
    args = parser.parse_args()
    failed = 0
    for name, (strategy, check) in TARGETS.items():
        counter = [0]
        run = settings(max_examples=args.examples, deadline=None, database=None,
                       suppress_health_check=list(HealthCheck))(given(strategy)(_counted(check, counter)))
        started = time.perf_counter()
        try:
            run()
            result = "ok"
        except Exception as exc:  # report and go on to the next target
            failed += 1
            result = f"FAILED: {type(exc).__name__}: {str(exc).splitlines()[0]}"
        print(f"{name:<18} {counter[0]:>6} cases  {time.perf_counter() - started:6.1f} s  {result}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
