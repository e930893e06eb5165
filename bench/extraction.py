"""Extraction benchmark: newscrawler beside trafilatura on the development corpora.

    python -m bench [--only aeb,traf,fundus,labels,labels-all] [--limit N] [--json PATH] [--dump DIR]
                    [--corpora DIR] [--systems newscrawler,trafilatura]

Each system runs once, in its own child process, over every distinct page of the chosen
corpora (a labels page that is also an aeb/traf page is extracted once); then every
corpus is scored from those records and one Markdown table is printed on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from bench.corpora import CORPUS_NAMES, LABELS_ALL, Page, load
from bench.losses import find_losses, load_explanations, loss_table
from bench.report import group_table, markdown_table
from bench.runner import Job, RunResult, progress, run_isolated
from bench.scoring import SCORERS, PageRows, score_label_groups
from bench.systems import NEWSCRAWLER, SYSTEM_NAMES, TRAFILATURA

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPORA_ENV = "NEWSCRAWLER_CORPORA"


def default_corpora() -> Path:
    """$NEWSCRAWLER_CORPORA, else ../shared/corpora beside the repository."""
    return Path(os.environ.get(CORPORA_ENV) or REPO_ROOT.parent / "shared" / "corpora")


def _names(value: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if n not in allowed]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(allowed)}; got {value!r}")
    return names


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        type=lambda v: _names(v, CORPUS_NAMES),
        default=CORPUS_NAMES,
        help="comma-separated corpora to run (default: aeb,traf,fundus,labels,labels-all)",
    )
    parser.add_argument(
        "--systems",
        type=lambda v: _names(v, SYSTEM_NAMES),
        default=SYSTEM_NAMES,
        help="comma-separated systems to run (default: both)",
    )
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each corpus")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument(
        "--dump",
        type=Path,
        default=None,
        help="write newscrawler's records and per-page scores (worst first) here",
    )
    parser.add_argument(
        "--corpora",
        type=Path,
        default=None,
        help=f"corpora folder (default: ${CORPORA_ENV} or ../shared/corpora)",
    )
    return parser.parse_args(argv)


def distinct_jobs(corpora: dict[str, list[Page]]) -> list[Job]:
    """One job per distinct (file, URL): extraction is a pure function of both."""
    jobs: dict[tuple[str, str], Job] = {}
    for pages in corpora.values():
        for page in pages:
            jobs.setdefault(page.source_key, Job(page.source_key, page.path, page.url))
    return list(jobs.values())


def score_run(corpora: dict[str, list[Page]], run: RunResult) -> tuple[dict[str, float], dict[str, PageRows]]:
    """All figures of one system, and its per-page rows per corpus."""
    figures: dict[str, float] = {}
    rows: dict[str, PageRows] = {}
    for name, pages in corpora.items():
        corpus_figures, rows[name] = SCORERS[name](pages, lambda p: run.records[p.source_key])
        figures.update(corpus_figures)
    seconds = run.total_seconds
    figures["pages_per_second"] = len(run.records) / seconds if seconds else 0.0
    figures["peak_rss_mib"] = run.peak_rss_mib
    figures["errors"] = float(len(run.errors))
    figures["pages"] = float(len(run.records))
    return figures, rows


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def dump(
    directory: Path,
    corpora: dict[str, list[Page]],
    runs: dict[str, RunResult],
    rows: dict[str, dict[str, PageRows]],
) -> None:
    """Per corpus: scores-<corpus>.json (newscrawler's rows, worst first, each with the
    peer's row for the same page) and records/<corpus>/<n>.json (newscrawler's record,
    errors and timing; n is the page's rank in the scores file's page order)."""
    ours = runs.get(NEWSCRAWLER)
    for name, pages in corpora.items():
        by_id = {p.page_id: p for p in pages}
        system_rows = rows.get(NEWSCRAWLER) or next(iter(rows.values()))
        peers = {s: {r["id"]: r for r in rs[name]} for s, rs in rows.items() if s != NEWSCRAWLER}
        ranked = []
        for rank, row in enumerate(system_rows[name]):
            page = by_id[row["id"]]
            entry = {
                "rank": rank,
                **row,
                **{f"{s}_row": p.get(row["id"]) for s, p in peers.items()},
            }
            ranked.append(entry)
            if ours is not None:
                _write_json(
                    directory / "records" / name / f"{rank:04d}.json",
                    {
                        "id": page.page_id,
                        "url": page.url,
                        "file": str(page.path),
                        "seconds": ours.seconds.get(page.source_key),
                        "error": ours.errors.get(page.source_key),
                        "record": ours.records.get(page.source_key),
                    },
                )
        _write_json(directory / f"scores-{name}.json", ranked)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    root = args.corpora or default_corpora()
    corpora = load(root, args.only, args.limit)
    jobs = distinct_jobs(corpora)
    runs: dict[str, RunResult] = {}
    for system in args.systems:  # one after another: timings and memory stay separate
        progress(f"{system}: extracting {len(jobs)} pages …")
        runs[system] = run_isolated(system, REPO_ROOT, jobs)
        progress(f"{system}: {runs[system].total_seconds:.1f} s, {len(runs[system].errors)} errors")
    figures: dict[str, dict[str, float]] = {}
    rows: dict[str, dict[str, PageRows]] = {}
    for system, run in runs.items():
        figures[system], rows[system] = score_run(corpora, run)
    counts = ", ".join(f"{name} {len(pages)}" for name, pages in corpora.items())
    print(f"Pages: {counts} ({len(jobs)} distinct); corpora: {root}\n")
    print(markdown_table(figures, corpora.keys()))
    if NEWSCRAWLER in rows and TRAFILATURA in rows:
        print()
        print(loss_table(find_losses(rows[NEWSCRAWLER], rows[TRAFILATURA]), load_explanations()))
    if NEWSCRAWLER in runs and LABELS_ALL in corpora:
        labelled, ours = corpora[LABELS_ALL], runs[NEWSCRAWLER]
        for key in ("corpus", "language"):
            groups = score_label_groups(labelled, lambda p: ours.records[p.source_key], key)
            print(f"\nnewscrawler on the labelled pages by {key}:\n")
            print(group_table(key, groups))
    if args.json:
        _write_json(args.json, {"corpora": str(root), "limit": args.limit, "figures": figures})
    if args.dump:
        dump(args.dump, corpora, runs, rows)
    return 0
