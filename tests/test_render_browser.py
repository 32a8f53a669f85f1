"""Rendered pages in a real browser (issue 15): Debian's chromium, driven through
chromium-driver. .ci/run installs both; without them these tests skip, or fail under
MRSTD_REQUIRE_CORPUS=1, where nothing skips."""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import mrstd
from mrstd.model import Document, Formula, InlineFormula, Link, Text, Title
from mrstd.testing import documents
from support import formula_count, missing_corpus

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
GOLDEN = ROOT / "tests" / "golden" / "render"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

#: What the page reports about itself: links to no anchor, MathML, provision marks.
_PROBE = """
const ids = new Set([...document.querySelectorAll('[id]')].map(e => e.id));
const links = [...document.querySelectorAll('a[href^="#"]')];
const kinds = {};
for (const el of document.querySelectorAll('span.provision')) {
  const kind = el.classList[1];
  kinds[kind] = (kinds[kind] || 0) + 1;
}
return {
  broken: links.filter(a => !ids.has(decodeURIComponent(a.getAttribute('href').slice(1)))).length,
  links: links.length,
  math: document.querySelectorAll('math').length,
  math_elements: document.querySelectorAll('math, math *').length,
  kinds: kinds,
  elements: document.querySelectorAll('*:not(span.provision)').length,
  handlers: [...document.querySelectorAll('*')].filter(
    e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on'))).length,
  scriptLinks: [...document.querySelectorAll('[href], [src]')].filter(
    e => /^\\s*(javascript|vbscript|data):/i.test(e.getAttribute('href') || '')).length,
  pwned: window.__pwned === undefined ? null : window.__pwned,
};
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if CHROMIUM is None or DRIVER is None:
        missing_corpus("headless Chromium is not installed (Debian: chromium, chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(argument)
    options.add_argument("--window-size=1024,1400")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--hide-scrollbars")
    options.add_argument("--force-device-scale-factor=1")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER or ""), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _open(browser: Any, doc: Document, folder: Path, name: str = "page.html") -> dict[str, Any]:
    page = folder / name
    page.write_text(mrstd.render(doc), "utf-8")
    browser.get_log("browser")  # forget what earlier pages logged
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(page.as_uri())
    WebDriverWait(browser, 60).until(
        lambda b: b.execute_script("return document.readyState") == "complete"
    )
    found: dict[str, Any] = browser.execute_script(_PROBE)
    # A missing image the document refers to is the document's business, not the page's.
    found["errors"] = [
        entry
        for entry in browser.get_log("browser")
        if entry["level"] == "SEVERE" and entry.get("source") != "network"
    ]
    return found


def _check(browser: Any, doc: Document, folder: Path, name: str = "page.html") -> dict[str, Any]:
    found = _open(browser, doc, folder, name)
    assert found["broken"] == 0, "a link to no anchor"
    assert not found["errors"], found["errors"]
    assert found["math"] == formula_count(doc)
    assert found["kinds"] == dict(Counter(p.kind.value for p in mrstd.provisions(doc)))
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_in_the_browser(browser: Any, path: Path, tmp_path: Path) -> None:
    _check(browser, mrstd.load(path), tmp_path)


def test_corpus_samples_in_the_browser(browser: Any, corpus: Path, tmp_path: Path) -> None:
    samples = sorted((corpus / "sts" / "samples").glob("*.xml"))
    assert samples
    links = 0
    for path in samples:
        # A page of its own each: a new address is a new document, never the last one's.
        page = f"{path.stem}.html"
        links += _check(browser, mrstd.load(path, format="sts"), tmp_path, page)["links"]
    assert links > 1000  # the NISO sample alone has thousands of cross-references


HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>&amp;"\'>'
#: MathML that would act as HTML: an HTML element inside token text (which HTML parses as
#: HTML), an event handler, a script URL.
HOSTILE_MATH = (
    '<math xmlns="http://www.w3.org/1998/Math/MathML"><mtext><img src="x"'
    ' onerror="window.__pwned=4"/></mtext><mi onclick="window.__pwned=5"'
    ' href="javascript:window.__pwned=6">x</mi></math>'
)


def _hostile(node: Any) -> Any:
    """The document with every text run and title replaced by markup that would run script
    if it were not escaped."""
    if type(node) is tuple:
        return tuple(_hostile(item) for item in node)
    if not hasattr(node, "__dataclass_fields__") and not isinstance(node, Document):
        return node
    changes: dict[str, Any] = {}
    for name, value in node.__dict__.items():
        if (isinstance(node, Text) and name == "text") or (
            isinstance(node, Title) and name in ("main", "full") and value
        ):
            changes[name] = HOSTILE
        elif isinstance(node, Link) and name == "href":
            changes[name] = "javascript:window.__pwned=3"
        elif isinstance(node, (Formula, InlineFormula)) and name == "mathml" and value:
            changes[name] = HOSTILE_MATH
        elif type(value) is tuple or hasattr(value, "__dataclass_fields__"):
            changes[name] = _hostile(value)
    if isinstance(node, Document):
        return node.model_copy(update=changes)
    return dataclasses.replace(node, **changes)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents())
def test_hostile_text_runs_no_script_and_adds_no_element(browser: Any, doc: Document) -> None:
    folder = Path(os.environ.get("TMPDIR", "/tmp"))
    plain = _open(browser, doc, folder, "plain.html")
    hostile = _open(browser, _hostile(doc), folder, "hostile.html")
    assert hostile["pwned"] is None
    assert hostile["handlers"] == 0 and hostile["scriptLinks"] == 0
    # Hostile MathML is shown as its source: one code element instead of the formula's.
    assert hostile["elements"] == plain["elements"] - plain["math_elements"] + plain["math"]


def test_first_page_looks_as_it_did(browser: Any, tmp_path: Path) -> None:
    """A screenshot of the first page of an example against a committed one, with a
    tolerance: a broken stylesheet moves far more than that."""
    from io import BytesIO

    from PIL import Image, ImageChops

    _open(browser, mrstd.load(ROOT / "examples" / "iso-widget.json"), tmp_path)
    shot = Image.open(BytesIO(browser.get_screenshot_as_png())).convert("RGB")
    golden = GOLDEN / "iso-widget.png"
    if os.environ.get("MRSTD_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        shot.save(golden)
        pytest.fail(f"{golden.name} written; run the tests again without MRSTD_UPDATE_GOLDEN")
    assert golden.exists(), f"missing {golden}; run with MRSTD_UPDATE_GOLDEN=1"
    expected = Image.open(golden).convert("RGB")
    assert shot.size == expected.size
    diff = ImageChops.difference(shot, expected).convert("L").point(lambda v: 255 if v > 48 else 0)
    changed = diff.histogram()[255] / (shot.size[0] * shot.size[1])
    assert changed < 0.03, f"{changed:.1%} of the pixels differ from {golden.name}"


def test_a_redline_in_the_browser(browser: Any, corpus: Path, tmp_path: Path) -> None:
    """The diff of the rice draft and its final text as a redline: every link live, no
    console error, and the marks there."""
    from mrstd.changes import format_diff

    samples = corpus / "sts" / "samples"
    old = mrstd.load(samples / "metanorma_iso-17301-1_rice-cd.isosts.xml", format="sts")
    new = mrstd.load(samples / "metanorma_iso-17301-1_rice-final.isosts.xml", format="sts")
    page = tmp_path / "redline.html"
    page.write_text(format_diff(mrstd.diff(old, new), "html"), "utf-8")
    browser.get_log("browser")
    browser.get(page.as_uri())
    found = browser.execute_script(_PROBE)
    marks = browser.execute_script(
        "return ['del', 'ins', '.diff-removed', '.diff-added', '.diff-moved-from']"
        ".map(s => document.querySelectorAll(s).length);"
    )
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert found["broken"] == 0 and not errors and found["pwned"] is None
    assert all(marks), marks
