from newsreader.core.sanitize import clean_line, normalise_text, strip_escapes


def test_ansi_osc_and_controls_are_stripped() -> None:
    hostile = "a\x1b[31mred\x1b[0m b\x1b]0;title\x07c \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ d\x07\x08e\x9b2J"
    assert strip_escapes(hostile) == "ared bc link de"


def test_bidi_and_zero_width_removed_markup_kept() -> None:
    text = "[bold]x[/bold] \u202eevil\u202c zero\u200bwidth"
    assert strip_escapes(text) == "[bold]x[/bold] evil zerowidth"


def test_newlines_survive_normalise_but_not_clean_line() -> None:
    assert normalise_text("a\r\nb\u00a0c") == "a\nb c"
    assert clean_line("  a \n b\t c ") == "a b c"
