"""A failed notebook cell says in one line which notebook, text and exception; a text without words never gets that far.

The build tier (tests/build/test_failed_build.py) runs a failing notebook through the real
build; here are the parts: the refusal of a wordless text by ``check``, ``new`` and
``build``, the guard that knows which text a loop is working on, the kernel's first
traceback line, and the line the build prints from what jupyter-cache recorded.
"""

from __future__ import annotations

import importlib.util
import random
import unicodedata

import pytest

from studyguide.analysis.tokens import words
from studyguide.book.failed_cell import MARK, install, summary
from studyguide.book.failures import FAILURES, failure_line
from studyguide.cli.main import main
from studyguide.texts import current
from studyguide.texts.corpus import load_corpus
from studyguide.texts.text import _LETTER_OR_DIGIT
from support import sidecar

WORDLESS = "A Title\n\n... !!! ---\n\n« — » ?\n"
WORDLESS_ERROR = ("error: seeds/a.txt:3: no words to count: the text holds only punctuation, spaces or symbols, "
                  "and the guide counts runs of letters or digits\n")


@pytest.fixture
def in_project(project, monkeypatch):
    """A throw-away project (conftest's ``project``) as the command line's project and working folder."""

    def make(files):
        root = project(files)
        monkeypatch.setenv("STUDYGUIDE_ROOT", str(root))
        monkeypatch.chdir(root)
        return root

    return make


@pytest.mark.parametrize("command", ["check", "build"])
def test_check_and_build_refuse_a_text_without_words_in_one_line(in_project, capsys, command):
    in_project({"a.txt": WORDLESS, "a.meta.toml": sidecar("a")})
    assert main([command]) == 2  # the build stops before Sphinx starts, so before any notebook runs
    assert capsys.readouterr().err == WORDLESS_ERROR


def test_new_refuses_a_text_without_words_and_writes_nothing(in_project, capsys):
    root = in_project({"a.txt": WORDLESS})
    assert main(["new", "seeds/a.txt"]) == 2
    assert capsys.readouterr().err == WORDLESS_ERROR
    assert sorted(p.name for p in (root / "seeds").iterdir()) == ["a.txt"]
    assert not (root / "chapters").exists()


def test_one_word_anywhere_is_enough(in_project):
    in_project({"a.txt": "A Title\n\n... !!!\n\n— 1 —\n", "a.meta.toml": sidecar("a")})
    assert len(load_corpus()["a"].paragraphs) == 2  # a number is a word the guide counts


def test_the_refusal_and_the_tokeniser_agree_on_what_a_word_is():
    rng = random.Random(18)
    alphabet = [c for c in map(chr, range(0x3000)) if unicodedata.category(c)[0] in "LNMPSZ"]
    alphabet += ["_", "'", "-", "\u0301", "\u200d", "\U0001d400", "\U0001f600"]
    for _ in range(3000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
        assert bool(_LETTER_OR_DIGIT.search(sample)) == bool(words(sample)), ascii(sample)


def test_a_loop_over_the_texts_is_known_while_it_works_and_after_it_fails():
    a, b = "A", "B"
    current.forget()
    seen = []
    for outer in current.each([a, b]):
        inner = [t for t in current.each([a, b])]  # an inner loop that ends leaves the outer one's text
        seen.append((outer, current.current(), inner))
    assert seen == [("A", "A", ["A", "B"]), ("B", "B", ["A", "B"])] and current.current() is None
    with pytest.raises(ValueError):
        for text in current.each([a, b]):
            if text == "B":
                raise ValueError(text)
    assert current.current() == "B"  # the loop left by the exception: the text that failed
    current.forget()
    assert current.current() is None


def test_a_corpus_loop_records_its_text(project):
    corpus = load_corpus(project({"a.txt": "T\n\nOne.\n", "a.meta.toml": sidecar("a"),
                                  "b.txt": "T\n\nTwo.\n", "b.meta.toml": sidecar("b")}))
    current.forget()
    assert [(t.id, current.current().id) for t in corpus] == [("a", "a"), ("b", "b")]


def test_the_summary_is_one_line_with_the_text_when_known(project):
    text = load_corpus(project({"a.txt": "T\n\nOne.\n", "a.meta.toml": sidecar("x")}))["x"]
    assert summary(ValueError("choose at least\n  one word"), text) == "text 'x': ValueError: choose at least one word"
    assert summary(KeyError(), None) == "KeyError"


@pytest.fixture
def shell(tmp_path, monkeypatch):
    """An IPython shell (as in a kernel) with the guide's handler installed; no history written."""
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    config = Config()
    config.HistoryManager.enabled = False
    ipython = InteractiveShell(config=config)
    install(ipython)
    yield ipython
    ipython.set_custom_exc((), None)
    current.forget()


def failure_of(shell, capsys, code: str) -> str:
    """The first traceback line a cell running ``code`` shows."""
    result = shell.run_cell(code)
    assert result.error_in_exec is not None
    return next(line for line in capsys.readouterr().out.splitlines() if line.startswith(MARK))


def test_a_failing_cell_names_the_text_it_was_working_on(shell, capsys, project):
    shell.user_ns["corpus"] = load_corpus(project({"a.txt": "T\n\nOne.\n", "a.meta.toml": sidecar("first"),
                                                   "b.txt": "T\n\nTwo.\n", "b.meta.toml": sidecar("second")}))
    from_loop = ("from studyguide.views.dispersion_plot import dispersion_figure\n"
                 "for text in corpus:\n"
                 "    others = [o.id for o in corpus if o.id != text.id]\n"
                 "    if text.id == 'second':\n"
                 "        dispersion_figure([], [], text.title)\n")
    assert failure_of(shell, capsys, from_loop) == f"{MARK}text 'second': ValueError: choose at least one word"
    # a later cell in no loop: the text is the innermost frame's that holds one, not the last loop's
    no_loop = "from studyguide.analysis.overview import text_overview\ntext_overview(corpus['first'].meta)\n"
    assert failure_of(shell, capsys, no_loop).startswith(f"{MARK}AttributeError: ")
    in_function = "def count(text):\n    return 1 / 0\ncount(corpus['first'])\n"
    assert failure_of(shell, capsys, in_function) == f"{MARK}text 'first': ZeroDivisionError: division by zero"


def test_the_build_line_names_the_notebook_the_text_and_the_exception():
    coloured = ("nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:\n"
                "------------------\nfor text in corpus: ...\n------------------\n\n"
                f"{MARK}text 'x': ValueError: choose at least one word\n"
                "\x1b[31m---------------------------------------------------------------------------\x1b[39m\n"
                "\x1b[31mValueError\x1b[39m                                Traceback (most recent call last)\n"
                "\x1b[31mValueError\x1b[39m: choose at least one word\n")
    assert failure_line("notebooks/words.ipynb", coloured) == "notebooks/words.ipynb: text 'x': ValueError: choose at least one word"
    timed_out = ("Traceback (most recent call last):\n  File \"/home/someone/nbclient/client.py\", line 1, in run\n"
                 "nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 300 seconds.\n")
    assert failure_line("notebooks/themes.ipynb", timed_out) == (
        "notebooks/themes.ipynb: nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, "
        "after 300 seconds.")
    assert failure_line("notebooks/x.ipynb", "") == "notebooks/x.ipynb: a cell failed (no exception was reported)"


@pytest.mark.skipif(importlib.util.find_spec("jieba") is not None, reason="jieba is installed here")
def test_a_language_whose_word_frequencies_need_a_missing_package_is_refused_before_the_build(in_project, capsys):
    chinese = "A Title\n\n扎瑙津的石油工人罢工了好几个月。他们要求提高工资。\n"
    root = in_project({"a.txt": chinese, "a.meta.toml": sidecar("a").replace('language = "en"', 'language = "zh"')})
    (root / "chapters" / "texts").mkdir(parents=True)
    (root / "chapters" / "texts" / "a.md").write_text("```{seed-text} a\n```\n")
    for command in ("check", "build"):
        assert main([command]) == 2
        assert capsys.readouterr().err == (
            "error: seeds/a.meta.toml:4: language = 'zh': comparing a text in Chinese with general language "
            "(wordfreq) needs the Python package 'jieba', which is not installed here\n")


def test_after_a_failed_build_the_next_reads_every_page_and_prints_the_failures_last(in_project, monkeypatch, capsys):
    import studyguide.cli.main as cli

    root = in_project({"a.txt": "A Title\n\nOne.\n", "a.meta.toml": sidecar("a")})
    (root / "chapters" / "texts").mkdir(parents=True)
    (root / "chapters" / "texts" / "a.md").write_text("```{seed-text} a\n```\n")
    monkeypatch.setattr(cli.vendor, "verify", lambda root: root)
    commands, outcomes = [], iter([(1, ["notebooks/words.ipynb: text 'a': ValueError: choose at least one word"]),
                                   (0, ["notebooks/words.ipynb: text 'a': ValueError: choose at least one word"]),
                                   (0, []), (0, [])])

    def jupyter_book(command, env):  # what Sphinx would leave: its status, and the failures it wrote
        commands.append(command)
        status, lines = next(outcomes)
        (root / "_build").mkdir(exist_ok=True)
        if lines:
            (root / "_build" / FAILURES).write_text("\n".join(lines) + "\n")
        return status

    monkeypatch.setattr(cli.subprocess, "call", jupyter_book)
    for expected in (1, 1, 0, 0):  # a failure exits 1 even when Sphinx did not (a cached one used to)
        assert main(["build"]) == expected
        err = capsys.readouterr().err
        assert err == ("error: notebooks/words.ipynb: text 'a': ValueError: choose at least one word\n" if expected else "")
    assert ["--all" in command for command in commands] == [False, True, True, False]
