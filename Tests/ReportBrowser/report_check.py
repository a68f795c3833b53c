#!/usr/bin/env python3
"""Opens a dataset's report.html in headless Chromium (Selenium + Debian's chromium-driver) and checks it.

Checks, against the dataset folder's own files (read here independently of the Swift code):
  1. the page opens without console errors and shows the manifest's counts (kept, dropped by reason,
     train examples) in the summary and the table's status line;
  2. a search ("--search WORD") shows exactly the rows whose question, answer or source contain the word;
  3. a filter on a template shows exactly that template's rows (kept and dropped), every shown row
     carrying its chip;
  4. a dropped duplicate shows its own conversation (from dropped.jsonl) beside the kept example it
     repeats and links to it; the kept example lists it back and opens it to its conversation; the
     order "each drop beside the example it repeats" puts it right after that example; a drop for
     personal data or a secret shows no text; a privacy finding links to the kept examples holding it;
  5. a PDF example's "open source" link is relative, names an existing file, and ends in #page=N;
     following it lands on that file.
A screenshot of each view is written to --screenshots. Prints one JSON object; exit 0 when every check
passed, 1 when one failed, 77 when Chromium, chromedriver or Selenium is missing (the caller skips).
"""
import argparse
import json
import os
import shutil
import sys
import time
import urllib.parse

SKIP = 77


def browser(width=1280, height=1600):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print(json.dumps({"skipped": "selenium is not installed (pip install selenium)"}))
        sys.exit(SKIP)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        print(json.dumps({"skipped": "chromium or chromedriver is missing (apt-get install chromium chromium-driver)"}))
        sys.exit(SKIP)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={width},{height}", "--allow-file-access-from-files", "--enable-precise-memory-info"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=options)


def read_jsonl(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Dataset:
    """The folder's files, as the page should present them."""

    def __init__(self, folder):
        with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
            self.manifest = json.load(f)
        self.provenance = read_jsonl(os.path.join(folder, "provenance.jsonl"))
        self.dropped = read_jsonl(os.path.join(folder, "dropped.jsonl"))
        files = {}
        self.conversations = []
        for p in self.provenance:
            name = p.get("file") or p["split"] + ".jsonl"
            if name not in files:
                files[name] = read_jsonl(os.path.join(folder, name))
            line = files[name][p["line"] - 1]
            self.conversations.append(line.get("messages") or [
                {"role": "user", "content": line.get("prompt", "")},
                {"role": "assistant", "content": line.get("completion", "")}])

    def rows_matching(self, word):
        """Rows (kept then dropped, 0-based) whose non-system text or source contains word."""
        word = word.lower()
        rows = []
        for i, (p, messages) in enumerate(zip(self.provenance, self.conversations)):
            text = "\n".join(m["content"] for m in messages if m["role"] != "system") + "\n" + p["source"]
            if word in text.lower():
                rows.append(i)
        for j, d in enumerate(self.dropped):
            text = "\n".join(m["content"] for m in drop_messages(d) if m["role"] != "system")
            if word in (text + "\n" + d["example"]["source"]).lower():
                rows.append(len(self.provenance) + j)
        return rows

    def rows_of_template(self, template):
        kept = [i for i, p in enumerate(self.provenance) if p["template"] == template]
        dropped = [len(self.provenance) + j for j, d in enumerate(self.dropped) if d["example"]["template"] == template]
        return kept + dropped


WITHHELD = {"personal_data", "secret"}


def drop_messages(drop):
    """The conversation the page shows for a drop: none when it was dropped for what its text holds."""
    return [] if drop.get("reason") in WITHHELD else drop.get("messages") or []


def answer(messages):
    return next((m["content"] for m in reversed(messages) if m["role"] == "assistant"), None)


def shown_rows(driver):
    return [int(e.get_attribute("data-row")) for e in driver.find_elements("css selector", "#list article.row")]


def status(driver):
    return driver.find_element("id", "status").text


def wait_for(driver, predicate, timeout=10):
    """Polls `predicate` until it holds; the page re-rendering its list between finding an element and
    reading it (a stale element) is another poll, not a failure."""
    from selenium.common.exceptions import StaleElementReferenceException
    end = time.time() + timeout
    while time.time() < end:
        try:
            if predicate():
                return True
        except StaleElementReferenceException:
            pass
        time.sleep(0.05)
    return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", help="a dataset folder with report.html")
    parser.add_argument("--search", default="customer")
    parser.add_argument("--template", default="legal-definition")
    parser.add_argument("--screenshots", default="/tmp/tunedata-report-screenshots")
    args = parser.parse_args()
    folder = os.path.abspath(args.folder)
    data = Dataset(folder)
    os.makedirs(args.screenshots, exist_ok=True)
    checks = []

    def check(name, ok, detail=""):
        checks.append({"check": name, "ok": bool(ok), "detail": detail})

    def shot(name):
        driver.save_screenshot(os.path.join(args.screenshots, name + ".png"))

    driver = browser()
    try:
        url = "file://" + urllib.parse.quote(os.path.join(folder, "report.html"))
        driver.get(url)
        check("page ready", wait_for(driver, lambda: driver.execute_script("return document.body.dataset.ready") == "true"))
        shot("1-summary")
        page_text = driver.find_element("tag name", "body").text
        kept = data.manifest["examples"]["train"] + data.manifest["examples"]["validation"]
        total = kept + len(data.dropped)
        check("status shows every row", f"of {total:,} examples" in status(driver), status(driver))
        check("subtitle shows kept and dropped",
              f"{kept:,} examples kept, {sum(data.manifest['examples']['dropped'].values()):,} dropped" in page_text)
        check("summary shows train count",
              f"{data.manifest['examples']['train']:,} from {data.manifest['dataset']['trainDocuments']} documents" in page_text)
        for reason, count in data.manifest["examples"]["dropped"].items():
            check(f"summary shows drops {reason}", f"dropped: {reason} {count:,}" in page_text.replace("\n", " "))
        check("one plot per kind", len(driver.find_elements("css selector", "#plots svg")) >= 4,
              str(len(driver.find_elements("css selector", "#plots svg"))))
        driver.execute_script("document.getElementById('plots').scrollIntoView()")
        shot("2-plots")
        check("at most one page of rows in the DOM", len(shown_rows(driver)) == min(50, total), str(len(shown_rows(driver))))

        # Search.
        box = driver.find_element("id", "search")
        box.send_keys(args.search)
        expected = data.rows_matching(args.search)
        wait_for(driver, lambda: f"of {len(expected):,} example" in status(driver) or "No example" in status(driver))
        check(f"search '{args.search}' count", f"of {len(expected):,} example" in status(driver),
              f"{status(driver)} (expected {len(expected)})")
        check(f"search '{args.search}' rows", shown_rows(driver) == expected[:50],
              f"{shown_rows(driver)[:8]} vs {expected[:8]}")
        driver.execute_script("document.getElementById('rows').scrollIntoView()")
        shot("3-search")
        driver.find_element("id", "clear").click()

        # Filter by template.
        from selenium.webdriver.support.ui import Select
        select = Select(driver.find_element("id", "filter-template"))
        option = next(o for o in select.options if o.text.startswith(f"Template: {args.template} ("))
        select.select_by_visible_text(option.text)
        expected = data.rows_of_template(args.template)
        wait_for(driver, lambda: f"of {len(expected):,} example" in status(driver))
        check(f"filter template={args.template} count", f"of {len(expected):,} example" in status(driver),
              f"{status(driver)} (expected {len(expected)})")
        rows = shown_rows(driver)
        check(f"filter template={args.template} rows", rows == expected[:50], f"{rows[:8]} vs {expected[:8]}")
        chips = [a.text for a in driver.find_elements("css selector", "#list article.row")]
        check("every filtered row carries its template", all(f"Template: {args.template}" in c for c in chips))
        driver.execute_script("document.getElementById('rows').scrollIntoView()")
        shot("4-filter")
        driver.find_element("id", "clear").click()

        # A dropped duplicate beside the example it repeats.
        duplicates = [j for j, d in enumerate(data.dropped) if d.get("duplicateOf")]
        if duplicates:
            row = len(data.provenance) + duplicates[0]
            driver.get(url + f"#row/{row}")
            wait_for(driver, lambda: shown_rows(driver) == [row])
            driver.execute_script("document.getElementById('rows').scrollIntoView()")
            shot("5-dropped")
            links = driver.find_elements("css selector", f'article[data-row="{row}"] p.related a.rowlink')
            check("a dropped duplicate links to its kept example", bool(links))
            drop = data.dropped[duplicates[0]]
            sides = driver.find_elements("css selector", f'article[data-row="{row}"] .pair .side')
            check("the drop's conversation is shown beside its kept example", len(sides) == 2, str(len(sides)))
            mine = answer(drop_messages(drop))
            check("the drop shows its own answer", bool(mine) and bool(sides) and mine.strip()[:60] in sides[0].text,
                  (mine or "")[:60])
            kept = int(links[0].get_attribute("href").rsplit("/", 1)[1]) if links else -1
            theirs = answer(data.conversations[kept]) if 0 <= kept < len(data.conversations) else None
            check("beside it, the kept example's answer", bool(theirs) and len(sides) == 2
                  and theirs.strip()[:60] in sides[1].text, (theirs or "")[:60])
            if links:
                target = int(links[0].get_attribute("href").rsplit("/", 1)[1])
                links[0].click()
                wait_for(driver, lambda: shown_rows(driver) == [target])
                back = driver.find_elements("css selector", f'article[data-row="{target}"] .pointers a.rowlink')
                check("the kept example lists the drop", any(a.text == f"#{row + 1}" for a in back))
                opened = driver.execute_script("""
                    var kept = arguments[0], drop = arguments[1];
                    var d = [].slice.call(document.querySelectorAll('article[data-row="' + kept + '"] details.pointer'))
                      .filter(function (e) { return e.querySelector('a.rowlink').textContent === '#' + (drop + 1); })[0];
                    if (!d) return null; d.open = true; return true;""", target, row)
                wait_for(driver, lambda: bool(driver.find_elements(
                    "css selector", f'article[data-row="{target}"] details.pointer[open] .conversation')))
                inner = driver.find_elements("css selector", f'article[data-row="{target}"] details.pointer[open] .conversation')
                check("the listed drop opens to its conversation", bool(opened) and bool(inner)
                      and bool(mine) and mine.strip()[:60] in inner[0].text)
                driver.execute_script("document.getElementById('rows').scrollIntoView()")
                shot("6-kept-with-its-drops")

        # Every drop right after the example it repeats.
        if duplicates:
            driver.get(url + "#rows")
            wait_for(driver, lambda: driver.execute_script("return document.body.dataset.ready") == "true")
            from selenium.webdriver.support.ui import Select as OrderSelect
            OrderSelect(driver.find_element("id", "sort")).select_by_value("beside")
            row = len(data.provenance) + duplicates[0]
            wait_for(driver, lambda: row in shown_rows(driver))
            rows = shown_rows(driver)
            kept_row = rows[rows.index(row) - 1] if row in rows and rows.index(row) > 0 else None
            keys = ("source", "document", "passage", "template", "variant")
            want = {k: data.dropped[duplicates[0]]["duplicateOf"][k] for k in keys}
            first_kept = next((i for i, p in enumerate(data.provenance)
                               if {k: p.get(k) for k in keys} == want), None)
            # The row before it is its kept example or another drop of that example.
            check("ordered beside its kept example", kept_row is not None and (
                kept_row == first_kept or kept_row >= len(data.provenance)), f"{kept_row} vs {first_kept}")
            driver.execute_script("document.getElementById('rows').scrollIntoView()")
            shot("6b-beside")
            driver.find_element("id", "clear").click()

        # A privacy finding links to the kept examples holding it.
        driver.get(url)
        wait_for(driver, lambda: driver.execute_script("return document.body.dataset.ready") == "true")
        privacy = driver.find_elements("css selector", 'a[href^="#filter/privacy/"]')
        if privacy:
            kind = urllib.parse.unquote(privacy[0].get_dom_attribute("href").rsplit("/", 1)[1])
            count = int(privacy[0].text.split()[0].replace(",", ""))
            privacy[0].click()
            wait_for(driver, lambda: f"of {count:,} example" in status(driver) or f"Showing 1–{count} of" in status(driver))
            articles = driver.find_elements("css selector", "#list article.row")
            check("a privacy finding shows its examples", len(articles) == count, f"{len(articles)} vs {count}")
            check("each carries the finding", all(f"Privacy finding: {kind}" in a.text for a in articles))
            if kind == "email":
                check("each holds an e-mail address", all("@" in a.text for a in articles))
            driver.execute_script("document.getElementById('rows').scrollIntoView()")
            shot("6c-privacy")

        # A drop for personal data or a secret: its type, never its text.
        withheld = [j for j, d in enumerate(data.dropped) if d.get("reason") in WITHHELD]
        if withheld:
            row = len(data.provenance) + withheld[0]
            driver.get(url + f"#row/{row}")
            wait_for(driver, lambda: shown_rows(driver) == [row])
            art = driver.find_element("css selector", f'article[data-row="{row}"]')
            check("a privacy drop shows no conversation", not art.find_elements("css selector", ".conversation"))

        # A source link of a PDF example, at its page: the example from the latest page, found with the
        # document and page filters.
        pdf = [p for p in data.provenance if p["source"].endswith(".pdf") and p["pages"]]
        if pdf:
            latest = max(pdf, key=lambda p: p["pages"][0])
            driver.get(url + "#filter/document/" + urllib.parse.quote(latest["source"], safe=""))
            wait_for(driver, lambda: bool(shown_rows(driver)))
            page_box = driver.find_element("id", "filter-pages")
            page_box.send_keys(str(latest["pages"][0]))
            expected = [i for i, p in enumerate(data.provenance)
                        if p["source"] == latest["source"] and latest["pages"][0] in p["pages"]]
            expected += [len(data.provenance) + j for j, d in enumerate(data.dropped)
                         if d["example"]["source"] == latest["source"] and any(
                             p["document"] == d["example"]["document"] and p.get("passage") == d["example"]["passage"]
                             and latest["pages"][0] in p["pages"] for p in data.provenance)]
            wait_for(driver, lambda: f"of {len(expected):,} example" in status(driver))
            check("filter document and page count", f"of {len(expected):,} example" in status(driver),
                  f"{status(driver)} (expected {len(expected)})")
        sources = driver.find_elements("css selector", "#list a.source")
        check("a PDF example has a source link", bool(sources))
        if sources:
            row = int(driver.find_elements("css selector", "#list article.row")[0].get_attribute("data-row"))
            href = sources[0].get_attribute("href")
            raw = sources[0].get_dom_attribute("href")
            page = data.provenance[row]["pages"][0]
            check("the link is relative and opens the page", not raw.startswith("/") and raw.endswith(f"#page={page}"), raw)
            target = urllib.parse.unquote(urllib.parse.urlparse(href).path)
            check("the link names an existing file", os.path.isfile(target), target)
            driver.get(href)
            wait_for(driver, lambda: driver.current_url.split("#")[0] == href.split("#")[0], timeout=5)
            time.sleep(2)  # the PDF viewer scrolls to the page after it loads
            check("following the link lands on the source", driver.current_url.split("#")[0] == href.split("#")[0],
                  driver.current_url)
            shot("7-source")

        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        check("no console errors", not errors, json.dumps(errors)[:500])
    finally:
        driver.quit()
    ok = all(c["ok"] for c in checks)
    print(json.dumps({"ok": ok, "checks": checks, "screenshots": args.screenshots}, indent=1))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
