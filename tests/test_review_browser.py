"""The review site in a real headless Chromium (Debian's chromium and chromium-driver, driven
by Selenium): opened from disk, no network, no console errors; pairs, line highlighting, the
keyboard, the overrides round trip, the TEI view (CETEIcean) and screenshots at two sizes."""

from __future__ import annotations

import json
import os
import shutil
import struct
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from reconstruct.cli import main
from reconstruct.pipeline import reconstruct_file
from reconstruct.review import page_href

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed "
                                "(pip install '.[test]')")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
    pytest.skip("needs Debian chromium and chromium-driver (apt-get install chromium "
                "chromium-driver fonts-noto-cjk)", allow_module_level=True)

SEED = SEEDS / "000_3fb12ec0478f6414.txt"
SIZES = ((1280, 800), (390, 844))
SHOTS = os.environ.get("REVIEW_SCREENSHOTS")  # keep the screenshots in this folder
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--no-default-browser-check")


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory, downloads: Path):  # type: ignore[no-untyped-def]
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + (f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    _size(driver, *SIZES[0])
    yield driver
    driver.quit()


def _size(driver, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})


def _convert_and_review(out: Path, *extra: str) -> Path:
    runner = CliRunner()
    convert = ["convert", str(SEED), "-o", str(out), "--no-validate"]
    for command in (convert, ["review", str(out), str(SEED)]):
        result = runner.invoke(main, command + list(extra))
        assert result.exit_code == 0, result.output
    return out / "review" / page_href(SEED)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _convert_and_review(tmp_path_factory.mktemp("out"))


def _open(driver, path: Path) -> None:  # type: ignore[no-untyped-def]
    driver.get(path.as_uri())
    driver.execute_script("localStorage.clear()")
    driver.get(path.as_uri())


def _speakers(driver) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[b.text for b in p.find_elements(By.CSS_SELECTOR, ".turn.a .speaker")]
            for p in driver.find_elements(By.CSS_SELECTOR, ".pair")]


def _lines(turn) -> set[int]:  # type: ignore[no-untyped-def]
    return {n for p in turn.paragraphs for n in p.lines}


def test_seed_opens_from_disk_with_no_network_and_no_console_errors(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    browser.get_log("performance")
    browser.get_log("browser")
    for path in (site.parent.parent / "index.html", site):
        _open(browser, path)
    browser.find_element(By.ID, "tab-tei").click()
    events = [json.loads(e["message"])["message"] for e in browser.get_log("performance")]
    urls = [e["params"]["request"]["url"] for e in events
            if e["method"] == "Network.requestWillBeSent"]
    assert urls and all(u.startswith(("file:", "blob:", "data:")) for u in urls), urls
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert not errors, errors


def test_seven_pairs_with_their_speakers(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    _open(browser, site)
    iv = reconstruct_file(SEED).interviews[0]
    expected = [[t.speaker for t in iv.turns if t.question == q] for q in range(7)]
    assert _speakers(browser) == expected
    assert len(browser.find_elements(By.CSS_SELECTOR, ".pair .conf")) == 7


def test_clicking_a_turn_highlights_its_input_lines(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    _open(browser, site)
    iv = reconstruct_file(SEED).interviews[0]
    answer = next(t for t in iv.turns if t.question == 2)
    browser.find_elements(By.CSS_SELECTOR, ".pair")[2].find_element(
        By.CSS_SELECTOR, ".turn.a").click()
    lit = {int(e.get_attribute("id")[1:])
           for e in browser.find_elements(By.CSS_SELECTOR, ".ln.hl")}
    assert lit == _lines(answer)
    browser.find_elements(By.CSS_SELECTOR, ".pair")[2].find_element(
        By.CSS_SELECTOR, ".turn.q").click()
    lit = {int(e.get_attribute("id")[1:])
           for e in browser.find_elements(By.CSS_SELECTOR, ".ln.hl")}
    assert lit == _lines(iv.questions[2])
    first = browser.find_element(By.ID, f"L{min(lit)}")
    assert first.is_displayed() and browser.execute_script(
        "var r = arguments[0].getBoundingClientRect(), b = arguments[0].closest('.source')"
        ".getBoundingClientRect(); return r.top >= b.top && r.bottom <= b.bottom;", first)


def _pick_with_keyboard(browser, question: int, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """Tab to the question's pair, Enter opens the list, arrows to the speaker's answer, Enter."""
    body = browser.find_element(By.TAG_NAME, "body")
    body.click()
    pair = browser.find_elements(By.CSS_SELECTOR, ".pair")[question - 1]
    for _ in range(40):
        if browser.switch_to.active_element == pair:
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element == pair
    pair.send_keys(Keys.ENTER)
    options = pair.find_elements(By.CSS_SELECTOR, ".picker [role=option]")
    assert len(options) == 7
    target = next(i for i, o in enumerate(options)
                  if o.find_element(By.TAG_NAME, "b").text == speaker
                  and o.get_attribute("aria-selected") == "false")
    at = next(i for i, o in enumerate(options) if o == browser.switch_to.active_element)
    key = Keys.ARROW_DOWN if target > at else Keys.ARROW_UP
    for _ in range(abs(target - at)):
        browser.switch_to.active_element.send_keys(key)
    browser.switch_to.active_element.send_keys(Keys.ENTER)


def _wait_for(path: Path, seconds: float = 10) -> Path:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if path.is_file() and path.stat().st_size:
            return path
        time.sleep(0.1)
    raise AssertionError(f"{path} was not downloaded")


def _pairs(tei: Path) -> list[tuple[str, str, str | None]]:
    from lxml import etree

    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    sps = etree.parse(str(tei)).getroot().xpath("//t:div[@type='interview']/t:sp", namespaces=ns)
    return [(sp.findtext("t:speaker", namespaces=ns), "".join(sp.xpath("t:p//text()",
             namespaces=ns)), sp.get("resp")) for sp in sps]


def test_round_trip_changes_exactly_the_corrected_pair(browser, site: Path, downloads: Path,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    _open(browser, site)
    # question 3 went to 李艳's first answer; give it her other one (the aligner's runner-up)
    _pick_with_keyboard(browser, 3, "李艳")
    assert browser.find_element(By.ID, "count").text == "1"
    assert len(browser.find_elements(By.CSS_SELECTOR, ".pair.changed")) == 1
    browser.get((site.parent.parent / "index.html").as_uri())  # the batch sees the change
    assert browser.find_element(By.ID, "count").text == "1"
    browser.get(site.as_uri())
    assert len(browser.find_elements(By.CSS_SELECTOR, ".pair.changed")) == 1
    for old in downloads.glob("*"):
        old.unlink()
    browser.find_element(By.ID, "download").click()
    fixes = _wait_for(downloads / "overrides.json")
    data = json.loads(fixes.read_text(encoding="utf-8"))
    assert list(data) == [SEED.name] and list(data[SEED.name]) == ["3"]
    assert data[SEED.name]["3"]["speaker"] == "李艳"

    before = _pairs(site.parent.parent.parent / f"{SEED.stem}.interview-1.xml")
    out = tmp_path / "fixed"
    page = _convert_and_review(out, "--overrides", str(fixes))
    after = _pairs(out / f"{SEED.stem}.interview-1.xml")
    assert len(after) == len(before)
    changed = [k for k, (a, b) in enumerate(zip(before, after)) if a != b]
    # sp 6 answers question 3: it is now 李艳's other answer, marked as the editor's; the
    # answer it displaces takes the question that answer had (so two answers swap places)
    assert 5 in changed and after[5][2] == "#editor" and after[5][1] != before[5][1]
    assert [k for k, sp in enumerate(after) if sp[2]] == [5]
    assert len(changed) == 2 and {after[k][1] for k in changed} == {before[k][1] for k in changed}

    _open(browser, page)
    hand = browser.find_elements(By.CSS_SELECTOR, ".pair.hand")
    assert [p.get_attribute("data-q") for p in hand] == ["3"]
    assert "corrected by hand" in hand[0].text
    assert not browser.find_elements(By.CSS_SELECTOR, ".pair.changed")


def test_tei_view_renders_seven_answers_under_their_speakers(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    _open(browser, site)
    browser.find_element(By.ID, "tab-tei").click()
    answers = browser.find_elements(By.CSS_SELECTOR, "#panel-tei tei-sp[who^='#guest']")
    assert len(answers) == 7
    iv = reconstruct_file(SEED).interviews[0]
    ids = {g.id: g.name for g in iv.guests}
    for sp in answers:
        speaker = sp.find_element(By.CSS_SELECTOR, "tei-speaker").text.split(" (")[0]
        assert speaker == ids[sp.get_attribute("who")[1:]]
    assert [sp.find_element(By.CSS_SELECTOR, "tei-speaker").text.split(" (")[0]
            for sp in answers] == [t.speaker for t in iv.turns if t.role == "guest"]


def _png_is_blank(data: bytes) -> bool:
    """A PNG of one colour decompresses to a handful of distinct byte values."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat))) < 32


@pytest.mark.parametrize("width,height", SIZES)
def test_screenshots_are_not_blank(browser, site: Path, tmp_path: Path, width: int,  # type: ignore[no-untyped-def]
                                   height: int) -> None:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    _size(browser, width, height)
    try:
        for name, path in (("index", site.parent.parent / "index.html"), ("page", site)):
            _open(browser, path)
            if name == "page":
                browser.find_elements(By.CSS_SELECTOR, ".pair .turn.a")[2].click()
            shot = folder / f"review-{name}-{width}x{height}.png"
            shot.write_bytes(browser.get_screenshot_as_png())
            assert not _png_is_blank(shot.read_bytes()), shot
            assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    finally:
        _size(browser, *SIZES[0])
