"""Start ../shared/bench/serve.py on 127.0.0.1 over a generated corpus, and stop it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import SHARED

BENCH = SHARED / "bench"


def generate(out: Path, feeds: int, items: int, seed: int = 7) -> Path:
    if not (out / "manifest.json").exists():
        subprocess.run([sys.executable, str(BENCH / "gen_feeds.py"), "--out", str(out), "-n", str(feeds),
                        "-m", str(items), "--seed", str(seed)], check=True, capture_output=True)
    return out


@contextmanager
def serve(root: Path, latency_ms: int = 0) -> Iterator[str]:
    port_file = root.parent / f"port-{root.name}-{latency_ms}"
    port_file.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, str(BENCH / "serve.py"), "--root", str(root), "--port", "0",
                             "--port-file", str(port_file), "--latency-ms", str(latency_ms)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port_file.read_text().strip()}"
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def stats(base: str) -> dict:
    with urllib.request.urlopen(f"{base}/__stats") as response:
        return json.loads(response.read())


def reset(base: str) -> None:
    urllib.request.urlopen(f"{base}/__reset").read()


def feed_urls(root: Path, base: str) -> list[str]:
    template = (root / "urls.tmpl").read_text()
    return [line.replace("@@BASE@@", base).split()[0] for line in template.splitlines() if line.strip()]
