"""Every third-party module the package imports is declared in pyproject.toml, and pinned.

Imports are read from the source (ast), function-level ones included, and mapped to the
distribution that provides them (importlib.metadata). What the notebooks load (the layers
up to views) must be in ``dependencies``, since Colab and ``pip install`` get only those;
the Sphinx extension and the command line may use an extra that a requirements file installs.
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import re
import sys
import tomllib
from functools import cache
from pathlib import Path

from support import ROOT

PACKAGE = ROOT / "studyguide"
NOTEBOOK_LAYERS = ("base", "texts", "knowledge", "analysis", "views")  # what a notebook kernel imports


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    return canonical(re.match(r"[A-Za-z0-9._-]+", requirement.strip()).group(0))


def imports(path: Path) -> set[str]:
    """Absolute imports of a module, full dotted names, wherever they stand in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


@cache
def _providers() -> dict[str, list[str]]:
    return metadata.packages_distributions()


@cache
def _files(distribution: str) -> tuple[str, ...]:
    return tuple(str(f) for f in metadata.distribution(distribution).files or ())


def distribution_of(module: str) -> str | None:
    """The distribution that installs ``module`` (a namespace package such as sphinxcontrib
    is shared: the one holding the module's own folder or file wins)."""
    top = module.split(".")[0]
    candidates = _providers().get(top, [])
    if len(set(candidates)) > 1:
        stem = module.replace(".", "/")
        candidates = [d for d in candidates if any(f.startswith((stem + "/", stem + ".")) for f in _files(d))]
    return canonical(candidates[0]) if candidates else None


def third_party(layers: tuple[str, ...] | None = None) -> dict[str, set[str]]:
    """{module: files importing it} for every module neither standard library nor the package's own."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        layer = path.relative_to(PACKAGE).parts[0]
        if layers is not None and layer not in layers:
            continue
        for module in imports(path):
            top = module.split(".")[0]
            if top in sys.stdlib_module_names or top == "studyguide" or top == "__future__":
                continue
            found.setdefault(module, set()).add(str(path.relative_to(ROOT)))
    return found


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def declared(extras: bool) -> set[str]:
    names = {requirement_name(r) for r in project()["dependencies"]}
    if extras:
        names |= {requirement_name(r) for group in project().get("optional-dependencies", {}).values() for r in group}
    return names


def pinned() -> set[str]:
    names = set()
    for file in ("requirements.txt", "requirements-test.txt"):
        for line in (ROOT / file).read_text("utf-8").splitlines():
            if "==" in line and not line.startswith("#"):
                names.add(requirement_name(line))
    return names


def test_the_import_walk_sees_function_level_imports_and_maps_namespace_packages():
    assert "pyphen" in third_party(("views",))  # imported inside a function in views/tables.py
    assert distribution_of("sphinxcontrib.bibtex") == "sphinxcontrib-bibtex"
    assert distribution_of("yaml") == "pyyaml"


def test_every_import_of_the_package_is_declared():
    missing = {m: sorted(files) for m, files in third_party().items() if distribution_of(m) not in declared(extras=True)}
    assert not missing, f"imported but not declared in pyproject.toml (dependencies or an extra): {missing}"


def test_what_the_notebooks_import_is_in_dependencies_not_an_extra():
    missing = {m: sorted(files) for m, files in third_party(NOTEBOOK_LAYERS).items()
               if distribution_of(m) not in declared(extras=False)}
    assert not missing, f"the notebooks need these, but pip install (Colab) would not install them: {missing}"


def test_every_declared_distribution_is_pinned_and_installed_by_a_requirements_file():
    assert not declared(extras=True) - pinned(), "declared in pyproject.toml but not pinned in requirements*.txt"
    requirements = (ROOT / "requirements.txt").read_text("utf-8")
    assert re.search(r"^-e \.\[book\]$", requirements, re.M), "requirements.txt must install the package with its book extra"
