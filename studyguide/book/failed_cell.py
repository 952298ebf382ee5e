"""What a failing notebook cell says first: the text it was working on and the exception, in one line.

The kernel's half of :mod:`.failures` (it runs in the notebooks' kernels, not in Sphinx).
When the book is built, each notebook's kernel starts by calling :func:`install`
(:mod:`.failures` puts it in the kernels' ``PYTHONSTARTUP``). Then the
traceback a failing cell reports begins with one line, :data:`MARK` followed by
:func:`summary` (``text 'x': ValueError: choose at least one word``), which the build
finds and prints after the notebook's name. A live notebook (Jupyter, Binder, Colab)
keeps IPython's usual traceback.

The text is the one the innermost unfinished loop over the corpus was working on
(:mod:`studyguide.texts.current`); when the cell was in no such loop, the innermost
function of the traceback that holds a text (a variable ``text`` first) names it. A
notebook's own variables are not asked: after ``for text in corpus`` in one cell,
``text`` is still the last text in the next, whatever that cell works on.
"""

from __future__ import annotations

import sys

from ..texts.current import current, forget
from ..texts.text import Text

MARK = "studyguide failure: "


def summary(error: BaseException, text: Text | None) -> str:
    """``text 'ID': Name: message`` on one line (without the text when none is known)."""
    message = " ".join(str(error).split())
    what = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return f"text '{text.id}': {what}" if text is not None else what


def failing_text(tb) -> Text | None:
    """The text a failure happened on: the current loop's, else the innermost frame's with one."""
    if (text := current()) is not None:
        return text
    frames = []
    while tb is not None:
        if tb.tb_frame.f_code.co_name != "<module>":  # a cell's (or module's) variables: see above
            frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):
        names = frame.f_locals
        if isinstance(names.get("text"), Text):
            return names["text"]
        found = next((value for value in names.values() if isinstance(value, Text)), None)
        if found is not None:
            return found
    return None


def _handler(shell, etype, value, tb, tb_offset=None) -> list[str]:
    stb = [MARK + summary(value, failing_text(tb)),
           *shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)]
    shell._showtraceback(etype, value, stb)  # IPython's run_code shows nothing of a custom handler's own
    return stb


def _marking(shell, showtraceback):
    """``shell.showtraceback`` that marks a traceback as :func:`_handler` does: IPython calls it, not the custom
    handler, for an exception raised while a cell's result is shown (a ``_repr_html_`` that fails)."""
    def show(exc_tuple=None, filename=None, tb_offset=None, exception_only=False, running_compiled_code=False):
        etype, value, tb = exc_tuple or sys.exc_info()
        # IPython shows these its own way (a magic's usage error, by its name: this layer does not import IPython)
        if value is None or exception_only or isinstance(value, SyntaxError) or etype.__name__ == "UsageError":
            return showtraceback(exc_tuple, filename, tb_offset, exception_only, running_compiled_code)
        _handler(shell, etype, value, tb, tb_offset)
    return show


def _new_cell(info=None) -> None:
    forget()


def install(shell) -> None:
    """Make every exception of a cell in IPython's ``shell`` report :func:`summary` first;
    each cell starts working on no text."""
    shell.events.register("pre_run_cell", _new_cell)
    shell.set_custom_exc((Exception,), _handler)
    shell.showtraceback = _marking(shell, shell.showtraceback)
