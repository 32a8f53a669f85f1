"""Metadata: classification codes, stages, dates, languages, scripts and titles."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from ..model import Lifecycle, Mandate, Metadata
from ._common import (
    code_table,
    compare_dates,
    is_chinese_national,
    parse_id,
    parse_partial_date,
    quoted,
)
from .context import Context, Loc
from .registry import Finding, rule
from .samples import meta

ALL = ("generic", "iso", "gb")

#: Harmonized stage codes (ISO/IEC Directives Part 1, Consolidated ISO Supplement, Annex SD).
STAGES = frozenset({"00", "10", "20", "30", "40", "50", "60", "90", "95"})
SUBSTAGES = frozenset({"00", "20", "60", "90", "92", "93", "98", "99"})

# RFC 5646, 2.1 (syntax) with the grandfathered tags of 2.2.8.
_ALNUM = "[A-Za-z0-9]"
_LANGTAG = re.compile(
    r"^(?P<language>[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-(?P<script>[A-Za-z]{4}))?"
    r"(?:-(?P<region>[A-Za-z]{2}|[0-9]{3}))?"
    rf"(?P<variants>(?:-(?:{_ALNUM}{{5,8}}|[0-9]{_ALNUM}{{3}}))*)"
    rf"(?P<extensions>(?:-[0-9A-WY-Za-wy-z](?:-{_ALNUM}{{2,8}})+)*)"
    rf"(?:-[xX](?:-{_ALNUM}{{1,8}})+)?$"
)
_PRIVATE = re.compile(rf"^[xX](?:-{_ALNUM}{{1,8}})+$")
_GRANDFATHERED = frozenset(
    t.lower()
    for t in [
        "en-GB-oed",
        "i-ami",
        "i-bnn",
        "i-default",
        "i-enochian",
        "i-hak",
        "i-klingon",
        "i-lux",
        "i-mingo",
        "i-navajo",
        "i-pwn",
        "i-tao",
        "i-tay",
        "i-tsu",
        "sgn-BE-FR",
        "sgn-BE-NL",
        "sgn-CH-DE",
        "art-lojban",
        "cel-gaulish",
        "no-bok",
        "no-nyn",
        "zh-guoyu",
        "zh-hakka",
        "zh-min",
        "zh-min-nan",
        "zh-xiang",
    ]
)


def language_tag_problem(tag: str) -> str | None:
    """Why ``tag`` is not a well-formed BCP 47 tag, or None if it is one."""
    if tag.lower() in _GRANDFATHERED or _PRIVATE.match(tag):
        return None
    match = _LANGTAG.match(tag)
    if match is None:
        if "_" in tag:
            return "uses '_' where BCP 47 uses '-'"
        return "is not a well-formed BCP 47 language tag"
    script = match.group("script")
    if script and not _known_script(script):
        return f"has script subtag {script!r}, which is not an ISO 15924 code"
    variants = [v.lower() for v in match.group("variants").split("-") if v]
    if len(variants) != len(set(variants)):
        return "repeats a variant subtag"
    singletons = re.findall(r"-([0-9A-WY-Za-wy-z])(?=-)", match.group("extensions") or "")
    if len(singletons) != len(set(s.lower() for s in singletons)):
        return "repeats an extension singleton"
    return None


def _known_script(code: str) -> bool:
    if len(code) != 4 or not code.isalpha():
        return False
    normal = code[0].upper() + code[1:].lower()
    if normal in code_table("iso15924"):
        return True
    # Qaaa..Qabx are reserved for private use (ISO 15924:2022, 4.6).
    return normal.startswith("Qa") and ("aaa" <= normal[1:].lower() <= "abx")


def _metadata(ctx: Context) -> Iterator[tuple[Metadata, Loc]]:
    for layer in ctx.layers:
        yield layer.layer.metadata, (*layer.loc, "metadata")


@rule(
    code="MRS601",
    name="unknown-ics-code",
    severity="error",
    profiles=ALL,
    citation="International Classification for Standards (ICS), 7th edition, ISO 2015",
    summary="Every ICS code is one that the ICS defines (field, group or sub-group).",
    bad=meta(ics=[{"code": "03.125.10"}]),
    good=meta(ics=[{"code": "03.120.10"}]),
)
def unknown_ics(ctx: Context) -> Iterator[Finding]:
    known = code_table("ics")
    for metadata, loc in _metadata(ctx):
        for i, ics in enumerate(metadata.ics):
            if ics.code not in known:
                parent = ics.code.rsplit(".", 1)[0] if "." in ics.code else None
                hint = f"{parent} exists" if parent and parent in known else None
                yield ctx.report(
                    (*loc, "ics", i, "code"), f"ICS code {ics.code} does not exist", hint
                )


_GB_META: dict[str, Any] = {
    "identifier": {"value": "GB/T 30001-2020"},
    "titles": [{"language": "zh", "main": "部件计数方法"}],
    "languages": ["zh"],
    "prefix": "GB/T",
    "mandate": "recommended",
    "scope": "national",
    "doc_type": "national-standard",
    "dates": {"published": "2020-03-01", "implemented": "2020-10-01"},
    "ccs": [{"code": "A00"}],
    "ics": [{"code": "03.120.10"}],
}


def gb_meta(**changes: Any) -> dict[str, Any]:
    """A patch making the sample a GB/T national standard, with ``changes``."""
    return {"metadata": {**_GB_META, **changes}}


@rule(
    code="MRS602",
    name="unknown-ccs-code",
    severity="error",
    profiles=("generic", "gb"),
    citation="Chinese Classification for Standards (中国标准文献分类法, CCS)",
    summary="Every CCS code is one that the CCS defines.",
    bad=gb_meta(ccs=[{"code": "A09"}]),
    good=gb_meta(ccs=[{"code": "A00"}]),
)
def unknown_ccs(ctx: Context) -> Iterator[Finding]:
    known = code_table("ccs")
    for metadata, loc in _metadata(ctx):
        for i, ccs in enumerate(metadata.ccs):
            if ccs.code not in known:
                yield ctx.report((*loc, "ccs", i, "code"), f"CCS code {ccs.code} does not exist")


@rule(
    code="MRS603",
    name="invalid-stage-code",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 1, Consolidated ISO Supplement, Annex SD (harmonized "
    "stage codes)",
    summary="A stage code is a harmonized stage (00 to 95) and substage (00, 20, 60, 90, 92, "
    "93, 98, 99).",
    bad=meta(status={"stage": "60.50", "lifecycle": "published"}),
    good=meta(status={"stage": "60.60", "lifecycle": "published"}),
)
def stage_code(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        stage = metadata.status.stage
        if stage is None:
            continue
        major, _, minor = stage.partition(".")
        if major not in STAGES:
            yield ctx.report((*loc, "status", "stage"), f"stage code {stage}: {major} is no stage")
        elif minor not in SUBSTAGES:
            yield ctx.report(
                (*loc, "status", "stage"), f"stage code {stage}: {minor} is no substage"
            )


@rule(
    code="MRS604",
    name="implemented-before-published",
    any_edition=True,
    severity="error",
    profiles=ALL,
    citation="GB/T 1.1-2020, 8.1 (cover: publication and implementation dates); domain notes, "
    "section 2 (实施日期 is on or after 发布日期)",
    summary="The implementation date is on or after the publication date.",
    bad=meta(dates={"published": "2020-03-01", "implemented": "2019-12-01"}),
    good=meta(dates={"published": "2020-03-01", "implemented": "2020-10-01"}),
)
def implementation_date(ctx: Context) -> Iterator[Finding]:
    yield from _before_publication(ctx, "implemented")


@rule(
    code="MRS605",
    name="withdrawn-without-date",
    severity="warning",
    profiles=ALL,
    citation="ISO/IEC Directives Part 1, Annex SD (stage 95.99: withdrawal); domain notes, "
    "section 2 (废止)",
    summary="A withdrawn document (lifecycle withdrawn or stage 95.99) records its withdrawal "
    "date.",
    bad=meta(status={"stage": "95.99", "lifecycle": "withdrawn"}),
    good=meta(
        status={"stage": "95.99", "lifecycle": "withdrawn"},
        dates={"published": "2020-03-01", "withdrawn": "2024-06-01"},
    ),
)
def withdrawn_date(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        status = metadata.status
        withdrawn = status.lifecycle is Lifecycle.WITHDRAWN or status.stage == "95.99"
        if withdrawn and not metadata.dates.withdrawn:
            yield ctx.report(
                (*loc, "dates"),
                "the document is withdrawn but has no withdrawal date",
                hint="set dates.withdrawn",
            )


def _language_fields(metadata: Metadata, loc: Loc) -> Iterator[tuple[str, Loc]]:
    for i, tag in enumerate(metadata.languages):
        yield tag, (*loc, "languages", i)
    for i, title in enumerate(metadata.titles):
        yield title.language, (*loc, "titles", i, "language")
    for field in ("keywords", "abstract"):
        for i, item in enumerate(getattr(metadata, field)):
            if item.language:
                yield item.language, (*loc, field, i, "language")


@rule(
    code="MRS606",
    name="invalid-language-tag",
    severity="error",
    profiles=ALL,
    citation="BCP 47 (RFC 5646, 2.1 syntax and 2.2.9 validity of subtags)",
    summary="Languages (of the document, titles, abstracts, keywords, terms) are well-formed "
    "BCP 47 tags.",
    bad=meta(languages=["en_GB"], titles=[{"language": "en_GB", "main": "Widgets"}]),
    good=meta(languages=["en-GB"], titles=[{"language": "en-GB", "main": "Widgets"}]),
)
def language_tags(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        for tag, where in _language_fields(metadata, loc):
            problem = language_tag_problem(tag)
            if problem:
                yield ctx.report(where, f"language {tag!r} {problem}")
    for entry, loc, _flags, _layer in ctx.index.terms:
        tagged: list[tuple[str, int, str | None]] = [
            ("designations", i, d.language) for i, d in enumerate(entry.designations)
        ]
        tagged += [("definitions", i, d.language) for i, d in enumerate(entry.definitions)]
        for field, i, language in tagged:
            if language and (problem := language_tag_problem(language)):
                yield ctx.report((*loc, field, i, "language"), f"language {language!r} {problem}")


def _same_language(a: str, b: str) -> bool:
    return a.casefold() == b.casefold() or a.split("-")[0].casefold() == b.split("-")[0].casefold()


@rule(
    code="MRS607",
    name="title-missing-in-language",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 11 (title); GB/T 1.1-2020, 8.1 (cover shows the "
    "title in each language of the document)",
    summary="Each declared language of the document has a title in that language.",
    bad=meta(languages=["en", "fr"]),
    good=meta(
        languages=["en", "fr"],
        titles=[{"language": "en", "main": "Widgets"}, {"language": "fr", "main": "Pièces"}],
    ),
)
def title_languages(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        if not metadata.titles:
            continue
        for i, language in enumerate(metadata.languages):
            if not any(_same_language(t.language, language) for t in metadata.titles):
                yield ctx.report(
                    (*loc, "languages", i),
                    f"the document is declared in {language!r} but has no title in it",
                    hint=f"add a title with language {language!r}",
                )


@rule(
    code="MRS608",
    name="invalid-script-code",
    severity="error",
    profiles=ALL,
    citation="ISO 15924:2022 (codes for the representation of names of scripts)",
    summary="Scripts are ISO 15924 four-letter codes such as Latn, Hans, Cyrl.",
    bad=meta(scripts=["Lant"]),
    good=meta(scripts=["Latn"]),
)
def script_codes(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        for i, script in enumerate(metadata.scripts):
            if not _known_script(script):
                yield ctx.report(
                    (*loc, "scripts", i),
                    f"script {script!r} is not an ISO 15924 code",
                    _script_hint(script),
                )
        for i, title in enumerate(metadata.titles):
            if title.script and not _known_script(title.script):
                yield ctx.report(
                    (*loc, "titles", i, "script"),
                    f"script {title.script!r} is not an ISO 15924 code",
                    _script_hint(title.script),
                )
        for field in ("keywords", "abstract"):
            for i, item in enumerate(getattr(metadata, field)):
                if item.script and not _known_script(item.script):
                    yield ctx.report(
                        (*loc, field, i, "script"),
                        f"script {item.script!r} is not an ISO 15924 code",
                        _script_hint(item.script),
                    )


def _script_hint(script: str) -> str | None:
    close = difflib.get_close_matches(
        script.title(), sorted(code_table("iso15924")), n=1, cutoff=0.5
    )
    return f"did you mean {close[0]!r}?" if close else None


@rule(
    code="MRS609",
    name="title-missing",
    any_edition=True,
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 11 (every document has a title); GB/T 1.1-2020, 8.1",
    summary="The document has a title with a main element or full text.",
    bad=meta(titles=[], languages=[]),
    good=meta(titles=[{"language": "en", "main": "Widgets"}]),
)
def title_missing(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        if any(t.main or t.full for t in metadata.titles):
            continue
        if any(_TITLE_WRAP.match(xml) for xml in metadata.foreign):
            continue  # the source has a title, which the model keeps as foreign XML
        yield ctx.report((*loc, "titles"), "the document has no title")


#: A title kept as foreign metadata XML (an STS title-wrap the reader could not model).
_TITLE_WRAP = re.compile(r"\s*<(?:[\w.-]+:)?title-wrap[\s>/]")


def _dates(metadata: Metadata, loc: Loc) -> Iterator[tuple[str, Loc]]:
    dates = metadata.dates
    for field in ("published", "implemented", "withdrawn", "confirmed"):
        value = getattr(dates, field)
        if value:
            yield value, (*loc, "dates", field)
    for i, other in enumerate(dates.other):
        yield other.value, (*loc, "dates", "other", i, "value")
    for i, relation in enumerate(metadata.relations):
        if relation.date:
            yield relation.date, (*loc, "relations", i, "date")


@rule(
    code="MRS610",
    name="invalid-date",
    severity="error",
    profiles=ALL,
    citation="ISO 8601-1:2019, 5.2.2 (calendar dates, complete and reduced precision)",
    summary="Every date is a real calendar date (no month 13, no 30 February).",
    bad=meta(dates={"published": "2020-02-30"}),
    good=meta(dates={"published": "2020-02-29"}),
)
def invalid_date(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        for value, where in _dates(metadata, loc):
            if parse_partial_date(value) is None:
                yield ctx.report(where, f"{value} is not a calendar date")


@rule(
    code="MRS611",
    name="withdrawn-before-published",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 1, Annex SD (withdrawal, stage 95, follows publication, "
    "stage 60)",
    summary="The withdrawal date is not before the publication date.",
    bad=meta(dates={"published": "2020-03-01", "withdrawn": "2019-01-01"}),
    good=meta(dates={"published": "2020-03-01", "withdrawn": "2024-01-01"}),
)
def withdrawn_before(ctx: Context) -> Iterator[Finding]:
    yield from _before_publication(ctx, "withdrawn")


def _before_publication(ctx: Context, field: str) -> Iterator[Finding]:
    """A finding for each layer whose ``field`` date comes before its publication date."""
    for metadata, loc in _metadata(ctx):
        published, other = metadata.dates.published, getattr(metadata.dates, field)
        if published and other and compare_dates(published, other) is False:
            yield ctx.report(
                (*loc, "dates", field),
                f"{field} {other}, before its publication on {published}",
            )


def _lifecycle_conflict(stage: str, lifecycle: Lifecycle) -> str | None:
    major = stage[:2]
    if major == "95" and lifecycle in (Lifecycle.DRAFT, Lifecycle.PUBLISHED, Lifecycle.IN_FORCE):
        return "stage 95 means withdrawn"
    if lifecycle is Lifecycle.DRAFT and major in ("60", "90"):
        return f"stage {stage} means published"
    if lifecycle in (Lifecycle.PUBLISHED, Lifecycle.IN_FORCE) and major < "60":
        return f"stage {stage} is a draft stage"
    if lifecycle is Lifecycle.WITHDRAWN and major < "95" and stage != "90.99":
        return f"stage {stage} is not a withdrawal stage"
    return None


@rule(
    code="MRS612",
    name="stage-lifecycle-mismatch",
    severity="warning",
    profiles=ALL,
    citation="ISO/IEC Directives Part 1, Annex SD (stage 60 publication, 90 review, 95 withdrawal)",
    summary="The lifecycle agrees with the stage code (a published document is at stage 60 or "
    "90, a withdrawn one at 95).",
    bad=meta(status={"stage": "40.60", "lifecycle": "published"}),
    good=meta(status={"stage": "60.60", "lifecycle": "published"}),
)
def stage_lifecycle(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        status = metadata.status
        if status.stage and status.lifecycle:
            conflict = _lifecycle_conflict(status.stage, status.lifecycle)
            if conflict:
                yield ctx.report(
                    (*loc, "status"),
                    f"lifecycle {status.lifecycle.value} does not agree with the stage: {conflict}",
                )


@rule(
    code="MRS613",
    name="gb-cover-classification",
    severity="warning",
    profiles=("gb",),
    citation="GB/T 1.1-2020, 8.1 (the cover gives the ICS and CCS codes)",
    summary="A Chinese national standard gives both its ICS and its CCS codes.",
    bad=gb_meta(ccs=[]),
    good=gb_meta(),
)
def gb_classification(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        if not is_chinese_national(metadata):
            continue
        for field, name in (("ics", "ICS"), ("ccs", "CCS")):
            if not getattr(metadata, field):
                yield ctx.report(
                    (*loc, field), f"the {name} code is missing", hint="GB covers show both"
                )


@rule(
    code="MRS614",
    name="gb-implementation-date-missing",
    severity="warning",
    profiles=("gb",),
    citation="GB/T 1.1-2020, 8.1 (the cover gives the publication and implementation dates)",
    summary="A published Chinese national standard gives its implementation date (实施日期).",
    bad=gb_meta(dates={"published": "2020-03-01"}),
    good=gb_meta(),
)
def gb_implementation(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        if (
            is_chinese_national(metadata)
            and metadata.dates.published
            and not metadata.dates.implemented
        ):
            yield ctx.report((*loc, "dates"), "the implementation date (实施日期) is missing")


@rule(
    code="MRS615",
    name="unparseable-document-identifier",
    any_edition=True,
    severity="warning",
    profiles=ALL,
    citation="ISO/IEC Directives Part 1 and GB/T 1.1-2020, 8.1 (document reference); mrstd "
    "identifier grammars (mrstd.ids)",
    summary="The document's own identifier follows a known grammar.",
    bad=meta(identifier={"value": "Widget counting rules, issue 3"}),
    good=meta(identifier={"value": "ISO 12345:2020"}),
)
def own_identifier(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        value = metadata.identifier.value
        if metadata.identifier.scheme == "derived":
            # A reader's placeholder ("unidentified"): the source gave no identifier at all.
            yield ctx.report(
                (*loc, "identifier"),
                "the document has no identifier",
                hint="give the document reference (an STS std-ref, a Relaton docidentifier)",
            )
        elif parse_id(value) is None:
            yield ctx.report(
                (*loc, "identifier", "value"),
                f"identifier {quoted(value)} follows no known grammar",
            )


_MANDATES = {
    "mandatory": Mandate.MANDATORY,
    "recommended": Mandate.RECOMMENDED,
    "guidance": Mandate.GUIDANCE,
}


@rule(
    code="MRS616",
    name="gb-mandate-mismatch",
    severity="error",
    profiles=("generic", "gb"),
    citation="Standardization Law of the PRC, art. 2 and 10 (GB mandatory, GB/T recommended); "
    "domain notes, section 2",
    summary="The mandate and prefix of a Chinese standard agree with its number (GB mandatory, "
    "GB/T recommended, GB/Z guidance).",
    bad=gb_meta(mandate="mandatory"),
    good=gb_meta(mandate="recommended"),
)
def gb_mandate(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        ident = parse_id(metadata.identifier.value)
        if ident is None or ident.mandate is None:
            continue
        expected = _MANDATES.get(ident.mandate)
        if (
            metadata.mandate is not None
            and expected is not None
            and metadata.mandate is not expected
        ):
            yield ctx.report(
                (*loc, "mandate"),
                f"mandate {metadata.mandate.value} does not agree with "
                f"{metadata.identifier.value}, "
                f"which is {expected.value}",
            )
        if metadata.prefix:
            number = metadata.identifier.value.replace(" ", "")
            if not number.upper().startswith(metadata.prefix.replace(" ", "").upper()):
                yield ctx.report(
                    (*loc, "prefix"),
                    f"prefix {metadata.prefix} does not agree with {metadata.identifier.value}",
                )
