"""The query page in headless Chromium: run an example, see rows, follow a link to an entity page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the [test] extra")
from selenium.webdriver.common.by import By  # noqa: E402 - after the importorskip
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture
def browser(tmp_path: Path):
    """Headless Debian Chromium with a fresh profile, driven by Debian's chromedriver."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Debian's chromium and chromium-driver are not installed (make system-deps).")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-dev-shm-usage", "--window-size=1280,1400", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console messages, CSP reports among them
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(tmp_path / "profile", ignore_errors=True)


def test_example_query_to_entity_page(live_server, browser, tmp_path: Path) -> None:
    wait = WebDriverWait(browser, 20)
    browser.get(live_server.url + "/")
    assert browser.find_element(By.CSS_SELECTOR, ".CodeMirror").is_displayed()  # the editor loaded from vendor/
    browser.find_element(By.XPATH, "//button[@class='example'][contains(., 'Who said what about US forces')]").click()
    link = wait.until(ec.element_to_be_clickable(
        (By.CSS_SELECTOR, "#results-table a.entity[href='/id/person/servertest-fuad-hussein']")))
    table = browser.find_element(By.ID, "results-table")
    assert len(table.find_elements(By.CSS_SELECTOR, "tbody tr")) >= 1
    assert "القوات الأمريكية ستنسحب" in table.get_attribute("textContent")
    browser.save_screenshot(str(tmp_path / "query.png"))
    link.click()
    label = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "h1 .label-ar")))
    assert label.text == "فؤاد حسين"
    assert label.get_attribute("dir") == "rtl"
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", label) == "rtl"
    assert label.size["width"] > 0 and label.size["height"] > 0
    marks = [mark.text for mark in browser.find_elements(By.CSS_SELECTOR, ".statement mark")]
    assert "القوات الأمريكية ستنسحب من العراق بموجب الاتفاق الأمني" in marks
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#neighbourhood svg, #neighbourhood:not(:empty)"))
    browser.save_screenshot(str(tmp_path / "entity.png"))
    assert (tmp_path / "entity.png").stat().st_size > 10_000


def test_neighbourhood_picture_and_error_display(live_server, browser) -> None:
    wait = WebDriverWait(browser, 20)
    browser.get(live_server.url + "/id/country/servertest-iraq")
    circles = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#neighbourhood svg circle"))
    assert len(circles) >= 4  # Iraq, the dialogue, the agreement, the force, the United States
    browser.get(live_server.url + "/")
    browser.execute_script("document.querySelector('.CodeMirror').CodeMirror.setValue('SELECT ?x WHERE { ?x ?p }')")
    browser.find_element(By.ID, "run").click()
    error = wait.until(ec.visibility_of_element_located((By.ID, "error")))
    assert error.text.startswith("Malformed query:")


def csp_violations(browser) -> list[str]:
    """Console messages saying the Content-Security-Policy blocked something, since the last call."""
    return [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]


def test_pages_work_under_the_content_security_policy(live_server, browser) -> None:
    wait = WebDriverWait(browser, 20)
    browser.get(live_server.url + "/id/country/servertest-iraq")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#neighbourhood svg circle"))  # graph.js, no inline script
    assert csp_violations(browser) == []
    browser.get(live_server.url + "/")
    assert browser.find_element(By.CSS_SELECTOR, ".CodeMirror").is_displayed()
    # A javascript: IRI in the results is shown as text; an http one stays a link.
    query = "SELECT ?x WHERE { VALUES ?x { <javascript:alert(1)> <https://example.org/a> } }"
    browser.execute_script("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", query)
    browser.find_element(By.ID, "run").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results-table tbody tr")))
    cells = browser.find_elements(By.CSS_SELECTOR, "#results-table tbody td")
    assert [cell.text for cell in cells] == ["javascript:alert(1)", "https://example.org/a"]
    assert cells[0].find_elements(By.TAG_NAME, "a") == []
    assert cells[1].find_element(By.TAG_NAME, "a").get_attribute("href") == "https://example.org/a"
    assert csp_violations(browser) == []
