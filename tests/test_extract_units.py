"""Extraction and separation on small pages made here (not the corpus answers)."""

from newsreader.core.models import DecodedDocument
from newsreader.core.pipeline import extract_document

PARA = ("The harbour authority said on Tuesday that repairs to the northern pier would take "
        "until the spring, and that boats would use the southern berths in the meantime. ")


def html_page(body: str, head: str = "") -> DecodedDocument:
    html = f"<html><head><title>Pier repairs to last until spring | Bay Times</title>{head}</head><body>{body}</body></html>"
    return DecodedDocument("t", html, "html", url="https://bay.example/news/pier")


def test_story_blocks_and_related_section_become_blurbs() -> None:
    body = (
        "<article><h1>Pier repairs to last until spring</h1><p>By Ann Lee</p>"
        + "".join(f"<p>{PARA}Point {i}.</p>" for i in range(5))
        + "<h2>What happens next</h2><ul><li>Surveys in May</li><li>Works in June</li></ul>"
        + "<p class='plug'><strong>READ MORE:</strong> <a href='/a'>Ferry fares rise again this winter</a></p>"
        + f"<p>{PARA}</p></article>"
        + "<section><h3>You might also like</h3>"
        + "<div><a href='/b'><h4>Lighthouse keeper retires after 40 years</h4></a><p>He never missed a night.</p><span>2h ago</span></div>"
        + "<div><a href='/c'><h4>New cafe opens on the quay</h4></a><p>It serves fish soup all day.</p></div>"
        + "</section>"
    )
    article = extract_document(html_page(body))
    assert article.title == "Pier repairs to last until spring"
    kinds = [b.kind for b in article.blocks]
    assert "heading" in kinds and kinds.count("list_item") == 2
    assert all("By Ann Lee" not in b.text for b in article.blocks)
    titles = [b.title for b in article.blurbs]
    assert titles == ["Ferry fares rise again this winter", "Lighthouse keeper retires after 40 years",
                      "New cafe opens on the quay"]
    assert article.blurbs[1].text == "He never missed a night."
    assert article.blurbs[1].url == "https://bay.example/b"
    assert "Lighthouse" not in article.text and "READ MORE" not in article.text


def test_story_with_no_blurbs_gets_none_and_keeps_its_own_read_more() -> None:
    body = "<article>" + "".join(f"<p>{PARA}</p>" for i in range(3)) + (
        "<p>Read more, the mayor urged, about the plans before the meeting on Friday night.</p>"
        "<p>Related costs were not disclosed by the authority in its statement on Tuesday.</p></article>"
    )
    article = extract_document(html_page(body))
    assert article.blurbs == ()
    assert "Read more, the mayor urged" in article.text
    assert "Related costs were not disclosed" in article.text


def test_text_dump_aggregator_shape() -> None:
    dump = "\n".join([
        "menu", "Pier repairs to last until spring", "Pier repairs to last until spring",
        "Bay Times02-03-2024",
        *[f"{PARA}Point {i}." for i in (1, 2, 2, 3)],
        "Share", "Comments",
        "Related Articles",
        "Lighthouse keeper retires after 40 years", "Coast Weekly", "time5 hours ago",
        "  • Coast Weekly", "Lighthouse keeper retires after 40 years",
        "The keeper, who lit the lamp every night since 1984, will hand over to an automatic system next month.",
        "New cafe opens on the quay", "  • Harbour News · time1 day ago", "New cafe opens on the quay",
    ])
    article = extract_document(DecodedDocument("d", dump, "text"))
    assert article.title == "Pier repairs to last until spring"
    assert article.publisher == "Bay Times"
    assert str(article.published) == "2024-03-02"
    assert len(article.blocks) == 3  # a paragraph rendered twice is kept once
    assert [(b.title, b.publisher) for b in article.blurbs] == [
        ("Lighthouse keeper retires after 40 years", "Coast Weekly"),
        ("New cafe opens on the quay", "Harbour News"),
    ]
    assert article.blurbs[0].text.startswith("The keeper")


def test_page_wrapped_in_a_form_keeps_its_story_and_drops_the_comment_form() -> None:
    body = ("<form id='aspnet'><div class='txt'>" + "".join(f"<p>{PARA}Point {i}.</p>" for i in range(3)) + "</div>"
            + "<div class='reply'><h3>Leave a reply</h3><p>Your email address will not be published.</p>"
            + "<textarea></textarea><input type='submit' value='Post'></div></form>")
    article = extract_document(html_page(body))
    assert len(article.blocks) == 3
    assert "Leave a reply" not in article.text and "will not be published" not in article.text


def test_a_paragraph_that_gives_an_address_is_prose_and_a_tip_line_is_not() -> None:
    """A story's instructions may name an address, and a story may be about a messaging
    app; a short "send us a tip" line is a contact box."""
    instructions = ("For subscribers, the new issue is waiting in the reader area: go to Settings, enter "
                    "the address of your device there, and add delivery@bay.example to the list of "
                    "approved senders before the first of the month.")
    app = "WhatsApp, the messaging app, said on Tuesday that its harbour alerts had reached every boat owner."
    body = ("<article>" + "".join(f"<p>{PARA}Point {i}.</p>" for i in range(3))
            + f"<p>{app}</p><p>{instructions}</p><p>Got a tip? Write to news@bay.example.</p></article>")
    article = extract_document(html_page(body))
    assert app in article.text and instructions in article.text
    assert "Got a tip" not in article.text
