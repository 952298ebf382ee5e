"""The executed notebooks beside the book (``_build/jupyter_execute/``) come out the same every build.

A kernel does not send a cell's printed text in one piece: ipykernel flushes its output on a
timer, from a thread of its own, so on a busy machine one ``print`` may reach the notebook as two
stream outputs ("text", then its line end), and a line end may even arrive with the next cell's
output. The page does not show it (myst-nb merges streams and trims them when it renders), but
the executed copy myst-nb writes keeps the pieces, and two builds of one commit then differ (seen
twice in the reproducibility test, on the by-hand page, whose cells print). Here, once the build
is over, consecutive outputs of one stream are joined, as nbconvert's ``coalesce_streams`` does
(nbconvert is not among the book's dependencies), and each ends in exactly one line end, with no
blank line before it: what the timing moved, and nothing a cell printed, differs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

FOLDER = "jupyter_execute"  # myst-nb's (sphinx_ext.OUTPUT_FOLDER): beside the HTML folder


def joined_streams(outputs: list[dict]) -> list[dict]:
    """``outputs`` with each run of consecutive outputs of one stream (stdout, stderr) made one, ending in one
    line end (a stream of line ends alone is dropped)."""
    joined: list[dict] = []
    for output in outputs:
        last = joined[-1] if joined else None
        if (output.get("output_type") == "stream" and last is not None and last.get("output_type") == "stream"
                and last.get("name") == output.get("name")):
            last["text"] = "".join(last["text"]) + "".join(output["text"])
        else:
            joined.append(output)
    for output in joined:
        if output.get("output_type") == "stream":
            output["text"] = "".join(output["text"]).strip("\n") + "\n"
    return [o for o in joined if o.get("output_type") != "stream" or o["text"] != "\n"]


def join_streams(app: Sphinx, exception: Exception | None) -> None:
    import nbformat

    for path in sorted(Path(app.outdir).parent.joinpath(FOLDER).rglob("*.ipynb")):
        notebook = nbformat.reads(path.read_text("utf-8"), as_version=4)
        changed = False
        for cell in notebook.cells:
            if cell.get("outputs") and (joined := joined_streams([dict(o) for o in cell.outputs])) != cell.outputs:
                cell.outputs, changed = [nbformat.from_dict(o) for o in joined], True
        if changed:
            path.write_text(nbformat.writes(notebook), "utf-8")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", join_streams)
