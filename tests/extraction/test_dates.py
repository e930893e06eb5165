"""Publication dates: which of the page's dates wins (hand-written pages)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

from newscrawler.extraction.dates import extract_published_at
from newscrawler.extraction.datetext import labelled_date
from newscrawler.extraction.document import parse_document

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def published(head: str, body: str, url: str = "https://example.com/news/story") -> str | None:
    doc = parse_document(f"<html><head>{head}</head><body>{body}</body></html>", url)
    return extract_published_at(doc, NOW)


def test_a_shown_date_days_off_a_declaration_never_modified_is_another_date() -> None:
    head = (
        '<meta property="article:published_time" content="2020-02-04T13:15:10+00:00">'
        '<meta property="article:modified_time" content="2020-02-04T13:15:10+00:00">'
    )
    body = "<h1>Speeding police</h1><p>Hearing of 24.01.2020 in the district court.</p>"
    assert published(head, body) == "2020-02-04T13:15:10+00:00"


def test_a_shown_date_one_day_off_a_declaration_wins() -> None:
    # One day apart is a time zone: the day readers saw is the newsroom's own.
    head = (
        '<meta property="article:published_time" content="2019-12-31T23:30:00+00:00">'
        '<meta property="article:modified_time" content="2019-12-31T23:30:00+00:00">'
    )
    body = "<h1>New year</h1><p>1. Januar 2020</p>"
    assert published(head, body) == "2020-01-01"


def test_a_shown_date_wins_over_a_declaration_that_was_modified() -> None:
    head = (
        '<meta property="article:published_time" content="2019-06-17T10:00:00+00:00">'
        '<meta property="article:modified_time" content="2020-06-04T10:00:00+00:00">'
    )
    body = "<h1>Docker packaging</h1><p>Last updated 04.06.2020</p>"
    assert published(head, body) == "2020-06-04"


def test_a_utc_stamp_one_day_off_the_url_day_takes_the_url_day() -> None:
    head = '<meta property="article:published_time" content="2023-11-09T05:30:59+00:00">'
    url = "https://example.com/2023/11/08/mayor-elected/"
    assert published(head, "<p>Text</p>", url) == "2023-11-08"
    # A stamp in the newsroom's own offset keeps its day.
    head = '<meta property="article:published_time" content="2022-05-07T13:43:46-05:00">'
    url = "https://example.com/2022/05/06/match/"
    assert published(head, "<p>Text</p>", url) == "2022-05-07T13:43:46-05:00"


# The date shown beside the headline: where it is looked for and which dates it is not.
def test_a_byline_nested_deep_beside_the_headline_is_found() -> None:
    indent = " " * 800  # templates indent with blanks: they are no text a reader sees
    header = f"<div><div><div><div><div><h1>Council votes</h1></div></div>{indent}</div></div></div>"
    body = f"{header}<div><div><span>By Ann Lee</span>{indent}<span>17.02.2022</span></div></div>"
    head = '<meta property="article:published_time" content="2022-02-09T10:00:00+01:00">'
    assert published(head, body) == "2022-02-17"


def test_the_headline_is_the_heading_that_is_the_declared_title_not_the_logo() -> None:
    head = '<meta property="og:title" content="Cold wave alert | Example News">'
    body = (
        "<h1>Example News</h1><ul><li>Music lineup 2023-11-03</li></ul>"
        "<h2>Cold wave alert</h2><p>Written: 2023-11-07 15:03</p>"
    )
    assert published(head, body) == "2023-11-07"


def test_a_date_inside_a_sentence_of_the_story_is_not_the_byline() -> None:
    head = '<meta property="article:published_time" content="2021-10-20T10:24:00+02:00">'
    body = (
        "<h1>Training centre opened</h1><p>In front of many guests the centre was opened "
        "on 18 October 2021 at the mountain by the minister.</p>"
    )
    assert published(head, body) == "2021-10-20T10:24:00+02:00"


def test_a_wordy_byline_with_a_time_is_no_sentence() -> None:
    body = "<h1>Budget passed</h1><p>Published by John Smith on March 3, 2021 at 10:00 am in Politics</p>"
    assert published("", body) == "2021-03-03"


def test_a_dateline_opening_a_paragraph_is_the_byline() -> None:
    sentence = "Traditionally the churches remember their dead on this Sunday in many ways. " * 3
    body = f"<h1>Mourning online</h1><p>Karlsruhe, (12.11.2021). {sentence}</p>"
    assert published("", body) == "2021-11-12"


def test_the_last_day_of_a_range_is_an_event_not_the_byline() -> None:
    head = '<meta property="article:published_time" content="2017-07-24T18:55:00+02:00">'
    body = "<h1>Hackathon</h1><p>Camp 23.-26.8.2017</p>"
    assert published(head, body) == "2017-07-24T18:55:00+02:00"


def test_a_members_registration_date_is_not_the_post_date() -> None:
    body = (
        "<h2>What is free software</h2><dl><dt>Registriert:</dt><dd>18.09.2008, 05:56</dd></dl>"
        "<p>Beitrag von r23 » 21.01.2009, 05:42</p>"
    )
    assert published("<title>What is free software - Forum</title>", body) == "2009-01-21"


def test_a_kicker_above_the_headline_when_nothing_follows_it() -> None:
    body = (
        "<p>Menu</p><div><span>Judicial</span> <span>6 May 2022 - 2:00</span></div>"
        "<h1>Operation Orion</h1><p>The court opens three cases.</p>"
    )
    assert published("", body) == "2022-05-06"


def test_a_date_labelled_as_published_far_below_the_headline() -> None:
    # Nothing near the headline, nothing declared but the modification: the label says it.
    head = '<meta name="last-modified" content="2022-01-27T18:34:20+0100">'
    prose = "<p>The forum on rural life opened with many guests from the regions.</p>" * 12
    body = f"<h1>Rural forum</h1>{prose}<footer><dl><dt>Erschienen am</dt><dd>26. Jan 2022</dd></dl></footer>"
    assert published(head, body) == "2022-01-26"


def test_a_label_far_from_a_date_does_not_label_it() -> None:
    doc = parse_document(
        "<html><body><p>Published by the association of friends of the city museum, 3 May 2020</p>"
        "</body></html>",
        "https://example.com/about",
    )
    assert labelled_date(doc.tree) is None


def test_the_headline_inside_the_article_not_a_sticky_header_repeating_it() -> None:
    head = '<meta property="og:title" content="The impeachment clock">'
    body = (
        "<header><h1>The impeachment clock</h1></header><span>Nov. 20, 2019</span>"
        "<main><article><h1>The impeachment clock</h1><p>November 19, 2019 6:30 AM</p></article></main>"
    )
    assert published(head, body) == "2019-11-19"


def test_a_photo_caption_dates_the_photo_not_the_article() -> None:
    head = '<meta property="article:published_time" content="2019-11-19T21:57:01Z">'
    body = (
        "<h1>Oil drifts lower</h1><figure><figcaption>Traders on the floor in New York, "
        "November 18, 2019. REUTERS/Photographer</figcaption></figure><p>Oil prices fell.</p>"
    )
    assert published(head, body) == "2019-11-19T21:57:01+00:00"


# The last resort, when nothing is declared, labelled or shown by the headline: a date
# written whole in the URL, else the first date standing alone in a line (no dateparser).
PROSE = "<p>The association met again in the hall to talk about the coming season.</p>" * 12


def test_a_date_stamp_alone_in_its_line_far_below_the_headline() -> None:
    body = f"<h1>Season opening</h1>{PROSE}<div class='meta'>01.02.2022</div>"
    assert published("", body) == "2022-02-01"


def test_the_first_date_stamp_wins_not_the_oldest() -> None:
    # The story's stamp comes before the list of older stories below it.
    body = (
        f"<h1>Season opening</h1>{PROSE}<p>Hamburg, den 15. August 2016</p>"
        "<ul><li><a href='/a'>Cup final</a></li><li>13.07.2016</li><li>26.05.2016</li></ul>"
    )
    assert published("", body) == "2016-08-15"


def test_a_date_among_many_words_is_no_stamp() -> None:
    # A citation dates the paper it cites; the stamp under it dates the article.
    body = (
        f"<h1>Helium nuclei</h1>{PROSE}<p>Science, Vol. 371, Issue 6526, pp. 260, 15. Januar 2021, "
        "DOI 10.1126/science.abe4688</p><p>17.01.2021.</p>"
    )
    assert published("", body) == "2021-01-17"


def test_a_stamp_labelled_as_a_registration_is_skipped() -> None:
    body = f"<h1>Season opening</h1>{PROSE}<p>Registriert: 18.09.2008</p><p>21.01.2009</p>"
    assert published("", body) == "2009-01-21"


def test_a_day_first_date_in_the_url_path() -> None:
    url = "https://example.org/media-news/meldungen/29-10-2021"
    assert published("", f"<h1>Burglary day</h1>{PROSE}<p>06.04.2020</p>", url) == "2021-10-29"


def test_a_page_without_any_date_has_none() -> None:
    assert published("", f"<h1>About us</h1>{PROSE}<p>Call 0800 123 456 today</p>") is None


def test_a_russian_date_under_the_headline() -> None:
    body = "<h1>Подольски завершил карьеру в сборной</h1><p>15 августа 2016, 13:43</p>"
    assert published("", body) == "2016-08-15"


def test_the_date_fallback_never_loads_dateparser() -> None:
    # A date no pattern of ours reads ("26 | 01 | 2022"): htmldate's extensive search sent
    # it to dateparser, which loads every locale, ~30 MB in each worker process.
    page = "<html><body><h1>Pike</h1><p>26 | 01 | 2022</p></body></html>"
    code = (
        "import sys\n"
        "from newscrawler.extraction import extract_article\n"
        f"extract_article({page!r}, 'https://example.org/pike')\n"
        "print('dateparser' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
