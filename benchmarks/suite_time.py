"""Benchmark: the whole test suite's wall time and CPU seconds, by kind of process.

    .venv/bin/python benchmarks/suite_time.py [PYTEST ARGS]

Runs ``python -m pytest`` as CI does (``CI=true``) and samples its whole process tree twice a
second (psutil): each process's CPU seconds (user + system) as last seen, grouped by what it is
(Chromium, a book build with its kernels, the Jupyter server, a fresh kernel, pytest itself). On
a shared machine the wall time depends on the other processes, so CPU seconds are the figure to
compare, with the load average before and after. A process that lives less than half a second
between two samples is missed, and one's last half second may be: the CPU figures are a floor.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
KINDS = (  # (kind, pattern of the command line of the process or of its ancestor just under pytest)
    ("chromium", r"chromium|playwright/driver"),
    ("book builds", r"studyguide build|jupyter-book"),
    ("jupyter server", r"jupyterlab"),
    ("fresh kernel (Colab)", r"/kernel/bin/python|-m venv|pip install"),
)


def kind(process: psutil.Process, pytest: psutil.Process) -> str:
    try:
        if process.pid == pytest.pid:
            return "pytest"
        lines = [" ".join(process.cmdline())]
        for parent in process.parents():
            if parent.pid == pytest.pid:
                break
            lines.append(" ".join(parent.cmdline()))
        for name, pattern in KINDS:
            if any(re.search(pattern, line) for line in lines):
                return name
        return "other"
    except psutil.Error:
        return "other"


def main() -> int:
    load_before = os.getloadavg()
    start = time.monotonic()
    run = subprocess.Popen([sys.executable, "-m", "pytest", *sys.argv[1:]], cwd=ROOT, env={**os.environ, "CI": "true"},
                           stdout=subprocess.PIPE, text=True)
    pytest = psutil.Process(run.pid)
    seen: dict[tuple[int, float], list] = {}  # (pid, start time) -> [kind, CPU seconds as last seen]
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(run.stdout), daemon=True)
    reader.start()
    while run.poll() is None:
        try:
            tree = [pytest, *pytest.children(recursive=True)]
        except psutil.Error:
            tree = []
        for process in tree:
            try:
                key = (process.pid, process.create_time())
                times = process.cpu_times()
                seen.setdefault(key, [kind(process, pytest), 0.0])[1] = times.user + times.system
            except psutil.Error:
                pass
        time.sleep(0.5)
    reader.join()
    wall = time.monotonic() - start
    load_after = os.getloadavg()
    cpu: Counter[str] = Counter()
    for name, seconds in seen.values():
        cpu[name] += seconds
    summary = [line.strip() for line in lines if re.search(r"(passed|failed).* in [\d.]+s", line)]
    tiers = next((i for i, line in enumerate(lines) if "tests per tier" in line), max(len(lines) - 40, 0))
    print("".join(lines[tiers:]), end="")  # the counts per tier, the slowest tests, what failed or skipped
    print(f"\npytest: {summary[-1] if summary else '?'}")
    print(f"wall {wall:.0f} s; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after")
    print(f"CPU {sum(cpu.values()):.0f} s in all:")
    for name, seconds in cpu.most_common():
        print(f"  {name:22} {seconds:6.0f} s")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
