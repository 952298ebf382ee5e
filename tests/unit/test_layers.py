"""The package's architecture, checked on its source: layers as folders, imports only downward.

Every import counts, including those deferred inside functions (a cycle can hide behind
one). A module may import from its own layer and the layers below it; analysis draws
nothing and knows no Sphinx; the Sphinx layer draws nothing and shows no widgets.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support import ROOT

PACKAGE = ROOT / "studyguide"
ORDER = ("base", "texts", "knowledge", "analysis", "views", "book", "cli")
# What each layer may import from the package (besides itself).
ALLOWED = {
    "base": set(),
    "texts": {"base"},
    "knowledge": {"base", "texts"},
    "analysis": {"base", "texts", "knowledge"},
    "views": {"base", "texts", "knowledge", "analysis"},
    "book": {"base", "texts", "knowledge", "analysis"},
    "cli": {"base", "texts", "knowledge", "analysis", "views", "book"},
}
DRAWING = {"matplotlib", "ipywidgets", "IPython"}
SPHINX = {"sphinx", "docutils", "myst_nb", "myst_parser"}
FORBIDDEN = {
    "base": DRAWING | SPHINX | {"nltk"},
    "texts": DRAWING | SPHINX | {"nltk"},
    "knowledge": DRAWING | SPHINX | {"nltk"},
    "analysis": DRAWING | SPHINX,
    "book": DRAWING,
}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, root: Path = ROOT) -> set[str]:
    """Absolute names of every module ``path`` imports, wherever the import statement is."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            found.add(target)
            # "from . import vendor" imports the module studyguide.book.vendor
            found.update(f"{target}.{alias.name}" for alias in node.names
                         if (PACKAGE.parent / (target.replace(".", "/") + f"/{alias.name}.py")).is_file())
    return found


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ORDER else None


def test_every_module_lives_in_a_layer():
    loose = [name for name in modules() if layer(name) is None and name not in ("studyguide", "studyguide.__main__")]
    assert not loose, f"modules outside the layer folders: {loose}"
    assert {layer(n) for n in modules()} - {None} == set(ORDER)


def test_the_package_map_names_every_module():
    # The package docstring is the map a maintainer reads first: a module missing from it is
    # a module nobody will find.
    import studyguide

    unnamed = [name for name in modules() if layer(name) and not name.endswith("__init__")
               and name.count(".") == 2 and f"~.{name.split('.', 1)[1]}`" not in studyguide.__doc__]
    assert not unnamed, f"modules the map in studyguide/__init__.py does not name: {unnamed}"


@pytest.mark.parametrize("name", sorted(n for n in modules() if layer(n)))
def test_imports_go_only_downward(name):
    own = layer(name)
    for target in imports(modules()[name]):
        top = target.split(".")[0]
        if top == "studyguide":
            assert target != "studyguide", f"{name} imports the package root; import the module it needs"
            assert layer(target) == own or layer(target) in ALLOWED[own], f"{name} imports {target} (upward or sideways)"
        else:
            assert top not in FORBIDDEN.get(own, set()), f"{name} ({own}) imports {target}"


def test_no_import_cycles():
    graph = {name: {t for t in imports(path) if t in modules() and t != name} for name, path in modules().items()}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_the_checker_sees_deferred_imports(tmp_path):
    # an import inside a function counts: such an import hid the old cycle glossary -> extension -> chapter
    fake = tmp_path / "studyguide" / "analysis" / "sample.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("def later():\n    from ..views.style import plt\n    import matplotlib\n")
    found = imports(fake, tmp_path)
    assert {"studyguide.views.style", "matplotlib"} <= found
    assert "views" not in ALLOWED["analysis"] and "matplotlib" in FORBIDDEN["analysis"]


def test_loading_the_sphinx_extension_imports_no_nltk():
    # Every build, a no-change rebuild too, loads the extension's modules; NLTK (half a second
    # to import) is needed only when a page is read, so the analysis layer imports it on first use.
    import subprocess
    import sys

    book = sorted(n for n in modules() if layer(n) == "book")
    probe = f"import sys, {', '.join(book)}; print(sorted(m for m in sys.modules if m.split('.')[0] == 'nltk'))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]", f"the Sphinx layer imports NLTK when loaded: {result.stdout.strip()}"
