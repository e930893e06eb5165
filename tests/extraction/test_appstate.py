"""App state: an article only in a page's embedded JSON gives the fields of its plain-HTML page.

Each state page is built from the same article data as the plain page, in the shape one
framework ships it, inside an HTML shell (header, an empty root, footer) that shows none
of the text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from html import escape
from typing import Any

import pytest

from newscrawler.extraction import extract_article, parse_document
from newscrawler.extraction.appstate import read_app_state
from newscrawler.extraction.appstate_payloads import MAX_PAYLOAD_CHARS

URL = "https://news.example/2026/03/harbour-crane"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
TITLE = "Harbour crane tests end a decade of night-time noise complaints"
AUTHORS = ("Jane Doe", "Tomasz Wrona")
PUBLISHED = "2026-03-04T09:15:00+01:00"
PARAGRAPHS = (
    "The port authority finished six weeks of trials on Friday with a battery-powered crane that "
    "moved containers through the night without the diesel roar that has woken the old town since 2015.",
    "Residents who kept noise diaries during the trial reported no disturbance on 38 of the 42 nights, "
    "compared with fewer than ten quiet nights in the same weeks of last year, the authority said.",
    "Engineers say the crane recovers energy each time it lowers a load. The savings paid for the "
    "batteries within the trial period, although the figures have not yet been checked independently.",
    "A second crane is due in the spring. The council will decide in June whether night shifts may be "
    "extended to the whole eastern quay, where the nearest houses stand only eighty metres away.",
)


def article(**overrides: Any) -> dict[str, Any]:
    """The article as a content API would return it, blocks of rich text as the body."""
    blocks = [
        {"type": "paragraph", "children": [{"text": text[:30]}, {"text": text[30:], "bold": True}]}
        for text in PARAGRAPHS
    ]
    fields = {
        "id": 4711,
        "headline": TITLE,
        "authors": [{"name": name, "slug": name.lower().replace(" ", "-")} for name in AUTHORS],
        "publishedAt": PUBLISHED,
        "body": blocks,
    }
    return {**fields, **overrides}


def html_body() -> str:
    return "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def plain_page() -> str:
    byline = " and ".join(AUTHORS)
    return (
        f"<html lang=en><head><title>{TITLE} – Harbour News</title></head><body>"
        "<header><a href='/'>Harbour News</a></header><main><article>"
        f"<h1>{TITLE}</h1><p class='byline'>By {byline}</p><time datetime='{PUBLISHED}'>4 March 2026</time>"
        f"{html_body()}</article></main><footer>© Harbour News</footer></body></html>"
    )


def shell(scripts: str, head: str = "") -> str:
    """The page a JavaScript app serves: no article text outside its scripts."""
    return (
        f"<html lang=en><head><title>{TITLE} – Harbour News</title>{head}</head><body>"
        "<header><a href='/'>Harbour News</a></header><div id='root'></div>"
        f"<footer>© Harbour News</footer>{scripts}</body></html>"
    )


def script_json(data: Any, attributes: str = "") -> str:
    # "</" cannot appear inside a script element: JSON escapes it as a web server would.
    text = json.dumps(data).replace("</", "<\\/")
    return f'<script type="application/json"{attributes}>{text}</script>'


def js_literal(value: Any) -> str:
    """JavaScript as frameworks write it: bare keys, single quotes, !0 for true."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{key}:{js_literal(member)}" for key, member in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(js_literal(member) for member in value) + ",]"
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("</", "<\\/") + "'"
    if value is True:
        return "!0"
    return json.dumps(value)


def devalue(value: Any) -> list[Any]:
    """Nuxt 3's flat form: every object and array refers to its members by index."""
    values: list[Any] = []

    def add(member: Any) -> int:
        index = len(values)
        values.append(None)
        if isinstance(member, dict):
            values[index] = {key: add(inner) for key, inner in member.items()}
        elif isinstance(member, list):
            values[index] = [add(inner) for inner in member]
        else:
            values[index] = member
        return index

    values.append(None)
    values[0] = ["ShallowReactive", add(value)]
    return values


def next_page() -> str:
    data = {"props": {"pageProps": {"article": article()}}, "page": "/[year]/[slug]", "buildId": "x1"}
    return shell(script_json(data, ' id="__NEXT_DATA__"'))


def nuxt2_page() -> str:
    state = {
        "layout": "default",
        "data": [{"story": article(body="".join(f"<p>{p}</p>" for p in PARAGRAPHS))}],
    }
    return shell(f"<script>window.__NUXT__={js_literal(state)};</script>")


def nuxt3_page() -> str:
    state = {"data": {"story-4711": article()}, "state": {}}
    return shell(script_json(devalue(state), ' id="__NUXT_DATA__" data-ssr="true"'))


def apollo_page() -> str:
    people = {f"Person:{i}": {"__typename": "Person", "name": name} for i, name in enumerate(AUTHORS)}
    blocks = {
        f"Paragraph:{i}": {"__typename": "Paragraph", "text": text} for i, text in enumerate(PARAGRAPHS)
    }
    state = {
        "ROOT_QUERY": {'article({"id":4711})': {"__ref": "Article:4711"}},
        "Article:4711": {
            "__typename": "Article",
            "title": TITLE,
            "byline": [{"__ref": key} for key in people],
            "datePublished": PUBLISHED,
            "content": [{"__ref": key} for key in blocks],
        },
        **people,
        **blocks,
    }
    return shell(f"<script>window.__APOLLO_STATE__ = {json.dumps(state)};</script>")


def initial_state_page() -> str:
    """Redux state shipped as a string that the page parses: JSON.parse("…")."""
    state = {"article": {"current": article(body="\n\n".join(PARAGRAPHS))}}
    literal = json.dumps(json.dumps(state)).replace("</", "<\\/")
    return shell(f"<script>window.__INITIAL_STATE__ = JSON.parse({literal});</script>")


def preloaded_state_page() -> str:
    authors = ", ".join(AUTHORS)
    state = {"entities": {"stories": {"4711": article(authors=authors, body="\n".join(PARAGRAPHS))}}}
    return shell(f"<script>var x = 1; window.__PRELOADED_STATE__={json.dumps(state)}; start(x);</script>")


def sveltekit_page() -> str:
    response = {"status": 200, "statusText": "", "headers": {}, "body": json.dumps({"post": article()})}
    return shell(script_json(response, ' data-sveltekit-fetched data-url="/api/posts/4711"'))


def jsonld_page() -> str:
    """A page with no text of its own and the whole article in JSON-LD's articleBody."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": TITLE,
        "author": [{"@type": "Person", "name": name} for name in AUTHORS],
        "datePublished": PUBLISHED,
        "articleBody": "\n\n".join(PARAGRAPHS),
    }
    return shell("", head=f'<script type="application/ld+json">{json.dumps(data)}</script>')


def generic_json_page() -> str:
    story = {
        "title": TITLE,
        "byline": " and ".join(AUTHORS),
        "date": PUBLISHED,
        "bodyHtml": "".join(
            f"<p>{escape(p)}</p><figure><figcaption>Photo credit</figcaption></figure>" for p in PARAGRAPHS
        ),
    }
    return shell(script_json({"page": {"story": story}}, ' id="page-data"'))


def jsonml_page() -> str:
    """Body as JsonML elements, with a newsletter box and a one-link teaser among them."""
    body: list[Any] = ["root", {}]
    for text in PARAGRAPHS:
        body.append(["p", {}, text[:20], ["a", {"href": "/x"}, text[20:50]], ["em", {}, text[50:]]])
        body.append(
            ["inline-newsletter", {"hed": "Sign up for our morning briefing, every weekday at seven."}]
        )
    body.insert(4, ["h3", {}, ["a", {"href": "/other"}, "Council delays decision on the western quay"]])
    data = {"article": {"hed": TITLE, "byline": list(AUTHORS), "body": body}}
    return shell(
        script_json(data, ' id="preload"'),
        head=f'<meta property="article:published_time" content="{PUBLISHED}">',
    )


def markdown_page() -> str:
    """Body as a Markdown source, with an image line and a directive between paragraphs."""
    lines = [f"{text[:25]}[{text[25:60]}](https://news.example/a){text[60:]}" for text in PARAGRAPHS]
    lines.insert(2, "[#image: /photos/6442ac41a765749b63ab2787]")
    lines.insert(1, "+++dropcap")
    state = {"story": article(body="\n\n".join(lines))}
    return shell(f"<script>window.__PRELOADED_STATE__ = {json.dumps(state)}</script>")


STATE_PAGES: dict[str, Callable[[], str]] = {
    "next": next_page,
    "nuxt2": nuxt2_page,
    "nuxt3": nuxt3_page,
    "apollo": apollo_page,
    "initial_state": initial_state_page,
    "preloaded_state": preloaded_state_page,
    "sveltekit": sveltekit_page,
    "generic_json": generic_json_page,
    "jsonml": jsonml_page,
    "markdown": markdown_page,
}
COMPARED = ("title", "body", "published_at")


def extract(html: str) -> dict[str, Any]:
    return extract_article(html, URL, now=NOW)


def names(fields: dict[str, Any]) -> list[str]:
    return [author["name"] for author in fields["authors"]]


def assert_shell_body(fields: dict[str, Any]) -> None:
    """What the HTML alone gives: the shell's few words, not the article."""
    assert fields["body_source"] == "html"
    assert fields["body"] == extract(shell(""))["body"]
    assert PARAGRAPHS[0][:40] not in fields["body"]


def test_plain_page_reads_from_its_html() -> None:
    fields = extract(plain_page())
    assert fields["body_source"] == "html"
    assert fields["body"].split("\n\n") == list(PARAGRAPHS)
    assert (fields["title"], names(fields), fields["published_at"]) == (TITLE, list(AUTHORS), PUBLISHED)


@pytest.mark.parametrize("kind", STATE_PAGES)
def test_state_page_gives_the_plain_page_fields(kind: str) -> None:
    plain, state = extract(plain_page()), extract(STATE_PAGES[kind]())
    assert state["body_source"] == "app_state"
    assert {name: state[name] for name in COMPARED} == {name: plain[name] for name in COMPARED}
    assert names(state) == names(plain)
    assert state["language"] == plain["language"] == "en"


def test_jsonld_article_body_is_app_state_too() -> None:
    state = read_app_state(parse_document(jsonld_page(), URL), [TITLE])
    assert state is not None
    assert state.body.split("\n\n") == list(PARAGRAPHS)
    assert (state.title, state.published_at) == (TITLE, PUBLISHED)
    assert [author["name"] for author in state.authors] == list(AUTHORS)


def test_jsonld_article_body_of_an_empty_page_is_read_with_the_html() -> None:
    """trafilatura falls back on JSON-LD's articleBody for a page without text: the HTML
    path has the words already (in one paragraph), so the state path does not take over."""
    fields = extract(jsonld_page())
    assert fields["body_source"] == "html"
    assert fields["body"].split() == " ".join(PARAGRAPHS).split()


def test_authors_profile_links_are_read_from_the_state() -> None:
    people = [
        {"name": "Jane Doe", "url": "/staff/jane-doe"},
        {"name": "Jane Doe"},
        {"firstName": "Tomasz", "lastName": "Wrona"},
    ]
    data = {"props": {"pageProps": {"article": article(authors=people)}}}
    fields = extract(shell(script_json(data, ' id="__NEXT_DATA__"')))
    assert fields["authors"] == [
        {"name": "Jane Doe", "bio": None, "url": "https://news.example/staff/jane-doe"},
        {"name": "Tomasz Wrona", "bio": None, "url": None},
    ]


def test_shell_without_state_has_no_body() -> None:
    fields = extract(shell("<script>start()</script>"))
    assert_shell_body(fields)


def test_html_body_is_kept_beside_a_state_blob() -> None:
    data = {"props": {"pageProps": {"article": article(body="\n\n".join(PARAGRAPHS + PARAGRAPHS[:1]))}}}
    page = plain_page().replace("</body>", script_json(data, ' id="__NEXT_DATA__"') + "</body>")
    fields = extract(page)
    assert fields["body_source"] == "html"
    assert fields["body"] == extract(plain_page())["body"]


def test_state_objects_must_name_the_headline() -> None:
    data = {"props": {"pageProps": {"article": article(headline="A different story about cranes")}}}
    fields = extract(shell(script_json(data, ' id="__NEXT_DATA__"')))
    assert_shell_body(fields)


def test_teaser_list_beside_the_article_is_not_its_body() -> None:
    """The page's whole state holds the article and other stories: only the article is read."""
    others = [article(headline=f"Other story {i}", id=i) for i in range(3)]
    data = {"props": {"pageProps": {"title": TITLE, "story": article(), "more": others}}}
    fields = extract(shell(script_json(data, ' id="__NEXT_DATA__"')))
    assert fields["body"].split("\n\n") == list(PARAGRAPHS)


@pytest.mark.parametrize(
    "script",
    [
        '<script type="application/json" id="__NEXT_DATA__">{"props": {"pageProps": {"article": </script>',
        "<script>window.__APOLLO_STATE__ = {'unterminated: [1, 2;</script>",
        "<script>window.__INITIAL_STATE__ = JSON.parse('{\"a\": ');</script>",
        '<script type="application/json" id="__NUXT_DATA__">[{"data": 5}, 99, -1]</script>',
        '<script type="application/json">"just a string"</script>',
    ],
)
def test_malformed_state_is_absent(script: str) -> None:
    fields = extract(shell(script))
    assert_shell_body(fields)


def test_nuxt2_function_form_is_skipped() -> None:
    """Its values are the arguments of a function call: only a JavaScript engine fills them in."""
    call = f"(function(a,b){{return {{data:[{{title:a,body:b}}]}}}}('{TITLE}','{PARAGRAPHS[0]}'))"
    script = f"<script>window.__NUXT__={call};</script>"
    fields = extract(shell(script))
    assert_shell_body(fields)


def test_oversized_payload_is_skipped() -> None:
    data = {"props": {"pageProps": {"article": article(), "padding": "x" * MAX_PAYLOAD_CHARS}}}
    fields = extract(shell(script_json(data, ' id="__NEXT_DATA__"')))
    assert_shell_body(fields)
    # The same page under the limit is read: the size is what made the difference.
    data["props"]["pageProps"]["padding"] = "x" * 1000
    assert extract(shell(script_json(data, ' id="__NEXT_DATA__"')))["body_source"] == "app_state"


def test_code_and_style_strings_are_no_body() -> None:
    css = "body{display:contents}.footer{background:url(/f.png);padding:20px 33px} " * 40
    data = {"props": {"pageProps": {"article": {"headline": TITLE, "styles": css}}}}
    fields = extract(shell(script_json(data, ' id="__NEXT_DATA__"')))
    assert_shell_body(fields)


def test_selector_override_of_the_body_reads_from_html() -> None:
    from newscrawler.extraction import ExtractionOptions

    page = next_page().replace("<div id='root'></div>", "<div id='root'><p class='lede'>Only this.</p></div>")
    fields = extract_article(page, URL, now=NOW, options=ExtractionOptions(selectors={"body": (".lede",)}))
    assert (fields["body"], fields["body_source"]) == ("Only this.", "html")
