import datetime as dt

import pytest

from newsreader.core.extract.dates import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wire Service07-05-2024", dt.date(2024, 5, 7)),
        ("2023-12-01T08:00:00Z", dt.date(2023, 12, 1)),
        ("By A. Writer | June 3, 2022 | Updated 9 a.m.", dt.date(2022, 6, 3)),
        ("Tue 4 Mar 2025 10.00 GMT", dt.date(2025, 3, 4)),
        ("Published 28/02/2021", dt.date(2021, 2, 28)),
        ("12/31/2020", dt.date(2020, 12, 31)),
        ("5. Januar 2024, 16:42 Uhr", dt.date(2024, 1, 5)),
        ("3 de junio de 2023", dt.date(2023, 6, 3)),
        ("no date here", None),
        ("Source • 3 hrs", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected
