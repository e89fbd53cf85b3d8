"""The explorer page in headless Chromium (Selenium), against a real `precision-lab serve`.

Usage: explorer_page_test.py PRECISION_LAB_BINARY SCREENSHOT_DIR (Scripts/browser-test calls it).
Every check raises on failure; the exit status is non-zero then.
"""
import os
import select
import signal
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

binary, shots = sys.argv[1], sys.argv[2]
checks = 0


def check(condition, message):
    global checks
    if not condition:
        raise AssertionError(message)
    checks += 1
    print(f"browser-test: ok  {message}", flush=True)


def start_server():
    server = subprocess.Popen([binary, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=sys.stderr)
    ready, _, _ = select.select([server.stdout], [], [], 30)
    if not ready:
        server.kill()
        raise AssertionError("the server printed no 'listening on' line within 30 s")
    line = server.stdout.readline().decode().strip()
    if not line.startswith("listening on http://127.0.0.1:"):
        server.kill()
        raise AssertionError(f"unexpected first line {line!r}")
    return server, line.split("listening on ", 1)[1]


def card(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f'section.card[data-format="{name}"]')


def text_of(driver, name, selector):
    return card(driver, name).find_element(By.CSS_SELECTOR, selector).text


def wait_for(driver, predicate, what, timeout=15):
    def attempt(d):
        try:
            return predicate(d)
        except Exception:
            return False
    try:
        WebDriverWait(driver, timeout).until(attempt)
    except Exception:
        raise AssertionError(f"timed out waiting for {what}; status {driver.find_element(By.ID, 'status').text!r}, "
                             f"error {driver.find_element(By.ID, 'error').text!r}")


server, base = start_server()
print(f"browser-test: server at {base}", flush=True)
options = webdriver.ChromeOptions()
options.binary_location = "/usr/lib/chromium/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-proxy-server",
                 f"--user-data-dir={tempfile.mkdtemp()}", "--window-size=1280,1000"]:
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    # 1. The deep link.
    driver.get(base + "/?value=0.1&format=float8_e4m3fn&rounding=nearest-even")
    wait_for(driver, lambda d: text_of(d, "float8_e4m3fn", ".hex") == "0x1d", "0x1d for 0.1 in float8_e4m3fn")
    check(text_of(driver, "float8_e4m3fn", ".hex") == "0x1d", "deep link: 0.1 in float8_e4m3fn is 0x1d")
    check(text_of(driver, "float8_e4m3fn", "dd.exact") == "0.1015625", "deep link: exact value 0.1015625")
    check(text_of(driver, "float8_e4m3fn", "dd.flags") == "inexact", "deep link: flag inexact")
    check(driver.find_element(By.ID, "value").get_property("value") == "0.1", "deep link fills the value box")
    bits = card(driver, "float8_e4m3fn").find_elements(By.CSS_SELECTOR, "button.bit")
    check([b.text for b in bits] == list("00011101"), "eight bit boxes 0 0011 101")
    check(all(b.get_attribute("aria-label") for b in bits), "every bit box has an aria-label")
    driver.save_screenshot(os.path.join(shots, "explorer-deep-link.png"))

    # 2. Type 448.
    box = driver.find_element(By.ID, "value")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    box.send_keys("448")
    wait_for(driver, lambda d: text_of(d, "float8_e4m3fn", ".hex") == "0x7e", "0x7e after typing 448")
    check(text_of(driver, "float8_e4m3fn", "dd.exact") == "448", "typed 448: 0x7e = 448 exactly")
    check("value=448" in driver.current_url, "the address follows the typed value")

    # 3. Flip exponent bit 3 (0x7e ^ 0x08 = 0x76 = 1.75 × 2^7 = 224), then step up.
    card(driver, "float8_e4m3fn").find_element(By.CSS_SELECTOR, 'button.bit[data-bit="3"]').click()
    wait_for(driver, lambda d: text_of(d, "float8_e4m3fn", ".hex") == "0x76", "0x76 after flipping bit 3")
    check(text_of(driver, "float8_e4m3fn", "dd.exact") == "224", "flipped bit 3: 0x76 decodes to 224")
    check(card(driver, "float8_e4m3fn").get_attribute("data-mode") == "decoded", "the card is in decode view")
    card(driver, "float8_e4m3fn").find_element(By.CSS_SELECTOR, "button.next").click()
    wait_for(driver, lambda d: text_of(d, "float8_e4m3fn", ".hex") == "0x77", "0x77 after next")
    check(text_of(driver, "float8_e4m3fn", "dd.exact") == "240", "next: 0x77 = 1.875 × 2^7 = 240")
    driver.save_screenshot(os.path.join(shots, "explorer-flipped.png"))

    # 4. Several formats, one user-defined, and another rounding mode.
    driver.get(base + "/?value=1/3&format=float16&format=e5m2:bias=16&rounding=up")
    wait_for(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "section.card")) == 2
             and d.find_element(By.ID, "status").get_attribute("data-state") == "ready", "two cards")
    check(text_of(driver, "float16", ".hex") == "0x3556", "1/3 rounded up in float16 is 0x3556")
    names = [c.get_attribute("data-format") for c in driver.find_elements(By.CSS_SELECTOR, "section.card")]
    check(len(names) == 2 and names[0] == "float16", f"cards for {names}")
    check(driver.find_element(By.ID, "rounding").get_property("value") == "up", "the rounding picker shows up")

    # 5. A bad value shows the API's error.
    box = driver.find_element(By.ID, "value")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    box.send_keys("abc")
    wait_for(driver, lambda d: d.find_element(By.ID, "error").is_displayed(), "the error box")
    check(driver.find_element(By.ID, "error").text.startswith("value: cannot parse 'abc'"), "bad value: error names 'value'")

    # 6. Phone width: no horizontal scrolling.
    driver.set_window_size(390, 844)
    driver.get(base + "/?value=0.1&format=float32&format=float8_e4m3fn")
    wait_for(driver, lambda d: text_of(d, "float32", ".hex") == "0x3dcccccd", "float32 0x3dcccccd")
    width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    check(width[0] <= width[1], f"phone width: page {width[0]} px fits the {width[1]} px window")
    driver.save_screenshot(os.path.join(shots, "explorer-phone.png"))
    driver.execute_script("document.querySelector('section.card').scrollIntoView()")
    driver.save_screenshot(os.path.join(shots, "explorer-phone-results.png"))

    # 7. No JavaScript exceptions.
    errors = [e for e in driver.get_log("browser") if e.get("source") == "javascript"]
    check(not errors, f"no JavaScript exceptions {errors}")
finally:
    driver.quit()
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=5)
        stopped = True
    except subprocess.TimeoutExpired:
        server.kill()
        stopped = False
check(stopped, "SIGTERM stops the server within 5 s")
print(f"browser-test: {checks} checks passed; screenshots in {shots}", flush=True)
