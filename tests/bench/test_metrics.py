"""bench.metrics on tiny hand-made inputs; expected values are computed by hand in the
comments. No corpus and no extractor are needed."""

from __future__ import annotations

import pytest

from bench import metrics
from bench.metrics import RelatedItem, Shares, SnippetCounts

# --- aeb shingles ----------------------------------------------------------------------


def test_shingles_are_token_4grams_with_case_kept() -> None:
    # tokens: A b c d E -> (A b c d), (b c d E)
    assert metrics.shingles("A b, c-d E") == {
        ("A", "b", "c", "d"): 1,
        ("b", "c", "d", "E"): 1,
    }


def test_short_text_is_one_shingle_and_empty_text_none() -> None:
    assert metrics.shingles("two words") == {("two", "words"): 1}
    assert metrics.shingles("  ... ") == {}


def test_shingle_shares_counts_multisets() -> None:
    # gold: a b c d e -> {abcd, bcde}; pred: a b c d a b c d -> {abcd x2, bcda, cdab, dabc}
    # tp = 1 (abcd once), fp = 4 (abcd, bcda, cdab, dabc), fn = 1 (bcde); total 6
    s = metrics.shingle_shares("a b c d e", "a b c d a b c d")
    assert (s.tp, s.fp, s.fn) == pytest.approx((1 / 6, 4 / 6, 1 / 6))


def test_perfect_page_scores_one() -> None:
    s = metrics.shingle_shares("one two three four five", "one two three four five")
    assert (metrics.shingle_precision(s), metrics.shingle_recall(s)) == (1.0, 1.0)


def test_aeb_scores_average_precision_and_recall_then_f1() -> None:
    perfect = metrics.shingle_shares("a b c d e", "a b c d e")  # P 1, R 1
    # gold {abcd, bcde}, pred {abcd}: tp 1, fp 0, fn 1 -> P 1, R 0.5
    half = metrics.shingle_shares("a b c d e", "a b c d")
    # empty extraction: tp 0, fp 0, fn 1 -> left out of precision, recall 0
    empty = metrics.shingle_shares("a b c d", "")
    result = metrics.aeb_scores([perfect, half, empty])
    assert result.precision == pytest.approx(1.0)  # mean of 1, 1
    assert result.recall == pytest.approx(0.5)  # mean of 1, 0.5, 0
    assert result.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_empty_gold_counts_only_in_precision() -> None:
    # gold empty, pred "x y z w": tp 0, fp 1, fn 0 -> precision 0, no recall entry
    extra = metrics.shingle_shares("", "x y z w")
    result = metrics.aeb_scores([extra])
    assert (result.precision, result.recall, result.f1) == (0.0, 0.0, 0.0)


def test_both_empty_page_is_left_out() -> None:
    assert metrics.shingle_shares("", "") == Shares(0.0, 0.0, 0.0)
    assert metrics.aeb_scores([metrics.shingle_shares("", "")]).f1 == 0.0


# --- traf snippets and metadata ------------------------------------------------------


def test_snippets_match_after_whitespace_normalization() -> None:
    text = "First  line\nof the   article.\n\nShare this"
    counts = metrics.snippet_counts(
        text,
        with_=["First line of the article.", "missing part"],
        without=["Share this", "Footer"],
    )
    assert counts == SnippetCounts(tp=1, fp=1, fn=1, tn=1)


def test_empty_extraction_misses_every_with_snippet() -> None:
    assert metrics.snippet_counts("", ["a"], ["b"]) == SnippetCounts(tp=0, fp=0, fn=1, tn=1)


def test_snippet_scores_are_micro_over_pages() -> None:
    total = SnippetCounts(tp=3, fp=1, fn=0, tn=2) + SnippetCounts(tp=1, fp=0, fn=4, tn=1)
    # tp 4, fp 1, fn 4 -> P 0.8, R 0.5, F1 = 0.8 / 1.3
    prf = metrics.snippet_scores(total)
    assert (prf.precision, prf.recall) == (pytest.approx(0.8), pytest.approx(0.5))
    assert prf.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)


def test_snippet_scores_with_nothing_are_zero() -> None:
    assert metrics.snippet_scores(SnippetCounts()).f1 == 0.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (" A  Title ", "A Title"),
        (["Ann  Lee", "Bo Ma"], "Ann Lee; Bo Ma"),
        ("", None),
        ("   ", None),
        (None, None),
        ([], None),
    ],
)
def test_gold_text_shapes(value: object, expected: str | None) -> None:
    assert metrics.gold_text(value) == expected


def test_gold_date_keeps_the_day_and_treats_empty_as_missing() -> None:
    assert metrics.gold_date("2020-01-05") == "2020-01-05"
    assert metrics.gold_date("") is None
    assert metrics.gold_date(None) is None


def test_text_and_date_matching() -> None:
    assert metrics.text_matches("A Title", "A\n Title ")
    assert not metrics.text_matches("A Title", "a title")  # case kept
    assert not metrics.text_matches("A Title", None)
    assert metrics.date_matches("2020-01-05", "2020-01-05T10:00:00+01:00")
    assert not metrics.date_matches("2020-01-05", "2020-01-06")
    assert not metrics.date_matches("2020-01-05", None)


def test_share_of_nothing_is_none() -> None:
    assert metrics.share([True, False, True, True]) == 0.75
    assert metrics.share([]) is None


# --- labels: bios ----------------------------------------------------------------------


def test_token_f1_is_lowercased_multiset_f1() -> None:
    # gold: jane doe is a reporter (5), pred: Jane Doe is a senior reporter (6), overlap 5
    # P 5/6, R 1 -> F1 = 10/11
    assert metrics.token_f1("Jane Doe is a reporter", "Jane Doe is a senior reporter") == (
        pytest.approx(10 / 11)
    )
    assert metrics.token_f1(None, "") == 1.0
    assert metrics.token_f1("a", None) == 0.0
    assert metrics.token_f1("a b", "c d") == 0.0


def test_bio_detection_and_text() -> None:
    pairs: list[tuple[str | None, str | None]] = [
        ("Jane is a reporter.", "Jane is a reporter."),  # tp, F1 1
        ("Bo writes on science.", None),  # fn, F1 0
        (None, "Ann Lee, Staff Writer"),  # fp
        (None, "  "),  # tn: whitespace is no bio
    ]
    prf = metrics.bio_detection(pairs)
    assert (prf.precision, prf.recall, prf.f1) == (0.5, 0.5, 0.5)
    assert metrics.bio_text_f1(pairs) == 0.5  # mean of 1 and 0 over the two gold bios


def test_bio_text_without_gold_bio_is_none() -> None:
    assert metrics.bio_text_f1([(None, "x")]) is None
    assert metrics.bio_detection([(None, None)]).f1 == 0.0


# --- labels: related items ---------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.Example.com/news/a/",
        "http://example.com/news/a",
        "https://EXAMPLE.com/news/a#comments",
    ],
)
def test_normalize_url_equivalences(variant: str) -> None:
    assert metrics.normalize_url(variant) == "example.com/news/a"


def test_normalize_url_keeps_path_case_and_query() -> None:
    assert metrics.normalize_url("https://x.org/A/?id=3#top") == "x.org/A?id=3"
    assert metrics.normalize_url("https://x.org/A") != metrics.normalize_url("https://x.org/a")


def test_related_page_score_matches_by_url_across_blocks() -> None:
    gold = [
        RelatedItem("Storm hits coast", "https://site.com/storm", None),
        RelatedItem("Vote delayed again", "https://site.com/vote", "The vote was delayed."),
        RelatedItem("Missed one", "https://site.com/missed", None),
        RelatedItem("Storm hits coast", "https://site.com/storm/", None),  # repeat: once
    ]
    extracted = [
        RelatedItem("Storm hits the coast", "http://www.site.com/storm", "extra summary"),
        RelatedItem("Vote", "https://site.com/vote#x", "The vote was delayed."),
        RelatedItem("Ad", "https://ads.com/x", None),
    ]
    score = metrics.related_page_score(gold, extracted)
    assert (score.tp, score.fp, score.fn) == (2, 1, 1)
    # "Storm hits coast" vs "Storm hits the coast": P 3/4, R 1 -> F1 6/7 >= 0.8;
    # "Vote delayed again" vs "Vote": P 1, R 1/3 -> F1 0.5
    assert score.titles_ok == (True, False)
    # only the vote item has a gold summary; the storm item's null summary is not counted
    assert score.summaries_ok == (True,)


def test_summary_match_when_both_empty() -> None:
    gold = [RelatedItem("T", "https://a.com/1", "")]
    score = metrics.related_page_score(gold, [RelatedItem("T", "https://a.com/1", None)])
    assert score.summaries_ok == (True,)


def test_related_scores_on_negative_page_and_empty_extraction() -> None:
    negative = metrics.related_page_score([], [RelatedItem("x", "https://a.com/x", None)])
    missed = metrics.related_page_score([RelatedItem("y", "https://a.com/y", None)], [])
    assert (negative.tp, negative.fp, negative.fn) == (0, 1, 0)
    assert (missed.tp, missed.fp, missed.fn) == (0, 0, 1)
    result = metrics.related_scores([negative, missed])
    assert (result.prf.precision, result.prf.recall, result.prf.f1) == (0.0, 0.0, 0.0)
    assert result.titles_share is None
    assert result.summaries_share is None


def test_related_scores_are_micro_over_pages() -> None:
    a = metrics.RelatedPageScore(tp=3, fp=1, fn=0, titles_ok=(True, True, False), summaries_ok=())
    b = metrics.RelatedPageScore(tp=1, fp=0, fn=4, titles_ok=(True,), summaries_ok=(False,))
    result = metrics.related_scores([a, b])
    # tp 4, fp 1, fn 4 -> P 0.8, R 0.5
    assert (result.prf.precision, result.prf.recall) == (
        pytest.approx(0.8),
        pytest.approx(0.5),
    )
    assert result.titles_share == 0.75
    assert result.summaries_share == 0.0


@pytest.mark.parametrize(
    ("gold", "extracted", "expected"),
    [
        ("2024-05-02 10:00:00+02:00", "2024-05-02", True),
        ("2024-05-02 01:30:00+02:00", "2024-05-01T23:30:00Z", True),  # gold's offset
        ("2024-05-01 23:30:00-04:00", "2024-05-02T03:30:00+00:00", True),  # UTC reading
        ("2024-05-02 01:30:00+02:00", "2024-05-01", True),  # gold's UTC day
        ("2024-05-02 12:00:00+00:00", "2024-05-03T12:00:00+00:00", False),
        ("2024-05-02 12:00:00", "2024-05-02T23:00:00-05:00", True),  # no gold offset: as written
        ("2024-05-02 12:00:00+00:00", "not a date", False),
        ("2024-05-02 12:00:00+00:00", None, False),
    ],
)
def test_same_day(gold: str, extracted: str | None, expected: bool) -> None:
    assert metrics.same_day(gold, extracted) is expected


def test_author_sets_ignore_case_space_and_order() -> None:
    assert metrics.authors_match(["Ann Lee", "dpa"], ["DPA", " ann  lee"])
    assert not metrics.authors_match(["Ann Lee"], ["Ann Lee", "Bo Ma"])
