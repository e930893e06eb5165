"""Article text the body once lost (issue 16), pinned on hand-written news pages.

Each page has the chrome of a real news site around its article (a menu, a byline, a
"Related articles" block of same-site teasers, a footer), so the body must keep every
paragraph of the article and none of the rest. Each test failed before the fix it pins.
The fourth class of issue 16, a UTF-8 page declaring a legacy charset, is tested in
``tests/test_encoding.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from newscrawler.extraction import extract_article

SITE = "https://www.riversidecourier.com"
MENU = ("Local news", "Business", "Sport", "Culture", "Weekend", "Obituaries")
TEASERS = (
    (
        "news/2024/03/08/mill-road-bridge-repairs-delayed",
        "Repairs to the Mill Road bridge pushed back to summer",
    ),
    (
        "business/2024/03/05/bakery-chain-opens-fourth-shop",
        "Bakery chain opens its fourth shop on the high street",
    ),
    (
        "sport/2024/03/02/rowing-club-wins-regional-title",
        "Rowing club wins the regional title after twenty years",
    ),
    ("news/2024/02/27/library-extends-opening-hours", "Central library extends its opening hours on Sundays"),
)


def news_page(title: str, article: str) -> str:
    """A whole page of the site around ``article`` (the markup inside the story's text column)."""
    menu = "".join(f'<li><a href="/{label.lower().replace(" ", "-")}/">{label}</a></li>' for label in MENU)
    teasers = "".join(
        f'<li class="teaser"><a href="{SITE}/{path}"><img src="/img/{n}.jpg" alt="">'
        f"<h3>{headline}</h3></a></li>"
        for n, (path, headline) in enumerate(TEASERS)
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | The Riverside Courier'
        "</title></head><body>"
        f'<header class="site-header"><a class="logo" href="/">The Riverside Courier</a>'
        f'<nav class="main-nav"><ul>{menu}</ul></nav></header>'
        '<main><article class="story">'
        f"<h1>{title}</h1>"
        '<p class="byline">By <a href="/authors/hannah-pike/">Hannah Pike</a>, '
        '<time datetime="2024-03-12T07:45:00+00:00">12 March 2024</time></p>'
        f'<div class="story__body">{article}</div>'
        "</article>"
        f'<section class="related-articles"><h2>Related articles</h2><ul>{teasers}</ul></section>'
        "</main>"
        '<footer class="site-footer"><p>© 2024 The Riverside Courier Ltd. All rights reserved.</p>'
        '<a href="/imprint/">Imprint</a> <a href="/privacy/">Privacy</a> <a href="/contact/">Contact us</a>'
        "</footer></body></html>"
    )


def extract(slug: str, title: str, article: str) -> dict[str, Any]:
    return extract_article(news_page(title, article), f"{SITE}/{slug}")


def paragraphs(texts: Iterable[str], **attributes: str) -> str:
    attrs = "".join(f' {name}="{value}"' for name, value in attributes.items())
    return "".join(f"<p{attrs}>{text}</p>" for text in texts)


def assert_no_chrome(body: str) -> None:
    for _, headline in TEASERS:
        assert headline not in body
    assert "Obituaries" not in body
    assert "All rights reserved" not in body


# 1. A buying guide: the article is a list of products, each with its shop links.

PRODUCTS = (
    (
        "Tornado Cyclone X5",
        "Tornado-Cyclone-X5-Cordless-Vacuum/dp/B0CX5T0R4D",
        "The Cyclone X5 ran for fifty-two minutes on one charge in our test flat and picked up "
        "more sand from the hall carpet than any other machine we tried this spring.",
        329,
    ),
    (
        "Brightline Aero 300",
        "Brightline-Aero-300-Cordless-Vacuum/dp/B0BR1GHT30",
        "The Aero 300 weighs barely two kilograms, which makes it the one to choose for stairs, "
        "although its small dust bin had to be emptied twice in every room.",
        249,
    ),
    (
        "Hausmann Silent Pro 8",
        "Hausmann-Silent-Pro-8-Akku-Staubsauger/dp/B09H4USM8P",
        "Hausmann's Silent Pro 8 is the quietest model here by a wide margin, quiet enough to "
        "clean the nursery while a toddler naps in the very next room.",
        379,
    ),
    (
        "Keller Vortex Lite",
        "Keller-Vortex-Lite-Cordless-Vacuum/dp/B0KVL1TE22",
        "The Vortex Lite costs half as much as our winner and still cleaned hard floors well, "
        "though pet hair wound itself around its brush roll within a week.",
        159,
    ),
)


def _product(name: str, amazon_path: str, review: str, price: int) -> str:
    # Each shop line carries its price as plain text, as deals posts do: a list of bare
    # links under 100 characters is dropped by trafilatura's own link-density test,
    # with or without our related blocks.
    slug = name.lower().replace(" ", "-")
    return (
        f"<h2>{name}</h2><p>{review}</p><ul>"
        f'<li><a href="https://www.amazon.de/{amazon_path}">{name} cordless vacuum</a> '
        f"for €{price} at Amazon (list price €{price + 120})</li>"
        f'<li><a href="https://www.haushaltswelt.de/p/{slug}-akkusauger-48213">{name} cordless vacuum</a> '
        f"for €{price + 15} at Haushaltswelt, free delivery</li></ul>"
    )


BUYING_GUIDE = (
    "<p>We spent six weeks vacuuming the same three-room flat with eleven cordless cleaners to "
    "find out which ones are worth the money and which ones give up halfway through the hallway.</p>"
    + "".join(_product(*product) for product in PRODUCTS)
    + "<h2>How we tested</h2>"
    "<p>Every cleaner vacuumed the same rooms after we scattered a measured cup of sand, rice and "
    "cat litter, and we weighed what ended up in the bin after each single pass.</p>"
)


@pytest.fixture(scope="module")
def buying_guide() -> dict[str, Any]:
    return extract(
        "weekend/2024/03/12/best-cordless-vacuums", "The best cordless vacuum cleaners", BUYING_GUIDE
    )


def test_a_buying_guide_keeps_every_product_and_its_shop_links(buying_guide: dict[str, Any]) -> None:
    # Each product's shop links form a heading-less list of links to other sites with
    # headline-long names: once taken for a related block, each list left the body.
    body = buying_guide["body"]
    for name, _, review, price in PRODUCTS:
        assert review in body
        assert f"{name} cordless vacuum for €{price} at Amazon" in body
    assert "we weighed what ended up in the bin after each single pass." in body
    assert_no_chrome(body)


def test_shop_links_make_no_related_block(buying_guide: dict[str, Any]) -> None:
    # The site's own "Related articles" block is the only one: no shop offer is a related story.
    related = {item["url"] for block in buying_guide["related"] for item in block["items"]}
    assert related == {f"{SITE}/{path}" for path, _ in TEASERS}


# 2. Text after a figure or an inline box that splits the story's text column.

FERRY_OPENING = (
    "The Margarethe, the chain ferry that has carried cars and cyclists across the river at Elmstead "
    "since 1958, went back into service on Monday morning after a refit that took two years instead of "
    "the six months the county had promised. Around two hundred people waited on the north bank in the "
    "drizzle to watch the first crossing, and the ferry's longest-serving skipper sounded the horn three "
    "times as the ramp came down on the far side. The mayor, who had promised to be on board, "
    "arrived ten minutes late and had to wait for the second crossing.",
    "The county council bought the ferry from its private owners in 2019 for a symbolic one pound, on "
    "the condition that it would keep running for at least twenty-five years. Engineers who inspected "
    "the hull in the spring of 2022 found that a third of the steel plates below the waterline had "
    "rusted to less than half their thickness, and the ferry was towed to a dry dock in Portbridge for "
    "what was meant to be a quick repair before the summer season. The county's own surveyor "
    "called the state of the hull the worst he had seen in a working vessel.",
)
FERRY_REST = (
    "Instead the yard found more damage with every plate it cut out. The chains that pull the ferry "
    "across, which run along the riverbed and are wound by a diesel winch, had worn thin as well, and "
    "the winch needed parts that its maker stopped producing in the 1970s.",
    "A machine shop in Hallam finally built the missing gear wheels by hand from the original drawings, "
    "which a retired engineer had kept in his garage for forty years. The bill rose from the planned "
    "£180,000 to just under £1.1 million.",
    "Councillor Priya Natarajan, who chairs the transport committee, said the council had considered "
    "scrapping the ferry last winter but decided against it after more than four thousand residents "
    "signed a petition asking for it to be saved.",
    "Without the ferry, drivers from Elmstead face a detour of nineteen miles through Portbridge to reach "
    "the villages on the other bank. Shop owners say they lost much of their summer trade during the "
    "closure, when day-trippers who used to cross for lunch stayed away.",
    "The ferry will run every twenty minutes from seven in the morning until seven in the evening, and "
    "until nine on summer weekends. Fares stay at £2 for a car and 50p for a cyclist or pedestrian, and "
    "children under twelve cross for free.",
    "Alan Dobbs, who has skippered the Margarethe for thirty-one years, said the refit had made the old "
    "ferry almost too quiet: you used to hear her coming from the church, he said, and now the regulars "
    "keep asking him whether the engine is running at all.",
    "The council has set aside £40,000 a year for maintenance so that the ferry never again goes so long "
    "without an inspection; the next one is due in the autumn, when the crossing closes for one week.",
)
FIGURE = (
    '<figure class="story__image"><img src="/img/margarethe-crossing.jpg" alt="The ferry on the river">'
    "<figcaption>The Margarethe on its first crossing on Monday. Photo: Tom Reeve</figcaption></figure>"
)
INLINE_BOX = (
    '<aside class="inline-box"><p class="inline-box__label">More on this story</p>'
    f'<a href="{SITE}/news/2023/11/14/elmstead-ferry-petition-four-thousand-signatures">'
    "Four thousand residents sign petition to save the Elmstead ferry</a></aside>"
)


@pytest.mark.parametrize("interruption", [FIGURE, INLINE_BOX], ids=["figure", "inline-box"])
def test_the_text_after_a_figure_or_an_inline_box_stays(interruption: str) -> None:
    # The CMS closes the text block before the figure or box and opens another after it.
    # trafilatura's fast path reads the first block only, and two paragraphs of over 1000
    # characters in all looked like a finished article: the seven after the figure were
    # lost. Reproduced in part: the figure itself does not stop trafilatura, the split
    # column does; and two blocks of one class in one <article> are already read whole
    # (split_body), so the lead block here carries a modifier class of its own.
    article = (
        f'<div class="article-text article-text--lead">{paragraphs(FERRY_OPENING)}</div>'
        f'{interruption}<div class="article-text">{paragraphs(FERRY_REST)}</div>'
    )
    record = extract(
        "news/2024/03/12/elmstead-ferry-back-in-service", "Elmstead ferry back after two-year refit", article
    )
    body = record["body"]
    for paragraph in (*FERRY_OPENING, *FERRY_REST):
        assert paragraph in body
    assert "Four thousand residents sign petition" not in body
    assert_no_chrome(body)


# 3. A long-form article in many sections, most of it behind a paywall script's class.

EEL_SECTIONS = (
    (
        "A trade older than the church",
        "Eels have been caught in the Wend estuary for at least eight hundred years; the parish records "
        "of Saltmere list an eel rent paid to the abbey in 1231, a century before the church was built.",
        "Today three families hold the last licences, and between them they set fewer than sixty nets "
        "on a stretch of marsh where two hundred boats once worked every autumn night.",
    ),
    (
        "The glass eels",
        "The young eels arrive each spring after a journey of three years from the Sargasso Sea, "
        "transparent as splinters of glass and no longer than a matchstick.",
        "Nobody has ever watched eels spawn in the wild, and no farm has managed to breed them, which "
        "is why every eel on a plate in Europe or Asia began its life as one of these wild travellers.",
    ),
    (
        "A ban from Brussels",
        "When the European eel was listed as critically endangered in 2008, catches on the Wend were "
        "cut by two thirds, and the export of glass eels outside Europe was banned altogether.",
        "Martin Hale, whose grandfather taught him to mend nets at the age of six, remembers the winter "
        "of the ban as the one in which half of the estuary's fishermen sold their boats.",
    ),
    (
        "Smugglers and scientists",
        "A kilo of glass eels fetches more than a thousand euros in Hong Kong, and customs officers at "
        "the port have found them in suitcases, in fish tanks and once in the fuel tank of a lorry.",
        "The fishermen who stayed now work for the scientists as much as for the market: every catch is "
        "weighed, measured and reported to the university in Portbridge before a single eel is sold.",
    ),
    (
        "The fyke nets",
        "A fyke net is a tunnel of funnels on wooden hoops, laid on the mud at low tide and emptied at "
        "dawn, and the Hales still knot theirs by hand in a shed that smells of tar and river water.",
        "Martin's daughter Jess has tried the nylon nets sold online, but she says they tear on the "
        "oyster shells within a week, while her great-grandfather's pattern lasts a whole season.",
    ),
    (
        "Daughters and sons",
        "Jess is the first woman to hold an eel licence on the Wend, and at twenty-six she is younger "
        "than any of the other fishermen by more than thirty years.",
        "She studied marine biology before she came home, and she counts the eels that swim back to sea "
        "each autumn for the same survey that once set the quota her father fought against.",
    ),
    (
        "What the river tells",
        "The counts have risen slowly since 2015, which the scientists put down to the removal of two "
        "old weirs upstream that had kept the young eels from the fresh water they grow up in.",
        "The fishermen have their own explanation: the winters have been milder, the floods have come "
        "later, and the herons that used to wait at every sluice gate have moved to the new reservoir.",
    ),
    (
        "The last season",
        "Martin Hale will set his nets for the forty-first and last time this October, and he has "
        "already promised the shed, the boat and the hand-knotted fykes to his daughter.",
        "Asked whether the eels will still be there when Jess retires, he laughed and pointed at the "
        "river: they found their way here from the other side of the ocean, he said, they will manage.",
    ),
)
_FREE_SECTIONS = 2


def _section(heading: str, *texts: str, gated: bool) -> str:
    attributes = {"class": "paywall"} if gated else {}
    return f"<h2>{heading}</h2>{paragraphs(list(texts), **attributes)}"


def test_a_long_article_keeps_its_paywalled_sections() -> None:
    # The paywall script finds the gated text by <p class="paywall">. That class names a
    # widget too, and each such paragraph was once dropped as one: the article ended after
    # its free sections.
    article = "".join(
        _section(heading, *texts, gated=n >= _FREE_SECTIONS)
        for n, (heading, *texts) in enumerate(EEL_SECTIONS)
    )
    record = extract(
        "weekend/2024/03/09/last-eel-fishermen-of-the-wend", "Forty winters on the salt marsh", article
    )
    body = record["body"]
    for _, *texts in EEL_SECTIONS:
        for text in texts:
            assert text in body
    assert body.endswith("they will manage.")
    assert_no_chrome(body)


# A radio news site: the report is bare text between <br>s after a photo box, the whole
# column wrapped in layout <div>s, a cookie notice after it. trafilatura's fast path drops
# the text right after the photo box, the anchor's lead; the page's description quotes it.
RADIO_LEAD = (
    "Anchor: Heavy rain on Monday gave way to strong, cold winds on Tuesday morning. "
    "Although the first frost warnings of the season were issued for Tuesday, Wednesday will be colder still."
)
RADIO_LINES = (
    "Jin Park reports.",
    "Report: Commuters in the capital wore thick coats and scarves as the temperature fell overnight.",
    "The first frost warning of the season took effect on Tuesday as cold air flowed in from the north-west.",
    "A mountain town near the border recorded the lowest temperature in the country, minus seven degrees.",
    "Daytime highs reached only ten degrees in the capital, and fourteen to fifteen degrees in the south.",
    "Forecasters expect Wednesday morning to be two to five degrees colder, with a strong wind chill.",
    "Older people are advised to stay indoors, and drivers to watch for black ice on bridges and roads.",
    "The weather service said the cold snap should peak on Wednesday and ease on Thursday.",
    "It expects winter-like weather to return over the weekend, with snow possible in the eastern mountains.",
    "Heating demand rose by a fifth overnight, the grid operator said, though supplies remain ample for now.",
    "Schools in the north-east opened an hour late so that children would not wait in the dark.",
    "Farmers were urged to cover late vegetables and to check the heating in greenhouses and animal sheds.",
    "Jin Park, City Radio News.",
)


def _radio_report_page() -> str:
    report = "<br>\n".join([RADIO_LEAD, *RADIO_LINES])
    return (
        "<html><head><title>Colder Wednesday after first frost warning</title>"
        f'<meta property="og:description" content="{RADIO_LEAD[:120]} ..."></head>'
        '<body><div id="wrap"><div id="container"><div class="contents">'
        '<section class="news_view"><h1>Colder Wednesday after first frost warning</h1>'
        '<div class="body_txt"><div class="img_box top">'
        '<div class="photo no-print"><img src="/p/1.jpg" alt="Cold morning"></div>'
        '<p class="cap no-print">Photo : News Agency</p></div>'
        f"{report}</div></section></div></div>"
        '<div class="cookie_box"><div class="cookie_inner"><p>This website uses cookies to improve the '
        "service. Continuing to use the website counts as consent to the use of such technology.</p>"
        "</div></div></div></body></html>"
    )


def test_a_lead_in_bare_text_after_a_photo_box_stays() -> None:
    body = extract_article(_radio_report_page(), "https://radio.example.com/news/view?id=181")["body"]
    assert RADIO_LEAD in body
    assert all(line in body for line in RADIO_LINES)
    assert "cookies" not in body
