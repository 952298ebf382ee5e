"""Print one of the README's Quick start commands: `build` (first block), `test` (second) or `unit` (third)."""

import re
import sys
from pathlib import Path

readme = Path(__file__).resolve().parents[1].joinpath("README.md").read_text("utf-8")
section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
blocks = re.findall(r"```[a-z]*\n(.*?)```", section, re.S)
which = {"build": 0, "test": 1, "unit": 2}[sys.argv[1]]
command = blocks[which].strip()
assert "\n" not in command, "Quick start commands must be one line each"
print(command)
