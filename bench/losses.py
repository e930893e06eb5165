"""The loss report: pages where newscrawler's body is far worse than trafilatura's.

A mean hides the page whose record kept a tenth of its article while trafilatura kept it
all; this lists every such page with both F1s, so a regression of that kind is seen in
the run that made it. A loss that was looked at and understood is explained in
``bench/losses.json`` (``{"<corpus>/<page id>": "why"}``); the explanation is printed
beside the page, and a page without one is marked as unexplained.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bench.scoring import PageRows

# A page is a loss when newscrawler's body F1 is more than this below trafilatura's.
LOSS_GAP = 0.2
EXPLANATIONS_FILE = Path(__file__).with_name("losses.json")


@dataclass(frozen=True)
class Loss:
    corpus: str
    page_id: str
    url: str
    ours: float
    peer: float

    @property
    def key(self) -> str:
        return f"{self.corpus}/{self.page_id}"


def find_losses(
    ours: Mapping[str, PageRows], peer: Mapping[str, PageRows], gap: float = LOSS_GAP
) -> list[Loss]:
    """Pages of every corpus with a per-page body F1 (rows with "f1") more than ``gap``
    below the peer's on the same page, worst gap first."""
    losses = []
    for corpus, rows in ours.items():
        peer_f1 = {row["id"]: row["f1"] for row in peer.get(corpus, []) if "f1" in row}
        for row in rows:
            theirs = peer_f1.get(row["id"])
            if "f1" in row and theirs is not None and row["f1"] < theirs - gap:
                losses.append(Loss(corpus, row["id"], row["url"], row["f1"], theirs))
    return sorted(losses, key=lambda loss: loss.ours - loss.peer)


def load_explanations(path: Path = EXPLANATIONS_FILE) -> dict[str, str]:
    if not path.exists():
        return {}
    explanations: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return explanations


def loss_table(losses: list[Loss], explanations: Mapping[str, str]) -> str:
    """Markdown: one line per loss with both F1s and its explanation (or "unexplained")."""
    header = f"Pages with body F1 more than {LOSS_GAP} below trafilatura's: {len(losses)}"
    if not losses:
        return header
    lines = [
        header,
        "",
        "| page | newscrawler | trafilatura | why |",
        "| --- | --- | --- | --- |",
    ]
    for loss in losses:
        why = explanations.get(loss.key, "**unexplained**")
        lines.append(f"| {loss.key} | {loss.ours:.3f} | {loss.peer:.3f} | {why} |")
    return "\n".join(lines)
