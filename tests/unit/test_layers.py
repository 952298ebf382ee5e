"""The package's architecture, checked on its source: layers as folders, imports only downward.

Every import counts, including those deferred inside functions (a cycle can hide behind
one). A module may import from its own layer and the layers below it; analysis draws
nothing, knows no Sphinx, holds no column titles and turns no number into text (views do);
the Sphinx layer draws nothing and shows no widgets.
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


# --- analysis returns numbers and records; views word them ----------------------------------

# Builtins whose result is a number: a string made from one is formatting.
NUMERIC_CALLS = {"len", "sum", "min", "max", "round", "abs", "int", "float", "mean", "count", "score"}


def _annotated(body, types=("int", "float")) -> set[str]:
    """The names annotated with one of ``types`` (``paragraph: int``, ``x: float | None``) among ``body``'s nodes."""
    found = set()
    for node in body:
        target, annotation = ((node.target, node.annotation) if isinstance(node, ast.AnnAssign)
                              else (node, node.annotation) if isinstance(node, ast.arg) else (None, None))
        name = getattr(target, "id", None) or getattr(target, "arg", None)
        if name and annotation is not None and ast.unparse(annotation).split(" |")[0] in types:
            found.add(name)
    return found


def _numeric_fields() -> set[str]:
    """Fields that the package's classes annotate as numbers (``paragraph: int``), and a range's ends."""
    return {"start", "stop"} | {name for path in PACKAGE.rglob("*.py")
                                for node in ast.walk(ast.parse(path.read_text("utf-8"))) if isinstance(node, ast.ClassDef)
                                for name in _annotated(node.body)}


def _numeric(node: ast.expr, fields: set[str], own: set[str], local: set[str]) -> bool:
    """Whether ``node`` is, by its form, a number: a numeric constant, arithmetic, a call that counts,
    a parameter annotated as a number (``local``), an attribute of ``self`` its class annotates as one
    (``own``), or another object's field that the package annotates as one (``s.paragraph``)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    if isinstance(node, (ast.BinOp, ast.UnaryOp)):
        return True
    if isinstance(node, ast.Call):
        return (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in NUMERIC_CALLS
    if isinstance(node, ast.Subscript):
        return _numeric(node.value, fields, own, local)
    if isinstance(node, ast.Attribute):
        return node.attr in (own if getattr(node.value, "id", None) == "self" else fields)
    return isinstance(node, ast.Name) and node.id in local


def _scopes(tree: ast.Module):
    """Every node with the numeric fields of its class and the numeric parameters of its function."""
    def visit(node, own, local):
        if isinstance(node, ast.ClassDef):
            own = _annotated(node.body)
        elif isinstance(node, (ast.FunctionDef, ast.Lambda)):
            local = _annotated(ast.walk(node.args))
        yield node, own, local
        for child in ast.iter_child_nodes(node):
            yield from visit(child, own, local)

    yield from visit(tree, set(), set())


def formatting(source: str, fields: set[str]) -> list[str]:
    """Where ``source`` (a module of the analysis layer) holds column titles or builds a string from a number.

    Column titles: a name with "header" in it (``HEADERS``, ``tracker_headers``), a ``row()``
    method, or a tuple of two or more capitalised strings. A string from a number: an f-string
    with a format spec (``{x:.2f}``) or a numeric value (``{len(x)}``, ``{s.paragraph}``), or
    ``str()``/``format()``/``map(str, ...)``, anywhere but in a ``raise`` (error messages name
    numbers) or straight inside ``float()``/``int()`` (reading a number back).
    """
    tree = ast.parse(source)
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) or (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("float", "int")):
            exempt.update(id(inner) for inner in ast.walk(node))
    found = []
    for node, own, local in _scopes(tree):
        where = getattr(node, "lineno", "?")
        names = []
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            names = [t.id for t in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(t, ast.Name)]
        if any("header" in n.lower() for n in names) or (isinstance(node, ast.FunctionDef) and node.name == "row"):
            found.append(f"line {where}: column titles ({', '.join(names)})")
        if isinstance(node, ast.Tuple) and len(node.elts) >= 2 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value[:1].isupper() for e in node.elts):
            found.append(f"line {where}: column titles {ast.unparse(node)[:60]}")
        if id(node) in exempt:
            continue
        if isinstance(node, ast.FormattedValue) and (node.format_spec is not None or _numeric(node.value, fields, own, local)):
            found.append(f"line {where}: a string from a number: {ast.unparse(node.value)}")
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None)
            if name in ("str", "format", "repr") or (name == "map" and node.args and getattr(node.args[0], "id", None) == "str"):
                found.append(f"line {where}: a string from {ast.unparse(node)[:60]}")
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
                and isinstance(node.left.value, str):
            found.append(f"line {where}: %-formatting")
    return found


def test_analysis_returns_numbers_and_records_and_views_word_them():
    fields = _numeric_fields()
    found = {name: problems for name, path in modules().items() if layer(name) == "analysis"
             if (problems := formatting(path.read_text("utf-8"), fields))}
    assert not found, f"formatting in the analysis layer (move it to views/): {found}"


@pytest.mark.parametrize("source, problem", [
    ("HEADERS = ('Paragraph', 'Words')\n", "column titles"),
    ("def tracker_headers(lexicon):\n    return ()\n", "column titles"),
    ("class A:\n    def row(self):\n        return (self.a,)\n", "column titles"),
    ("def f(rows):\n    return [('Before', 'After') for r in rows]\n", "column titles"),
    ("def f(x):\n    return f'{x:+.2f}'\n", "a string from a number"),
    ("def f(s):\n    return f'¶{s.paragraph}'\n", "a string from a number"),
    ("def f(found):\n    return f'{len(found)} times'\n", "a string from a number"),
    ("def f(xs):\n    return ', '.join(map(str, xs))\n", "a string from map"),
    ("def f(n):\n    return str(n)\n", "a string from str"),
    ("def f(number: int):\n    return f'{number:,}'\n", "a string from a number"),
    ("class P:\n    n: int\n    def label(self):\n        return f'{self.n}.'\n", "a string from a number"),
    ("def f(n):\n    return '%d' % n\n", "%-formatting"),
])
def test_the_formatting_check_finds_titles_and_numbers_made_strings(source, problem):
    found = formatting(source, {"paragraph"})
    assert found and all(problem in f for f in found[:1]), found


def test_the_formatting_check_leaves_records_errors_and_words_alone():
    source = ("class Pair:\n    first: str\n    def label(self):\n        return f'{self.first} {self.second}'\n"
              "def f(text, n, value):\n"
              "    if n < 0:\n        raise ValueError(f'no paragraph {n}: {len(text)} in all')\n"
              "    label = f'The text (by {text.author})'\n"
              "    return (n, round(value, 2), float(f'{value:.3g}'), label, ('we', 'you'))\n")
    assert formatting(source, {"paragraph"}) == []
