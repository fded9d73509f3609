"""The headless commands, run for real in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import STORY_HTML, STORY_TITLE, page, respond

KEYS = {"input", "url", "title", "publisher", "byline", "published", "language", "kind", "text",
        "blurbs", "summary", "error"}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsreader", *args], input=stdin.decode() if stdin else None,
        capture_output=True, text=True, timeout=120,
    )


def records(done: subprocess.CompletedProcess[str]) -> list[dict]:
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_extract_json_contract_on_corpus_pages() -> None:
    html, txt = page(STORY_HTML), page("en-aggregator-trending.txt")
    done = run("extract", "--format", "json", str(html), str(txt))
    assert done.returncode == 0, done.stderr
    out = records(done)
    assert [r["input"] for r in out] == [str(html), str(txt)]
    for record in out:
        assert set(record) == KEYS
        assert record["error"] is None and record["title"] and record["blurbs"]
        assert record["published"] is None or len(record["published"]) == 10
        # a summary for a story of 150 words or more, none for a shorter one
        assert bool(record["summary"]) == (len(record["text"].split()) >= 150)
        assert all(s in record["text"] for s in record["summary"])
        assert "\n\n" in record["text"]
        assert all(set(b) == {"title", "text", "publisher", "url"} for b in record["blurbs"])


def test_one_bad_input_gets_an_error_record_and_exit_1(tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02" * 500)
    good = page("en-herons-no-blurbs.txt")
    done = run("extract", "--format", "json", str(tmp_path / "missing.html"), str(binary), str(good))
    assert done.returncode == 1
    out = records(done)
    assert out[0]["error"].endswith("no such file")
    assert "not a text document" in out[1]["error"]
    assert out[2]["error"] is None and out[2]["blurbs"] == []
    assert "Traceback" not in done.stderr


def test_stdin_and_text_format() -> None:
    body = page(STORY_HTML).read_bytes()  # long enough for a summary
    done = run("extract", "--format", "text", "-", stdin=body)
    assert done.returncode == 0, done.stderr
    assert "Summary" in done.stdout and "Blurbs" in done.stdout


def test_summarise_command(tmp_path: Path) -> None:
    done = run("summarise", "--format", "json", "--sentences", "2", "--algorithm", "lexrank",
               str(page(STORY_HTML)))
    (record,) = records(done)
    assert set(record) == {"input", "summary", "error"} and len(record["summary"]) == 2


def test_url_inputs_from_a_local_server(local_server) -> None:
    base, routes = local_server
    routes["/story"] = respond(page(STORY_HTML).read_bytes())
    routes["/moved"] = respond(b"", status=301, headers={"Location": "/story"})
    routes["/loop"] = respond(b"", status=302, headers={"Location": "/loop"})
    routes["/gone"] = respond(b"gone", status=410)
    routes["/latin"] = respond(b"<html><body>" + ("<p>Caf\xe9 cr\xe8me br\xfbl\xe9e is on the menu again this week, the owner said. " * 5 + "</p>").encode("cp1252") * 3 + b"</body></html>", content_type="text/html")
    done = run("extract", "--format", "json", "--no-summary", f"{base}/story", f"{base}/moved",
               f"{base}/loop", f"{base}/gone", f"{base}/latin")
    out = records(done)
    assert done.returncode == 1
    assert out[0]["error"] is None and out[0]["title"] == STORY_TITLE
    assert out[1]["url"] and out[1]["error"] is None
    assert "redirect" in out[2]["error"]
    assert "HTTP 410" in out[3]["error"]
    assert "Café crème brûlée" in out[4]["text"]


def test_bad_config_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "c.toml"
    bad.write_text("[summary\n")
    done = run("--config", str(bad), "extract", str(page("en-herons-no-blurbs.txt")))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "config" in done.stderr


def test_addresses_a_user_pastes(tmp_path: Path) -> None:
    """A browser's file:// address is read as the file; another scheme, a web address typed
    without one, or an empty argument gets a line that says what to do; a file named with a
    colon is a file."""
    saved = tmp_path / "saved page.html"
    saved.write_bytes(page(STORY_HTML).read_bytes())
    colon = tmp_path / "notes:2024.txt"
    colon.write_text("The harbour ferry keeps its winter timetable after a council vote on Tuesday evening.")
    done = run("extract", "--format", "json", saved.as_uri(), "ftp://example.org/story.html",
               "www.example.org/story", str(colon), "")
    assert done.returncode == 1
    out = records(done)
    assert out[0]["error"] is None and out[0]["title"] == STORY_TITLE
    assert out[1]["error"] == "ftp://example.org/story.html: cannot read ftp: addresses (http, https and files only)"
    assert out[2]["error"] == ("www.example.org/story: no such file "
                               "(for a web page, give its full address: https://www.example.org/story)")
    assert out[3]["error"] is None and "winter timetable" in out[3]["text"]
    # (an empty argument, a shell variable never set, was read as the current folder)
    assert out[4]["error"] == "an empty input: give a file, an address, or - for standard input"
    plain = run("extract", "")
    assert plain.returncode == 1
    assert plain.stderr.splitlines() == ["newsreader: an empty input: give a file, an address, or - for standard input"]


def test_an_error_line_names_its_input_once_and_carries_no_escape(tmp_path: Path) -> None:
    """A file name is untrusted text: its escapes never reach the terminal."""
    odd = tmp_path / "\x1b[31mred.bin"
    odd.write_bytes(b"\x00\x01\x02" * 600)
    done = run("extract", str(odd), str(tmp_path / "missing.txt"))
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines == [f"newsreader: {tmp_path}/red.bin: not a text document (binary content)",
                     f"newsreader: {tmp_path}/missing.txt: no such file"]


def test_a_file_name_the_system_refuses_is_one_record_in_a_batch(tmp_path: Path) -> None:
    """A name too long for the file system stopped the whole batch with "internal error"."""
    good = page("en-herons-no-blurbs.txt")
    done = run("extract", "--format", "json", "n" * 5000, str(good))
    assert done.returncode == 1, done.stderr
    out = records(done)
    assert "File name too long" in out[0]["error"] and out[1]["error"] is None
