"""Word counts in scripts that write words together: reading times, the summary's length
rules and the cleaning rules all count words, and a Chinese or Thai story is not one word a
paragraph."""

from __future__ import annotations

import pytest

from newsreader.core.models import Document
from newsreader.core.pipeline import process_one
from newsreader.core.settings import SummarySettings
from newsreader.core.wordcount import count_words

THAI = ("กรุงเทพมหานครประกาศแผนการสร้างสะพานใหม่ข้ามแม่น้ำเจ้าพระยา "
        "โดยคาดว่าจะเริ่มก่อสร้างในปีหน้าและแล้วเสร็จภายในสามปี "
        "ผู้ว่าราชการกล่าวว่าโครงการนี้จะช่วยลดปัญหาการจราจรติดขัดในเขตเมืองชั้นในได้อย่างมาก")
CHINESE = "市政府星期一宣布，将在明年春天开始重建老人行桥。居民们在会上对这一决定表示欢迎，并说他们已经绕路多年。"


@pytest.mark.parametrize(("text", "low", "high"), [
    ("The council met on Monday.", 5, 5),
    (THAI, 30, 50),  # some 40 words in English
    (CHINESE, 20, 30),  # some 30 words in English
    ("Zoë’s café", 2, 2),
], ids=["english", "thai", "chinese", "accents"])
def test_words_are_counted_in_every_script(text: str, low: int, high: int) -> None:
    assert low <= count_words(text) <= high


@pytest.mark.parametrize("paragraph", [THAI, CHINESE], ids=["thai", "chinese"])
def test_a_story_without_spaces_gets_its_reading_time_and_summary(paragraph: str) -> None:
    body = "".join(f"<p>{paragraph}</p>" for _ in range(8))
    html = f"<html><head><meta charset='utf-8'><title>t</title></head><body><article>{body}</article></body></html>"
    outcome = process_one(Document("p.html", html.encode(), content_type="text/html"), SummarySettings())
    assert outcome.article is not None, outcome.error
    assert outcome.article.word_count >= 150  # not 8 or 24 "words"
    assert outcome.article.summary
