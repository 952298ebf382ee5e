"""The notebooks in the real client: JupyterLab 4.6 and Notebook 7.6 on 127.0.0.1, in Chromium.

One Jupyter server (JupyterLab, with Notebook 7 as its companion extension) runs with the
project's environment, from the project folder (so it reads ``jupyter_lab_config.json``:
no news, no update check, no PyPI extension manager), its state in a temporary folder. Its
kernels get a repository setting, as a published copy's would, so that links in outputs
point at that copy's book. In JupyterLab every notebook runs all its cells; then one
notebook runs in Notebook 7. Each must end with no error or stderr output, every explorer
must answer its controls, no book-only text may be visible and no link may be dead.
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

from studyguide.cli.notebook_setup import notebooks
from studyguide.knowledge.publication import BOOK_BUILD_ENV, REPOSITORY_ENV
from support import ROOT, SCREEN_READER_STRINGS, VISIBLE_TEXT

pytestmark = pytest.mark.browser

FORK = "https://github.com/a-teacher/guide"
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
               "--JupyterNotebookApp.expose_app_in_browser=True", f"--ServerApp.root_dir={ROOT}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = (state / "server.log").open("w")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
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


RUN_ALL = "window.jupyterapp.commands.execute('notebook:run-all-cells')"
BUSY = "[...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'))"
UNRUN = ("[...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
         ".some(p => !/\\[\\d+\\]/.test(p.textContent))")


def run_all(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell')", timeout=120_000)
    page.wait_for_function("!document.querySelector('.jp-Notebook-ExecutionIndicator[data-status=\"busy\"]')"
                           " && document.querySelector('.jp-KernelStatus, .jp-Notebook-ExecutionIndicator, "
                           ".jp-NotebookKernelStatus') !== null", timeout=120_000)
    page.wait_for_timeout(1000)  # the kernel connects
    page.evaluate(RUN_ALL)
    page.wait_for_function(f"!({BUSY}) && !({UNRUN})", timeout=300_000, polling=500)


def problems_in(page, name: str) -> list[str]:
    found = []
    errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    for i in range(errors.count()):
        found.append(f"{name}: error or stderr output: {errors.nth(i).inner_text()[:300]}")
    seen = page.evaluate(f"() => [...document.querySelectorAll('.jp-OutputArea')].map({VISIBLE_TEXT}).join(' ')")
    found += [f"{name}: screen-reader text visible: {s}" for s in SCREEN_READER_STRINGS if s in seen]
    titles = page.evaluate("[...document.querySelectorAll('.jp-OutputArea caption')].map(c => c.textContent.trim())")
    found += [f"{name}: table title seen {seen.count(t)} times: {t[:60]}" for t in titles if seen.count(t) != 1]
    hrefs = page.evaluate("[...document.querySelectorAll('.jp-OutputArea a[href]')]"
                          ".map(a => [a.getAttribute('href'), a.getAttribute('target') || ''])")
    for href, target in hrefs:
        if href.startswith("https://"):
            if href.startswith("https://a-teacher.github.io/") and not (href.startswith(BOOK) and target == "_blank"):
                found.append(f"{name}: a book link that does not open the published book in a new tab: {href}")
        elif not href.startswith("#"):
            found.append(f"{name}: a relative link, dead in Jupyter: {href}")
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


def test_every_notebook_runs_in_jupyterlab_and_one_in_notebook_7(jupyter, chromium):
    base, token, log = jupyter
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(120_000)
    problems, explorers, started = [], 0, time.monotonic()
    for path in notebooks(ROOT):
        run_all(page, f"{base}/lab/tree/notebooks/{path.name}?token={token}&reset")
        problems += problems_in(page, path.name)
        count, failed = explorers_respond(page, path.name)
        explorers, problems = explorers + count, problems + failed
        page.evaluate("window.jupyterapp.commands.execute('kernelmenu:shutdown')")
        page.evaluate("window.jupyterapp.commands.execute('docmanager:close-all-files')")
    lab_seconds = time.monotonic() - started
    # Notebook 7: the same server, its own page for one notebook.
    run_all(page, f"{base}/notebooks/notebooks/{notebooks(ROOT)[0].name}?token={token}")
    problems += problems_in(page, f"{notebooks(ROOT)[0].name} in Notebook 7")
    count, failed = explorers_respond(page, f"{notebooks(ROOT)[0].name} in Notebook 7")
    problems += failed
    page.close()
    assert not problems, "\n".join(problems[:30])
    assert explorers >= 6 and count >= 1, (explorers, count)  # the explorers were found (widgets rendered)
    print(f"JupyterLab: {len(notebooks(ROOT))} notebooks in {lab_seconds:.0f} s, {explorers} explorers")
    assert "feed.xml" not in log.read_text() and "pypi.org" not in log.read_text()
