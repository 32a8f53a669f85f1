"""The metrics as text, JSON, CSV or an HTML page with charts (``--format``).

The HTML page draws each chart with matplotlib (``mrstd[library]``) as a PNG embedded in the
page, with the numbers in a table beside it and the formula under it: a reader never has to
read a figure off a chart.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
from collections.abc import Callable
from typing import Any

from ..errors import MrstdError

__all__ = ["STATS_FORMATS", "render_stats"]


def _rows(stats: dict[str, Any]) -> list[tuple[str, str, str, Any]]:
    """Every figure as (metric, group, measure, value): the CSV form, and the text one."""
    out: list[tuple[str, str, str, Any]] = [
        ("standards", "", "count", stats["standards"]),
        ("distinct", "", "count", stats["distinct"]),
        ("adoption_share", "", "share", stats["adoption_share"]),
        ("undated", "", "count", stats["undated"]),
    ]
    for metric in ("by_mandate", "by_category", "by_ics", "by_ccs"):
        for group, values in stats[metric].items():
            out.append((metric, group, "standards", values["standards"]))
            out.append((metric, group, "share", values["share"]))
    out.extend(("by_year", year, "standards", n) for year, n in stats["by_year"].items())
    out.extend(("degrees", degree, "standards", n) for degree, n in stats["degrees"].items())
    for cohort in stats["cohorts"]:
        group = f"{cohort['from']}-{cohort['to']}"
        out.extend(
            ("cohorts", group, name, value)
            for name, value in cohort.items()
            if name not in ("from", "to")
        )
    force = stats["in_force"]
    out.append(("in_force", "", "standards", force["standards"]))
    out.append(("in_force", "", "share", force["share"]))
    out.extend(("in_force", f"age {band}", "standards", n) for band, n in force["age"].items())
    out.append(("in_force", "", "older_than_review", force["older_than_review"]))
    out.append(("in_force", "", "older_than_review_share", force["older_than_review_share"]))
    for metric in ("implementation_interval", "formulation_interval"):
        out.extend((metric, "", name, value) for name, value in stats[metric].items())
    out.append(("stale_citations", "", "count", stats["stale_citations"]))
    conversion = stats["conversion_rate"]
    if conversion is not None:
        for name in ("reference", "adopted", "rate", "target", "meets_target"):
            out.append(("conversion_rate", "", name, conversion[name]))
    return out


def as_json(stats: dict[str, Any]) -> str:
    return json.dumps(stats, ensure_ascii=False, indent=2) + "\n"


def as_csv(stats: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("metric", "group", "measure", "value"))
    writer.writerows(_rows(stats))
    return buffer.getvalue()


def as_text(stats: dict[str, Any]) -> str:
    lines = [f"Library metrics as of {stats['as_of']}", ""]
    last = None
    for metric, group, measure, value in _rows(stats):
        if metric != last:
            lines.append(f"{metric}: {stats['formulas'].get(metric, '')}".rstrip(": "))
            last = metric
        shown = (
            f"{value:.2%}"
            if (isinstance(value, float) and "share" in measure) or measure == "rate"
            else value
        )
        lines.append(f"  {group + ' ' if group else ''}{measure}: {shown}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- HTML


def _chart(draw: Callable[[Any], None]) -> str:
    """A chart as a PNG data URL."""
    try:
        import matplotlib  # noqa: PLC0415 (optional: mrstd[library])
    except ImportError:
        raise MrstdError("charts need matplotlib: pip install 'mrstd[library]'") from None
    matplotlib.use("Agg")
    from matplotlib import pyplot  # noqa: PLC0415

    figure, axes = pyplot.subplots(figsize=(6.4, 3.4), dpi=100)
    try:
        draw(axes)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    finally:
        pyplot.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _table(header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2%}" if value <= 1 else f"{value:g}"
    return "" if value is None else str(value)


def _section(title: str, formula: str, image: str | None, table: str) -> str:
    figure = f'<img alt="{html.escape(title)}" src="{image}">' if image else ""
    return (
        f"<section><h2>{html.escape(title)}</h2><div class=pair>{figure}{table}</div>"
        f"<p class=formula>{html.escape(formula)}</p></section>"
    )


def as_html(stats: dict[str, Any]) -> str:
    formulas = stats["formulas"]
    sections = []

    mandates = list(stats["by_mandate"].items())
    sections.append(
        _section(
            "Standards by mandate",
            formulas["by_mandate"],
            _chart(
                lambda ax: _bars(
                    ax, [m for m, _ in mandates], [v["standards"] for _, v in mandates]
                )
            ),
            _table(
                ("mandate", "standards", "share"),
                [(m, v["standards"], v["share"]) for m, v in mandates],
            ),
        )
    )
    degrees = list(stats["degrees"].items())
    sections.append(
        _section(
            "Degrees of adoption",
            formulas["degrees"],
            _chart(lambda ax: _bars(ax, [d for d, _ in degrees], [n for _, n in degrees])),
            _table(("degree", "standards"), degrees),
        )
    )
    cohorts = stats["cohorts"]
    labels = [f"{c['from']}–{c['to']}" for c in cohorts]

    def draw_cohorts(ax: Any) -> None:
        bottom = [0] * len(cohorts)
        for degree in ("IDT", "MOD", "NEQ", "EQV", "unknown"):
            values = [c.get(degree, 0) for c in cohorts]
            ax.bar(labels, values, bottom=bottom, label=degree)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.bar(
            labels,
            [c["standards"] - c["adopting"] for c in cohorts],
            bottom=bottom,
            label="none",
            color="#dddddd",
        )
        ax.tick_params(axis="x", labelrotation=60, labelsize=7)
        ax.legend(fontsize=7)

    sections.append(
        _section(
            "Adoption by five-year cohort",
            formulas["cohorts"],
            _chart(draw_cohorts) if cohorts else None,
            _table(
                ("cohort", "standards", "adopting", "share", "IDT", "MOD", "NEQ", "EQV"),
                [
                    (
                        lab,
                        c["standards"],
                        c["adopting"],
                        c["share"],
                        c["IDT"],
                        c["MOD"],
                        c["NEQ"],
                        c["EQV"],
                    )
                    for lab, c in zip(labels, cohorts, strict=True)
                ],
            ),
        )
    )
    force = stats["in_force"]
    ages = list(force["age"].items())
    sections.append(
        _section(
            "Standards in force by age (标龄)",
            formulas["in_force"] + "; " + formulas["age"],
            _chart(lambda ax: _bars(ax, [a for a, _ in ages], [n for _, n in ages]))
            if ages
            else None,
            _table(
                ("age (years)", "standards"),
                [
                    *ages,
                    ("in force", force["standards"]),
                    ("older than 5 years", force["older_than_review"]),
                    ("share older than 5 years", force["older_than_review_share"]),
                ],
            ),
        )
    )
    conversion = stats["conversion_rate"]
    if conversion is not None:

        def draw_rate(ax: Any) -> None:
            ax.barh(["conversion rate"], [conversion["rate"] * 100], color="#4477aa")
            ax.axvline(
                conversion["target"] * 100,
                color="#cc3311",
                linestyle="--",
                label=f"Outline: {conversion['target']:.0%}",
            )
            ax.set_xlim(0, 100)
            ax.set_xlabel("%")
            ax.legend()

        sections.append(
            _section(
                "Conversion rate of international standards",
                formulas["conversion_rate"],
                _chart(draw_rate),
                _table(
                    ("measure", "value"),
                    [
                        ("reference set", conversion["reference"]),
                        ("adopted", conversion["adopted"]),
                        ("rate", conversion["rate"]),
                        ("Outline's line", conversion["target"]),
                        ("meets the line", conversion["meets_target"]),
                    ],
                ),
            )
        )
    other = [
        ("standards", stats["standards"]),
        ("distinct editions", stats["distinct"]),
        ("adoption share", stats["adoption_share"]),
        ("stale citations", stats["stale_citations"]),
        ("implementation interval, median days", stats["implementation_interval"]["median_days"]),
        ("formulation interval, median days", stats["formulation_interval"]["median_days"]),
    ]
    sections.append(
        _section(
            "Other figures",
            "; ".join(formulas[k] for k in ("standards", "adoption_share", "stale_citations")),
            None,
            _table(("measure", "value"), other),
        )
    )
    style = (
        "body{font-family:sans-serif;margin:2em;max-width:70em}"
        ".pair{display:flex;gap:2em;align-items:flex-start;flex-wrap:wrap}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;"
        "text-align:right}.formula{color:#555;font-size:.9em}"
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Library metrics as of {html.escape(stats['as_of'])}</title><style>{style}</style>"
        f"</head><body><h1>Library metrics as of {html.escape(stats['as_of'])}</h1>"
        + "".join(sections)
        + "</body></html>\n"
    )


def _bars(ax: Any, labels: list[str], values: list[int]) -> None:
    ax.bar(labels, values, color="#4477aa")
    ax.tick_params(axis="x", labelrotation=45, labelsize=8)


STATS_FORMATS: dict[str, Callable[[dict[str, Any]], str]] = {
    "text": as_text,
    "json": as_json,
    "csv": as_csv,
    "html": as_html,
}


def render_stats(stats: dict[str, Any], format: str) -> str:
    """The metrics in one of :data:`STATS_FORMATS`."""
    return STATS_FORMATS[format](stats)
