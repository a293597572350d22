"""The app in a real browser: Debian's Chromium, headless, driven by Selenium.

Given the demo corpus in a store and the app running on localhost, a person
opens Udforsk, finds Implementeringsgrupperne, clicks it in the network and
reads its evidence; and a neighbourhood of 2,000 nodes is on screen within
3 seconds of asking for it. Skipped where Chromium or its driver is missing
(``.ci/run`` installs them with apt-get where it can).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from graph.ingest import ingest
from graph.model import Graph
from graph.store import open_store

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
RENDER_BUDGET_SECONDS = 3.0

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(
    not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)),
    reason=f"Chromium and chromedriver are needed ({CHROMIUM}, {CHROMEDRIVER}); "
           "install them with: apt-get install chromium chromium-driver",
)

from selenium.common.exceptions import (  # noqa: E402
    JavascriptException, NoSuchFrameException, StaleElementReferenceException,
)
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,1300",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(CHROMEDRIVER))
    yield driver
    driver.quit()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_app(store: Path):
    """``streamlit run app.py`` on a free localhost port, reading ``store``; yields its URL."""
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    app = subprocess.Popen(command, cwd=REPO, env=dict(os.environ, RESSORTGRAF_STORE=str(store)),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        app.terminate()
        pytest.fail("the app did not start within 60 s")
    return app, url


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    store = tmp_path_factory.mktemp("demo") / "store"
    with open_store(str(store)) as opened:
        ingest([REPO / "data" / "corpus"], opened)
    app, url = _start_app(store)
    yield url
    app.terminate()
    app.wait(10)


def _network_frame(driver, holding: str, drawn_after: float = 0) -> None:
    """Switch into the network page that holds node ``holding`` once it has drawn (after ``drawn_after``, ms)."""
    def drawn(_):
        driver.switch_to.default_content()
        for frame in driver.find_elements(By.TAG_NAME, "iframe"):
            driver.switch_to.default_content()
            driver.switch_to.frame(frame)
            if driver.execute_script(
                "return (window.ressortgrafDrawnAt || 0) > arguments[1] && "
                "typeof RESSORTGRAF_DETAILS !== 'undefined' && arguments[0] in RESSORTGRAF_DETAILS",
                holding, drawn_after,
            ):
                return True
        return False

    # Streamlit replaces the frame while it updates the page: a frame gone stale is looked for again.
    ignored = (StaleElementReferenceException, NoSuchFrameException, JavascriptException)
    WebDriverWait(driver, 30, poll_frequency=0.05, ignored_exceptions=ignored).until(drawn)


def test_clicking_a_body_in_the_network_shows_its_evidence(browser, demo_app, tmp_path):
    browser.get(demo_app)
    wait = WebDriverWait(browser, 60)
    wait.until(lambda d: d.find_elements(By.XPATH, "//label[.//p[text()='Udforsk']]"))[0].click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[aria-label='Søg efter navn eller forkortelse']"))
    node = "group:implementeringsgruppe"
    _search_and_time(browser, "Implementeringsgrupperne", node)
    x, y = browser.execute_script(
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]); return [p.x, p.y];", node)
    canvas = browser.find_element(By.CSS_SELECTOR, "#mynetwork canvas")
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(x - canvas.size["width"] / 2), int(y - canvas.size["height"] / 2)).click().perform()
    panel = browser.find_element(By.ID, "details")
    WebDriverWait(browser, 10).until(lambda _: panel.get_attribute("data-node") == node)

    text = panel.text
    assert "Implementeringsgrupperne" in text
    assert "Gyldig til 2024-04-01" in text
    assert "Implementeringsgrupperne nedlægges pr. 1. april 2024" in text
    assert "000_dfd42f02837eddd6.txt" in text
    browser.switch_to.default_content()
    screenshot = tmp_path / "udforsk-implementeringsgrupperne.png"
    browser.save_screenshot(str(screenshot))
    print(f"screenshot: {screenshot}")
    assert screenshot.stat().st_size > 10_000


def hub_graph(size: int) -> Graph:
    """An administration with 40 units, each with member groups: ``size`` nodes within two relations of the hub."""
    doc = "syntetisk.txt"
    nodes = [{"id": "administration:hub", "label": "Administration", "name": "Hubforvaltningen"}]
    relations = []
    units = 40
    for u in range(units):
        nodes.append({"id": f"unit:u{u}", "label": "Unit", "name": f"Enhed {u}"})
        relations.append({"type": "PART_OF", "source": f"unit:u{u}", "target": "administration:hub"})
    for g in range(size - units - 1):
        label, kind = ("Group", "group") if g % 3 else ("Person", "person")
        nodes.append({"id": f"{kind}:n{g}", "label": label, "name": f"{label} {g}"})
        target = f"unit:u{g % units}"
        relations.append({"type": "MEMBER_OF" if kind == "person" else "PART_OF", "source": f"{kind}:n{g}",
                          "target": target})
    for item in nodes + relations:
        quote = item.get("name", "")
        item["evidence"] = [{"document": doc, "start": 0, "end": len(quote), "quote": quote}] if quote else []
    return Graph.from_dict({"nodes": nodes, "relations": relations})


@pytest.fixture(scope="module")
def large_app(tmp_path_factory):
    store = tmp_path_factory.mktemp("large") / "store"
    with open_store(str(store)) as opened:
        opened.write_graph(hub_graph(2000))
    app, url = _start_app(store)
    yield url
    app.terminate()
    app.wait(10)


def _search_and_time(driver, text: str, node: str) -> tuple[float, int]:
    """Seconds from pressing Enter on a search for ``text`` to vis.js having drawn ``node``'s network,
    and how many nodes it shows; leaves the driver in the network's frame."""
    driver.switch_to.default_content()
    search = driver.find_element(By.CSS_SELECTOR, "input[aria-label='Søg efter navn eller forkortelse']")
    search.send_keys(Keys.CONTROL, "a")
    search.send_keys(text)
    asked_at = driver.execute_script("return Date.now()")
    search.send_keys(Keys.ENTER)
    _network_frame(driver, node, drawn_after=asked_at)
    drawn_at, shown = driver.execute_script("return [window.ressortgrafDrawnAt, network.body.data.nodes.length]")
    return (drawn_at - asked_at) / 1000, shown


def test_a_neighbourhood_of_2000_nodes_renders_within_3_seconds(browser, large_app, record_property):
    """Timed in the browser, from pressing Enter on the search to vis.js having drawn the network;
    the median of three, each time switching from a small neighbourhood to the hub's 2,000 nodes."""
    browser.get(f"{large_app}/?side=Udforsk&dybde=2")
    _network_frame(browser, "unit:u0")  # the whole graph, capped, once the store is read
    timings = []
    for _ in range(3):
        _search_and_time(browser, "Enhed 7", "unit:u7")
        seconds, shown = _search_and_time(browser, "Hubforvaltningen", "administration:hub")
        timings.append(seconds)
    browser.switch_to.default_content()
    caption = browser.find_element(By.XPATH, "//p[starts-with(., 'Viser ')]").text
    median = sorted(timings)[1]
    record_property("render_seconds_2000_nodes", round(median, 2))
    print(f"2,000-node neighbourhood drawn {median:.2f} s after asking (median of "
          f"{', '.join(f'{t:.2f}' for t in timings)} s; {shown} nodes on screen: {caption})")
    assert "1600 knuder ud over grænsen" in caption
    assert median <= RENDER_BUDGET_SECONDS
