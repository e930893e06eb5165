"""The report's HTML: a page template with its data inline and a chart script of our own.

No chart library: the four charts are horizontal bar charts, which take sixty lines of
SVG-building JavaScript, and a library would have to be inlined (hundreds of kB) to keep
the page self-contained. Each bar is an SVG ``rect.bar``; the script sets
``body[data-rendered]`` when it has drawn everything, which the tests check in Chromium.
"""

from __future__ import annotations

import html
import json
from typing import Any

_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; background: #fff; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 8px 14px; min-width: 90px; }
.card b { display: block; font-size: 22px; }
svg text { font-size: 12px; fill: #222; } .legend span { margin-right: 14px; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.empty { color: #777; font-style: italic; }
"""

_SCRIPT = r"""
"use strict";
const DATA = JSON.parse(document.getElementById("report-data").textContent);
const SVG = "http://www.w3.org/2000/svg";
const COLORS = ["#3b6ea8", "#e08a2c", "#4d9a5b", "#c4504f", "#8266b0", "#8c6d52", "#d17bb5", "#7f7f7f"];

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (parent) parent.appendChild(node);
  return node;
}

// rows: [{label, segments: [{name, value, color}]}]; format: value -> bar-end text.
function barChart(id, rows, format) {
  const box = document.getElementById(id);
  if (!rows.length) {
    box.innerHTML = "<p class='empty'>nothing to show</p>";
    return;
  }
  const labelWidth = 230, barWidth = 460, rowHeight = 22;
  const total = row => row.segments.reduce((sum, s) => sum + s.value, 0);
  const max = Math.max(...rows.map(total)) || 1;
  const svg = el("svg", {width: labelWidth + barWidth + 80, height: rows.length * rowHeight + 8,
                         role: "img"}, box);
  rows.forEach((row, i) => {
    const y = i * rowHeight + 4;
    const label = el("text", {x: labelWidth - 8, y: y + 14, "text-anchor": "end"}, svg);
    label.textContent = row.label;
    let x = labelWidth;
    for (const segment of row.segments) {
      const width = Math.max(1, (segment.value / max) * barWidth);
      const bar = el("rect", {class: "bar", x: x, y: y, width: width, height: rowHeight - 6,
                              fill: segment.color}, svg);
      el("title", {}, bar).textContent = `${row.label} ${segment.name}: ${segment.value}`;
      x += width;
    }
    el("text", {x: x + 6, y: y + 14}, svg).textContent = format(total(row));
  });
}

function legend(id, names, colorOf) {
  const box = document.getElementById(id);
  for (const name of names) {
    const item = document.createElement("span");
    const swatch = document.createElement("i");
    swatch.style.background = colorOf(name);
    item.append(swatch, name);
    box.appendChild(item);
  }
}

function draw() {
  const sites = [...new Set(Object.values(DATA.per_day_site).flatMap(Object.keys))].sort();
  const siteColor = name => COLORS[sites.indexOf(name) % COLORS.length];
  legend("legend-sites", sites, siteColor);
  barChart("chart-days", Object.entries(DATA.per_day_site).map(([day, bySite]) => ({
    label: day,
    segments: Object.entries(bySite).map(([site, n]) => ({name: site, value: n, color: siteColor(site)})),
  })), n => String(n));
  const single = (entries, color) => entries.map(([label, value]) => ({
    label: label, segments: [{name: "", value: value, color: color}]}));
  barChart("chart-fields", single(Object.entries(DATA.fill_rates), COLORS[2]),
           rate => `${Math.round(rate * 100)}%`);
  barChart("chart-languages", single(Object.entries(DATA.languages), COLORS[4]), n => String(n));
  barChart("chart-errors", single(Object.entries(DATA.errors), COLORS[3]), n => String(n));
  document.body.dataset.rendered = "yes";
}

draw();
"""


def _inline_json(data: dict[str, Any]) -> str:
    # "<" escaped so that no value (a title with "</script>") can end the data block.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def render_page(data: dict[str, Any]) -> str:
    """The whole report as one HTML document."""
    title = html.escape(str(data["title"]))
    cards = "".join(
        f"<div class='card'><b>{int(data[key])}</b>{label}</div>"
        for key, label in (
            ("articles", "articles"),
            ("records", "records"),
            ("sites", "sites"),
            ("crawls", "crawls with stats"),
        )
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{_STYLE}</style></head>
<body>
<h1>{title}</h1>
<p>Generated {html.escape(str(data["generated_at"]))}. Articles count each article once
(its latest revision).</p>
<div class="cards">{cards}</div>
<h2>Articles per publication day and site</h2><div class="legend" id="legend-sites"></div>
<div id="chart-days" data-chart="days"></div>
<h2>Field coverage (share of articles with the field filled)</h2>
<div id="chart-fields" data-chart="fields"></div>
<h2>Languages</h2><div id="chart-languages" data-chart="languages"></div>
<h2>Pages without a record, by reason</h2>
<div id="chart-errors" data-chart="errors"></div>
<script type="application/json" id="report-data">{_inline_json(data)}</script>
<script>{_SCRIPT}</script>
</body></html>
"""
