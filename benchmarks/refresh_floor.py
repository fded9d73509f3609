"""How close an all-304 refresh is to what Python can do: newsreader against two baselines.

    python benchmarks/refresh_floor.py [--feeds 200] [--latency 50] [--inflight 16] [--rounds 5]

On ../shared/bench's local news web (one host, every request delayed LATENCY ms), after
one cold refresh has stored every feed's ETag, each round times three processes that all
send the same 200 conditional GETs with INFLIGHT requests in flight:

- ``raw asyncio``: no HTTP library, 16 keep-alive sockets writing GET lines by hand;
- ``bare httpx``: the least an httpx program can be (one AsyncClient, a semaphore);
- ``newsreader refresh --feeds-only``: the whole command, store reads and writes included.

With INFLIGHT connections and LATENCY per request, ceil(feeds / inflight) * latency
is the wall time no client can beat; the rest is start-up, the HTTP stack and the loop.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"

RAW = r"""
import asyncio, sqlite3, sys
from urllib.parse import urlsplit
rows = sqlite3.connect(sys.argv[1]).execute("SELECT url, etag FROM feeds").fetchall()
async def main():
    queue = list(rows)
    async def worker():
        first = urlsplit(rows[0][0])
        reader, writer = await asyncio.open_connection(first.hostname, first.port)
        while queue:
            url, etag = queue.pop()
            part = urlsplit(url)
            writer.write(f"GET {part.path} HTTP/1.1\r\nHost: {part.netloc}\r\n"
                         f"If-None-Match: {etag}\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            assert head.split()[1] == b"304", head
        writer.close()
    await asyncio.gather(*(worker() for _ in range(int(sys.argv[2]))))
asyncio.run(main())
"""

BARE_HTTPX = r"""
import asyncio, sqlite3, sys
sys.modules["httpx._main"] = None  # no CLI (rich, click): the fair minimum
import httpx
rows = sqlite3.connect(sys.argv[1]).execute("SELECT url, etag FROM feeds").fetchall()
async def main():
    n = int(sys.argv[2])
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    slots = asyncio.Semaphore(n)  # without it httpx's pool queue is ~40% slower
    async with httpx.AsyncClient(limits=limits) as client:
        async def one(url, etag):
            async with slots:
                response = await client.get(url, headers={"If-None-Match": etag})
            assert response.status_code == 304, response
        await asyncio.gather(*(one(*row) for row in rows))
asyncio.run(main())
"""


def _timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--latency", type=int, default=50)
    parser.add_argument("--inflight", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    newsreader = str(Path(sys.executable).with_name("newsreader"))

    with tempfile.TemporaryDirectory(prefix="nr-floor-") as tmp:
        work = Path(tmp)
        data = work / "data"
        subprocess.run([sys.executable, str(BENCH / "gen_feeds.py"), "--out", str(data), "-n",
                        str(args.feeds), "-m", str(args.items), "--no-articles"],
                       check=True, capture_output=True)
        port_file = work / "port"
        server = subprocess.Popen(
            [sys.executable, str(BENCH / "serve.py"), "--root", str(data), "--port", "0",
             "--port-file", str(port_file), "--latency-ms", str(args.latency), "--preload"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not (port_file.exists() and port_file.read_text().strip()):
                time.sleep(0.05)
            base = f"http://127.0.0.1:{port_file.read_text().strip()}"
            opml = work / "feeds.opml"
            opml.write_text((data / "feeds.opml.tmpl").read_text().replace("@@BASE@@", base))
            db = work / "nr.db"
            env = {**os.environ, "NEWSREADER_DB": str(db), "HOME": str(work / "home"),
                   "XDG_CONFIG_HOME": str(work / "home" / ".config"),
                   "XDG_DATA_HOME": str(work / "home" / ".local" / "share")}
            subprocess.run([newsreader, "import-opml", str(opml)], check=True, env=env,
                           capture_output=True)
            refresh = [newsreader, "refresh", "--feeds-only", "--concurrency", str(args.inflight),
                       "--per-host", str(args.inflight)]
            subprocess.run(refresh, check=True, env=env, capture_output=True)  # cold: ETags stored
            systems = {
                "raw asyncio (no HTTP library)": [sys.executable, "-c", RAW, str(db), str(args.inflight)],
                "bare httpx": [sys.executable, "-c", BARE_HTTPX, str(db), str(args.inflight)],
                "newsreader refresh --feeds-only": refresh,
            }
            times: dict[str, list[float]] = {name: [] for name in systems}
            for _ in range(args.rounds):  # interleaved, so machine noise hits all three alike
                for name, cmd in systems.items():
                    times[name].append(_timed(cmd, env))
        finally:
            server.terminate()
            server.wait(timeout=10)

    floor = math.ceil(args.feeds / args.inflight) * args.latency / 1000
    raw = statistics.median(times["raw asyncio (no HTTP library)"])
    print(f"{args.feeds} feeds, all 304, {args.latency} ms per request, {args.inflight} in flight; "
          f"median of {args.rounds} rounds")
    print(f"network floor ceil({args.feeds}/{args.inflight}) x {args.latency} ms = {floor:.3f} s\n")
    print("| client | wall (median) | min | vs raw asyncio |")
    print("|---|---|---|---|")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| {name} | {median:.3f} s | {min(values):.3f} s | {median / raw:.2f}x |")


if __name__ == "__main__":
    main()
