"""The /about reference sections: sources, strategy period, suppression, citation,
glossary and help. Pure functions: the page passes in what the database and settings say."""

from __future__ import annotations

from datetime import date

from dash import html
from dash.development.base_component import Component

from dashboard.components.about_method import section
from dashboard.components.shell import EMERGENCY_NUMBER, HOTLINE_DISPLAY, HOTLINE_TEL
from dashboard.components.tables import scroll_table
from pipelines.language.formatting import format_date, format_month, format_timestamp, format_value
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.rows import Source, Strategy

SOURCE_COLUMNS = ("title", "publisher", "date", "language", "edition", "kind", "sha")
# Sources made by loading a file (their title is the file's English label).
LOADED_KINDS = frozenset({"demo", "submission"})


def published_text(published: object, about: bool, lang: Lang) -> str:
    """'2025-11-26' → long date, '2016-06' → month, '2014' → year; 'about …' when approximate."""
    if published is None or not str(published).strip():
        return t("about_sources.undated", lang)
    text = str(published)
    if len(text) == 10:
        text = format_date(date.fromisoformat(text), lang)
    elif len(text) == 7:
        text = format_month(date.fromisoformat(text + "-01"), lang)
    return t("about_sources.about", lang, date=text) if about else text


def _source_title(row: Source, lang: Lang) -> Component:
    """The title in its own language, linked to the source when its address is known (the
    link is the title itself, so the table keeps readable widths on narrow screens). A
    quarterly submission has no title of its own: the catalogue names it, in the page's
    language, with its load."""
    if row.kind in LOADED_KINDS:
        return html.Span(t(f"about_sources.title_{row.kind}", lang,
                           edition=pick(row, "edition", lang)))
    title = html.Span(str(row.title), lang=str(row.language))
    url = row.url
    if isinstance(url, str) and url:
        return html.A(title, href=url)
    return html.Span([title, html.Br(), html.Small(t("about_sources.no_url", lang))])


def _source_row(row: Source, lang: Lang) -> Component:
    return html.Tr(
        [
            html.Th(_source_title(row, lang), scope="row"),
            html.Td(t("about_sources.publisher_demo", lang) if row.kind == "demo"
                    else row.publisher_fr if lang == "fr" else row.publisher),
            html.Td(published_text(row.published, bool(row.published_about), lang)),
            html.Td(t(f"about_sources.lang_{row.language}", lang)),
            html.Td(pick(row, "edition", lang)),
            html.Td(t(f"about_sources.kind_{row.kind}", lang)),
            html.Td(html.Code(str(row.sha256)[:12], className="sha")),
        ],
        id=f"source-{row.source_id}",
    )


def sources_section(sources: list[Source], lang: Lang) -> Component:
    caption = t("about_sources.caption", lang)
    head = html.Tr(
        [html.Th(t(f"about_sources.col_{c}", lang), scope="col") for c in SOURCE_COLUMNS]
    )
    table = html.Table(
        [
            html.Caption(caption),
            html.Thead(head),
            html.Tbody([_source_row(r, lang) for r in sources]),
        ],
        className="data-table sources-table",
    )
    return section(
        "sources",
        t("about_sources.heading", lang),
        [html.P(t("about_sources.intro", lang)), scroll_table(table, caption)],
    )


def _review_sentence(years: int, lang: Lang) -> Component:
    # The Act's title is italic, as titles of statutes are; the catalogue keeps the sentence
    # whole, so split it around a placeholder rather than concatenating fragments.
    marker = "\x00"
    before, after = t("about_period.review", lang, years=years, act=marker).split(marker)
    return html.P([before, html.Em(t("about_period.act", lang)), after])


def _target_reading(reading: dict[str, str], lang: Lang) -> list[Component | None]:
    """The assumption behind the 1,100 target: new trainees from the start of the period,
    with the July 2025 release that says more than 1,000 were trained since 2020, quoted in
    English as published (docs/architecture.md › Domain rules: targets)."""
    return [
        html.P(t("about_period.target_reading", lang, target=reading["target"],
                 start=reading["start"]), id="target-reading"),
        html.P(t("about_period.target_context", lang)),
        html.Blockquote(html.P(f"“{t('about_period.trained_quote', lang)}”"), lang="en",
                        className="source-quote"),
        html.P(t("about_period.trained_translation", lang), className="translation")
        if lang == "fr"
        else None,
        html.P(t("about_period.target_consequence", lang)),
    ]


def period_section(reading: dict[str, str], strategy: Strategy | None,
                   lang: Lang) -> Component:
    """``reading`` holds the formatted range, start, end and target; ``strategy`` the marts
    row."""
    children: list[Component | None] = [html.P(t("about_period.reading", lang, **reading)),
                                        *(_target_reading(reading, lang)
                                          if "target" in reading else [])]
    if strategy is not None:
        note = pick(strategy, "note", lang)
        children += [
            html.P(note) if note else None,
            _review_sentence(int(strategy.review_interval_years or 5), lang),
            html.Blockquote(
                html.P(f"« {strategy.locator} »"), lang="fr", className="source-quote"
            ),
            html.P(t("about_period.review_translation", lang), className="translation")
            if lang == "en"
            else None,
        ]
    return section("period", t("about_period.heading", lang), children)


def suppression_section(threshold: int, lang: Lang) -> Component:
    return section(
        "suppression",
        t("about_suppression.heading", lang),
        [
            html.P(t("about_suppression.rule", lang, largest=threshold - 1, threshold=threshold)),
            html.P(t("about_suppression.complementary", lang)),
            html.P(t("about_suppression.totals", lang)),
        ],
    )


def cite_section(info: dict[str, str], url: str, lang: Lang) -> Component:
    version = info.get("inputs_sha256", "")[:12] or t("about_cite.unknown", lang)
    built = info.get("built_at")
    citation = t(
        "about_cite.citation",
        lang,
        title=t("site.title", lang),
        version=version,
        date=format_timestamp(built, lang) if built else t("about_cite.unknown", lang),
        url=url,
    )
    return section(
        "cite",
        t("about_cite.heading", lang),
        [html.P(t("about_cite.intro", lang)), html.P(citation, className="formula citation")],
    )


def _law(key: str, lang: Lang) -> list[Component]:
    items: list[Component] = [
        html.Dt(t(f"about_glossary.{key}_label", lang)),
        html.Dd(html.Blockquote(f"« {t(f'about_quotes.{key}', lang)} »", lang="fr")),
    ]
    # Legal French is dense: both languages get a plain paraphrase under the quote.
    paraphrase = t(f"about_glossary.{key}_paraphrase", lang)
    items.append(html.Dd(f"{t('about_glossary.paraphrase', lang)} {paraphrase}"))
    return items


def _qualifier_examples(lang: Lang) -> Component:
    qualifiers = ("more_than", "at_least", "about", "nearly", "up_to")
    examples = [format_value(29000, "count", q, lang) for q in qualifiers]
    # The two printed forms that are not one number: a range and "all" (100 percent).
    examples += [format_value(45, "count", "range", lang, value_high=50),
                 format_value(100, "percent", "all", lang)]
    return html.Ul([html.Li(example) for example in examples])


def glossary_section(fiscal: dict[str, str], lang: Lang) -> Component:
    g = "about_glossary"
    terms: list[Component] = [
        html.Dt(t(f"{g}.trafficking", lang)),
        html.Dd(t(f"{g}.trafficking_intro", lang)),
        html.Dd(
            html.Dl([*_law("cc_27901", lang), *_law("cc_27904", lang), *_law("irpa_118", lang)])
        ),
        html.Dt(t(f"{g}.qualifiers", lang)),
        html.Dd([t(f"{g}.qualifiers_body", lang), _qualifier_examples(lang)]),
        html.Dt(t(f"{g}.fiscal_year", lang)),
        html.Dd(t(f"{g}.fiscal_year_body", lang, **fiscal)),
        html.Dt(t(f"{g}.edition", lang)),
        html.Dd(t(f"{g}.edition_body", lang)),
        html.Dt(t(f"{g}.reported_activity", lang)),
        html.Dd(t(f"{g}.reported_activity_body", lang)),
    ]
    return section("glossary", t(f"{g}.heading", lang), [html.Dl(terms, className="glossary")])


def help_section(lang: Lang) -> Component:
    return section(
        "help",
        t("about_help.heading", lang),
        [
            html.P(
                [
                    t("help.in_danger", lang),
                    " ",
                    html.A(EMERGENCY_NUMBER, href=f"tel:{EMERGENCY_NUMBER}", className="tel"),
                    " ",
                    t("about_help.police", lang),
                ]
            ),
            html.P(
                [
                    t("about_help.body", lang),
                    " ",
                    html.A(HOTLINE_DISPLAY, href=HOTLINE_TEL, className="tel"),
                    ". ",
                    t("about_help.terms", lang),
                ]
            ),
        ],
    )
