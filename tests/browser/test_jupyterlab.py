"""The notebooks in the real client: JupyterLab 4.6 and Notebook 7.6 on 127.0.0.1, in Chromium.

One Jupyter server (JupyterLab, with Notebook 7 as its companion extension) runs with the
project's environment on a copy of the project (JupyterLab saves outputs into the notebooks
it runs), with ``jupyter_lab_config.json`` as the README's command starts it (no news, no
update check, no PyPI extension manager), its state in a temporary folder. Its
kernels get a repository setting, as a published copy's would, so that links in outputs
point at that copy's book. In JupyterLab every notebook runs all its cells, the lab also with
its solutions merged in as the teacher edition merges them (every check then says right); then
one notebook runs in Notebook 7. Each must end with no error or stderr output, every explorer
must answer its controls, the lab's word box must judge what is typed, no book-only text may be
visible and no link may be dead.

JupyterLab's app is loaded once and opens the notebooks one after another, as a student keeps it
open (each load of the app costs Chromium seconds). All of it runs in the background once the
crawl is over (``AFTER_CRAWL``, see ``tests/conftest.py``), while the run's last tests use the
other core; the test asserts on what it found.
"""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from studyguide.analysis.exercises import EXERCISES
from studyguide.book.solutions import merged_text, solutions_file
from studyguide.cli import sandbox
from studyguide.cli.browser import launch, sync_playwright
from studyguide.cli.notebook_setup import notebooks
from studyguide.knowledge.publication import BOOK_BUILD_ENV, REPOSITORY_ENV
from support import CHROMIUM, ROOT, SCREEN_READER_STRINGS, VISIBLE_TEXT, times_seen

pytestmark = pytest.mark.browser

FORK = "https://github.com/a-teacher/guide"
SOLVED_LAB = "lab-with-solutions.ipynb"
BOOK = "https://a-teacher.github.io/guide/"
SETTINGS = {  # every cell stays in the page (JupyterLab 4 otherwise detaches cells scrolled out of view)
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def jupyter_server(state: Path):
    """A Jupyter server for the project, its state in ``state``: (base URL, token, its log); stopped by its
    process group."""
    state.mkdir()
    project = sandbox.copy_project(ROOT, state / "project")  # JupyterLab saves outputs into the notebooks it runs
    lab = project / "notebooks" / "lab.ipynb"  # and the lab as the teacher edition runs it, solutions merged in
    (project / "notebooks" / SOLVED_LAB).write_text(merged_text(lab.read_text("utf-8"), solutions_file(lab)), "utf-8")
    settings = state / "settings"
    for name, value in SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), "utf-8")
    port, token = free_port(), secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if k not in (BOOK_BUILD_ENV, "STUDYGUIDE_ROOT")}
    env.update({REPOSITORY_ENV: FORK, "JUPYTER_CONFIG_DIR": str(state / "config"), "JUPYTER_DATA_DIR": str(state / "data"),
                "JUPYTER_RUNTIME_DIR": str(state / "runtime"), "JUPYTERLAB_SETTINGS_DIR": str(settings),
                "JUPYTERLAB_WORKSPACES_DIR": str(state / "workspaces"), "MPLBACKEND": "module://matplotlib_inline.backend_inline"})
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--ServerApp.token={token}", "--LabApp.expose_app_in_browser=True",
               "--JupyterNotebookApp.expose_app_in_browser=True", f"--ServerApp.root_dir={project}",
               f"--config={project / 'jupyter_lab_config.json'}"]  # as the README's command starts it
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = (state / "server.log").open("w")
    server = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail("the Jupyter server stopped:\n" + (state / "server.log").read_text()[-3000:])
                time.sleep(0.5)
        yield base, token, state / "server.log"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


# The command's promise is not awaited (in Notebook 7 it may never settle); the run is over
# when every code cell has an execution number and none shows "*".
RUN_ALL = "() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }"
READY = ("window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell') && "
         "window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'")
DONE = ("[...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".every(p => /\\[\\d+\\]/.test(p.textContent) && !p.textContent.includes('*'))")


PER_OUTPUT = f"""() => [...document.querySelectorAll('.jp-OutputArea-output')].map(o =>
  [({VISIBLE_TEXT})(o), [...o.querySelectorAll('caption')].map(c => c.textContent.trim())])"""


def problems_in(page, name: str) -> list[str]:
    found = []
    errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    for i in range(errors.count()):
        found.append(f"{name}: error or stderr output: {errors.nth(i).inner_text()[:300]}")
    for seen, titles in page.evaluate(PER_OUTPUT):  # each output on its own: two cells may show the same table
        found += [f"{name}: screen-reader text visible: {s}" for s in SCREEN_READER_STRINGS if s in seen]
        found += [f"{name}: table title seen {times_seen(t, seen)} times: {t[:60]}" for t in titles if times_seen(t, seen) != 1]
    hrefs = page.evaluate("[...document.querySelectorAll('.jp-OutputArea a[href]')]"
                          ".map(a => [a.getAttribute('href'), a.getAttribute('target') || ''])")
    for href, target in hrefs:
        if href.startswith(BOOK) and target != "_blank":
            found.append(f"{name}: a link to the book that would replace the notebook: {href}")
        elif not href.startswith(("https://", "http://", "#")):
            found.append(f"{name}: a relative link, dead in Jupyter: {href}")
    if not any(href.startswith(BOOK) for href, _ in hrefs) and name.startswith(("overview", "words")):
        found.append(f"{name}: no link to the published book in its outputs")
    return found


CHANGE = """async (box) => {
  const view = () => box.innerText;
  const before = view();
  const select = box.querySelector('select');
  if (!select || select.options.length < 2) return 'no menu with two options';
  select.selectedIndex = select.options.length - 1;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  for (let i = 0; i < 100 && view() === before; i++) await new Promise(r => setTimeout(r, 100));
  return view() === before ? 'nothing changed' : '';
}"""


def explorers_respond(page, name: str) -> tuple[int, list[str]]:
    boxes = page.locator(".jp-OutputArea .studyguide-switcher.widget-vbox, .jp-OutputArea .studyguide-word-explorer.widget-vbox")
    found = []
    for i in range(boxes.count()):
        outcome = boxes.nth(i).evaluate(CHANGE)
        if outcome:
            found.append(f"{name}: explorer {i + 1} did not respond: {outcome}")
    return boxes.count(), found


def said_after(box, before: str) -> str:
    """The word box's message once it differs from ``before`` (the kernel judged), or ``before`` after 10 s."""
    said = box.locator(".studyguide-lab-check")
    for _ in range(100):
        if said.inner_text() != before:
            break
        time.sleep(0.1)
    return said.inner_text()


def word_boxes_respond(page, name: str) -> tuple[int, list[str]]:
    """Each lab word box, by keyboard and by mouse: "the" typed and Enter pressed is judged (a hint or not yet: a
    stopword is never the answer); the box emptied and the button pressed says "not tried yet" again."""
    boxes, found = page.locator(".jp-OutputArea .studyguide-lab-box"), []
    for i in range(boxes.count()):
        box, typed = boxes.nth(i), boxes.nth(i).locator("input[type=text]")
        first = box.locator(".studyguide-lab-check").inner_text()
        typed.fill("the")
        typed.press("Enter")
        hinted = said_after(box, first)
        typed.fill("")
        box.locator("button").click()
        last = said_after(box, hinted)
        if "Not tried yet" not in first or not hinted.startswith(("? Hint:", "✗ Not yet.")) or last != first:
            found.append(f"{name}: word box {i + 1} did not judge: {first[:40]} / {hinted[:40]} / {last[:40]}")
    return boxes.count(), found


def checks_said(page) -> list[str]:
    return page.locator(".jp-OutputArea .studyguide-lab-check").evaluate_all("(found) => found.map(c => c.className)")


OPEN = """async (path) => { await window.jupyterapp.commands.execute('docmanager:open', {path}); }"""
CLOSE = """async () => {  // the kernel shut down, the run's changes dropped unsaved: no "save your work?" question
  const widget = window.jupyterapp.shell.currentWidget;
  await widget.sessionContext.shutdown();
  widget.context.model.dirty = false;
  widget.dispose();
}"""


def opened(page, path: str) -> None:
    """Open ``path`` (relative to the server's root) in the JupyterLab already in ``page``, as its only notebook."""
    page.evaluate(OPEN, path)
    page.wait_for_function(f"window.jupyterapp.shell.currentWidget?.context?.path === {json.dumps(path)} && " + READY,
                           timeout=120_000, polling=250)


def checked(page, name: str, then=None) -> tuple[int, list[str]]:
    """Run all cells of the notebook open in ``page`` and return (explorers found, problems); ``then(page)`` returns
    more problems (checked after the run)."""
    page.evaluate(RUN_ALL)
    page.wait_for_function(DONE, timeout=300_000, polling=500)
    problems = problems_in(page, name)
    count, failed = explorers_respond(page, name)
    return count, problems + failed + (then(page) if then else [])


def client_page(chromium, elsewhere: list[str]):
    """A page for one Jupyter client; each request that leaves this machine (news, extension manager, a CDN) is
    noted in ``elsewhere``."""
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(120_000)
    page.on("request", lambda request: None if request.url.startswith(("http://127.0.0.1:", "data:", "blob:"))
            else elsewhere.append(request.url))
    return page


def in_jupyterlab(chromium, url: str, runs: list[tuple[str, object]]) -> tuple[int, list[str], dict[str, float]]:
    """One JupyterLab (its app loaded once, as a student keeps it open) runs each notebook of ``runs`` in turn:
    (path under the server's root, ``then`` or None). Returns the explorers found, the problems and the seconds
    each took."""
    elsewhere, explorers, problems, seconds = [], 0, [], {}
    page = client_page(chromium, elsewhere)
    try:
        page.goto(url)
        page.wait_for_function("window.jupyterapp", timeout=120_000, polling=250)
        page.evaluate("async () => { await window.jupyterapp.started; await window.jupyterapp.restored; }")
        for path, then in runs:
            started = time.monotonic()
            opened(page, path)
            count, found = checked(page, path.rsplit("/", 1)[-1], then)
            explorers, problems = explorers + count, problems + found
            page.evaluate(CLOSE)
            seconds[path.rsplit("/", 1)[-1]] = time.monotonic() - started
    finally:
        page.close()
    return explorers, problems + [f"JupyterLab: a request off this machine: {u}" for u in elsewhere], seconds


def in_notebook_7(chromium, url: str, name: str) -> tuple[int, list[str]]:
    """Notebook 7 (the same server, its own page and app) runs the notebook at ``url``."""
    elsewhere = []
    page = client_page(chromium, elsewhere)
    try:
        page.goto(url)
        page.wait_for_function(READY, timeout=120_000, polling=250)
        count, found = checked(page, name)
        return count, found + [f"{name}: a request off this machine: {u}" for u in elsewhere]
    finally:
        page.close()  # no "leave the page?" question: the kernel stays until the server stops


def run_in_clients(books) -> dict:
    """In the background once the crawl is over (``AFTER_CRAWL``): one JupyterLab runs every notebook, then
    the lab with its solutions merged in; then Notebook 7 runs one notebook. What each showed, for the test."""
    if importlib.util.find_spec("jupyterlab") is None or importlib.util.find_spec("notebook") is None:
        pytest.skip("JupyterLab and Notebook 7 are not installed: pip install -r requirements-jupyter.txt")
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed: browser tests skipped")
    said, boxes, started = {}, [], time.monotonic()

    def lab_checks(name):
        def then(page):
            said[name] = checks_said(page)
            count, failed = word_boxes_respond(page, name)
            boxes.append(count)
            return failed
        return then

    runs = [(f"notebooks/{path.name}", lab_checks(path.name) if path.name == "lab.ipynb" else None) for path in notebooks(ROOT)]
    runs.append((f"notebooks/{SOLVED_LAB}", lambda page: [] if said.update({SOLVED_LAB: checks_said(page)}) else []))
    first = "overview.ipynb"  # Notebook 7 (the same server, its own page): the first page, with an explorer
    with jupyter_server(books.base / "jupyter") as (base, token, log), sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            explorers, problems, each = in_jupyterlab(chromium, f"{base}/lab?token={token}&reset", runs)
            in_seven, found = in_notebook_7(chromium, f"{base}/notebooks/notebooks/{first}?token={token}",
                                            f"{first} in Notebook 7")
        finally:
            chromium.close()
        server_log = log.read_text()
    return {"explorers": explorers, "in_notebook_7": in_seven, "problems": problems + found, "said": said,
            "boxes": boxes, "seconds": each, "wall": time.monotonic() - started, "server_log": server_log}


AFTER_CRAWL = {"jupyterlab": run_in_clients}


def test_every_notebook_runs_in_jupyterlab_and_one_in_notebook_7(books):
    ran = books.wait("jupyterlab")
    explorers, in_seven, said = ran["explorers"], ran["in_notebook_7"], ran["said"]
    assert not ran["problems"], "\n".join(ran["problems"][:30])
    # the explorers were found, so the widgets rendered: a paragraph browser, a word, a theme and two timeline explorers
    assert explorers >= 5 and in_seven >= 1, (explorers, in_seven)
    # the lab: every check not tried in the student's notebook, every one right with the solutions (word boxes too)
    assert len(said["lab.ipynb"]) == len(EXERCISES) and all("sg-lab-not-tried" in c for c in said["lab.ipynb"])
    assert ran["boxes"] and ran["boxes"][0] >= 1, "the lab's word box did not render"
    right = [c for c in said[SOLVED_LAB] if "sg-lab-right" in c]
    assert len(right) == len(EXERCISES), said[SOLVED_LAB]
    print(f"JupyterLab and Notebook 7 in {ran['wall']:.0f} s, {len(ran['seconds'])} runs in one JupyterLab "
          f"({', '.join(f'{name} {seconds:.0f} s' for name, seconds in ran['seconds'].items())}), {explorers} explorers")
    assert "Extension Manager is 'readonly'" in ran["server_log"] and "pypi.org" not in ran["server_log"]
