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

import pytest

from studyguide.analysis.exercises import EXERCISES
from studyguide.book.solutions import merged_text, solutions_file
from studyguide.cli import sandbox
from studyguide.cli.notebook_setup import notebooks
from studyguide.knowledge.publication import BOOK_BUILD_ENV, REPOSITORY_ENV
from support import ROOT, SCREEN_READER_STRINGS, VISIBLE_TEXT, times_seen

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


@pytest.fixture(scope="module")
def jupyter(tmp_path_factory):
    """A Jupyter server for the project: (base URL, token); stopped by its process group."""
    if importlib.util.find_spec("jupyterlab") is None or importlib.util.find_spec("notebook") is None:
        pytest.skip("JupyterLab and Notebook 7 are not installed: pip install -r requirements-jupyter.txt")
    state = tmp_path_factory.mktemp("jupyter")
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


def run_all(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(READY, timeout=120_000, polling=250)
    page.evaluate(RUN_ALL)
    page.wait_for_function(DONE, timeout=300_000, polling=500)


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


def run_and_check(chromium, url: str, name: str, then=None) -> tuple[int, list[str]]:
    """Open ``url`` in a page of its own, run all cells, and return (explorers found, problems);
    ``then(page)`` returns more problems (checked after the run, before the page closes)."""
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(120_000)
    elsewhere = []  # requests that leave this machine (news, extension manager, a CDN)
    page.on("request", lambda request: None if request.url.startswith(("http://127.0.0.1:", "data:", "blob:"))
            else elsewhere.append(request.url))
    try:
        run_all(page, url)
        problems = problems_in(page, name)
        count, failed = explorers_respond(page, name)
        failed += then(page) if then else []
        return count, problems + failed + [f"{name}: a request off this machine: {u}" for u in elsewhere]
    finally:
        page.close()  # no "leave the page?" question: the kernel stays until the server stops


def test_every_notebook_runs_in_jupyterlab_and_one_in_notebook_7(jupyter, chromium):
    base, token, log = jupyter
    problems, explorers, started = [], 0, time.monotonic()
    said, boxes = {}, []

    def lab_checks(name):
        def then(page):
            said[name] = checks_said(page)
            count, failed = word_boxes_respond(page, name)
            boxes.append(count)
            return failed
        return then

    each = {}
    for path in notebooks(ROOT):
        then = lab_checks(path.name) if path.name == "lab.ipynb" else None
        one = time.monotonic()
        count, found = run_and_check(chromium, f"{base}/lab/tree/notebooks/{path.name}?token={token}&reset", path.name, then)
        explorers, problems, each[path.stem] = explorers + count, problems + found, time.monotonic() - one
    lab_seconds = time.monotonic() - started
    solved_started = time.monotonic()
    _, found = run_and_check(chromium, f"{base}/lab/tree/notebooks/{SOLVED_LAB}?token={token}&reset", SOLVED_LAB,
                             lambda page: [] if said.update({SOLVED_LAB: checks_said(page)}) else [])
    problems += found
    solved_seconds = time.monotonic() - solved_started
    first = next(p.name for p in notebooks(ROOT) if p.name != "lab.ipynb")  # Notebook 7: the same server, its own page
    in_notebook_7, found = run_and_check(chromium, f"{base}/notebooks/notebooks/{first}?token={token}",
                                         f"{first} in Notebook 7")
    problems += found
    assert not problems, "\n".join(problems[:30])
    # the explorers were found, so the widgets rendered: a paragraph browser, a word, a theme and two timeline explorers
    assert explorers >= 5 and in_notebook_7 >= 1, (explorers, in_notebook_7)
    # the lab: every check not tried in the student's notebook, every one right with the solutions (word boxes too)
    assert len(said["lab.ipynb"]) == len(EXERCISES) and all("sg-lab-not-tried" in c for c in said["lab.ipynb"])
    assert boxes and boxes[0] >= 1, "the lab's word box did not render"
    right = [c for c in said[SOLVED_LAB] if "sg-lab-right" in c]
    assert len(right) == len(EXERCISES), said[SOLVED_LAB]
    print(f"JupyterLab: {len(notebooks(ROOT))} notebooks in {lab_seconds:.0f} s "
          f"({', '.join(f'{name} {seconds:.0f} s' for name, seconds in each.items())}), {explorers} explorers; "
          f"the lab with solutions in {solved_seconds:.0f} s")
    server_log = log.read_text()
    assert "Extension Manager is 'readonly'" in server_log and "pypi.org" not in server_log
