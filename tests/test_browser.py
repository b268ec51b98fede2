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
    # The timeline and the chart are drawn without inline scripts or styles too.
    browser.get(live_server.url + "/id/person/servertest-fuad-hussein")
    wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "svg.timeline")))
    assert csp_violations(browser) == []


def test_actor_timeline_marks_link_to_statement_and_article(live_server, browser, tmp_path: Path) -> None:
    wait = WebDriverWait(browser, 20)
    browser.get(live_server.url + "/id/person/servertest-fuad-hussein")
    timeline = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "svg.timeline")))
    assert timeline.size["width"] > 400 and timeline.size["height"] > 60
    article = browser.find_element(By.CSS_SELECTOR, "svg.timeline a.mark.articles")
    assert article.get_dom_attribute("href") == "/id/article/servertest"
    browser.save_screenshot(str(tmp_path / "timeline.png"))
    mark = browser.find_element(By.CSS_SELECTOR, "svg.timeline a.mark.statements circle")
    assert mark.size["width"] > 0
    mark.click()
    wait.until(ec.url_contains("/id/article/servertest/statement/0"))
    assert "القوات الأمريكية ستنسحب" in browser.find_element(By.CSS_SELECTOR, ".span mark").text
    browser.get(live_server.url + "/id/dialogue/servertest-strategic-dialogue")
    bar = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "svg.timeline a.mark.dialogues rect")))
    assert bar.find_element(By.XPATH, "..").find_element(By.TAG_NAME, "title").get_attribute(
        "textContent").startswith("2021-07-26")


def run_query(browser, query: str) -> None:
    browser.execute_script("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", query)
    browser.find_element(By.ID, "run").click()


def test_bar_and_line_charts_of_a_result(live_server, browser) -> None:
    from selenium.webdriver.support.ui import Select

    wait = WebDriverWait(browser, 20)
    browser.get(live_server.url + "/")
    browser.find_element(By.XPATH, "//button[@class='example'][contains(., 'Statements per speaker')]").click()
    wait.until(ec.visibility_of_element_located((By.ID, "chart-panel")))
    Select(browser.find_element(By.ID, "chart-kind")).select_by_value("bar")
    Select(browser.find_element(By.ID, "chart-x")).select_by_value("name")
    Select(browser.find_element(By.ID, "chart-y")).select_by_value("statements")
    browser.find_element(By.ID, "draw-chart").click()
    bars = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg.chart.bar rect.bar"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#results-table tbody tr")
    assert 2 <= len(bars) <= len(rows)
    heights = [float(bar.get_attribute("height")) for bar in bars]
    assert heights == sorted(heights, reverse=True) and heights[0] > heights[-1]
    run_query(browser, 'SELECT ?day ?n WHERE { VALUES (?day ?n) { ("2021-03-01"^^xsd:date 5) '
                       '("2021-01-01"^^xsd:date 2) ("2021-02"^^xsd:gYearMonth 9) } }')
    wait.until(lambda d: Select(d.find_element(By.ID, "chart-kind")).first_selected_option.get_attribute("value")
               == "line")
    browser.find_element(By.ID, "draw-chart").click()
    points = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg.chart.line circle.point"))
    xs = [float(p.get_attribute("cx")) for p in points]
    assert len(points) == 3 and xs == sorted(xs)
    titles = [p.find_element(By.TAG_NAME, "title").get_attribute("textContent") for p in points]
    assert titles == ["2021-01-01: 2", "2021-02: 9", "2021-03-01: 5"]
    run_query(browser, "SELECT ?s WHERE { ?s a isnad:Person } LIMIT 3")
    wait.until(ec.invisibility_of_element_located((By.ID, "chart-panel")))


def test_completion_of_prefixes_classes_and_properties(live_server, browser) -> None:
    from selenium.webdriver.common.keys import Keys

    wait = WebDriverWait(browser, 20)
    browser.get(live_server.url + "/")
    browser.execute_script("var cm = document.querySelector('.CodeMirror').CodeMirror;"
                           "cm.setValue('SELECT * WHERE { ?s a '); cm.setCursor(cm.lineCount(), 0); cm.focus();")
    typing = browser.find_element(By.CSS_SELECTOR, ".CodeMirror textarea")
    typing.send_keys("isnad:Pe")
    hints = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".CodeMirror-hints li"))
    assert any(h.text.startswith("isnad:Person  (class: Person)") for h in hints)
    typing.send_keys(Keys.ENTER)
    assert browser.execute_script("return document.querySelector('.CodeMirror').CodeMirror.getValue()").endswith(
        "?s a isnad:Person")
    typing.send_keys(" ; nif:anch")  # a property only the store uses (NIF), not the ontology
    wait.until(lambda d: any(h.text.startswith("nif:anchorOf") for h in d.find_elements(
        By.CSS_SELECTOR, ".CodeMirror-hints li")))
    typing.send_keys(Keys.ESCAPE, " . ?it")
    typing.send_keys(Keys.CONTROL, " ")
    hints = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".CodeMirror-hints li"))
    assert [h.text for h in hints][0].startswith("itsrdf:")  # a prefix, offered on Ctrl-Space


def test_the_query_is_kept_in_the_address(live_server, browser) -> None:
    wait = WebDriverWait(browser, 20)
    browser.get(live_server.url + "/")
    browser.find_element(By.XPATH, "//button[@class='example'][contains(., 'Agreements and their parties')]").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results-table tbody tr")))
    link = browser.current_url
    assert "?query=" in link and "isnad%3AAgreement" in link
    browser.get(live_server.url + "/")  # somewhere else, then back through the link
    browser.get(link)
    rows = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#results-table tbody tr"))
    assert "الاتفاق الأمني" in " ".join(row.text for row in rows)
    editor = browser.execute_script("return document.querySelector('.CodeMirror').CodeMirror.getValue()")
    assert "isnad:Agreement" in editor and "isnad:party" in editor


def test_results_are_paged_beyond_max_rows_with_the_total(live_server, browser) -> None:
    from tests.conftest import sparql

    total = int(sparql(live_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").json()
                ["results"]["bindings"][0]["n"]["value"])
    assert total > 2000
    wait = WebDriverWait(browser, 30)
    browser.get(live_server.url + "/")
    run_query(browser, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    info = wait.until(ec.visibility_of_element_located((By.ID, "page-info")))
    assert info.text == f"Rows 1–1,000 of {total:,}"
    assert browser.find_element(By.ID, "status").text == f"{total:,} rows"
    assert browser.find_element(By.ID, "previous-page").get_attribute("disabled")
    first = browser.find_element(By.CSS_SELECTOR, "#results-table tbody tr").text
    browser.find_element(By.ID, "next-page").click()
    assert info.text == f"Rows 1,001–2,000 of {total:,}"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#results-table tbody tr")) == 1000
    assert browser.find_element(By.CSS_SELECTOR, "#results-table tbody tr").text != first
    browser.find_element(By.ID, "previous-page").click()
    assert info.text == f"Rows 1–1,000 of {total:,}"
    run_query(browser, "SELECT ?s WHERE { ?s a isnad:Person } LIMIT 3")
    wait.until(ec.invisibility_of_element_located((By.ID, "pager")))


def test_examples_grouped_for_analysts_all_answer(live_server, browser) -> None:
    wait = WebDriverWait(browser, 30)
    browser.get(live_server.url + "/")
    groups = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".example-group h3")]
    assert groups == ["Who said what", "Who met whom", "Agreements", "Forces", "Articles"]
    titles = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "button.example")]
    assert {"Who met whom, and when", "Forces by country", "Agreements and their parties"} <= set(titles)
    for title in titles:
        browser.find_element(By.XPATH, f"//button[@class='example'][.='{title}']").click()
        wait.until(lambda d: d.find_element(By.ID, "status").text.endswith(" rows"))
        assert browser.find_element(By.ID, "error").get_attribute("hidden"), title
        rows = browser.find_elements(By.CSS_SELECTOR, "#results-table tbody tr")
        assert rows, f"{title}: no rows"
