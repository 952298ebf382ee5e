"""The executed notebooks beside the book come out the same every build (``studyguide.book.executed``)."""

from __future__ import annotations

import nbformat

from studyguide.book.executed import join_streams, joined_streams


def stream(name: str, text: str) -> dict:
    return {"output_type": "stream", "name": name, "text": text}


def test_one_print_sent_in_two_pieces_is_one_output_again():
    split = [stream("stdout", "MATTR: 0.713"), stream("stdout", "\n"), stream("stderr", "a warning\n"),
             stream("stdout", "next\n"), {"output_type": "display_data", "data": {}, "metadata": {}},
             stream("stdout", "after\n")]
    assert joined_streams(split) == [stream("stdout", "MATTR: 0.713\n"), stream("stderr", "a warning\n"),
                                     stream("stdout", "next\n"), split[4], stream("stdout", "after\n")]


def test_a_line_end_moved_to_the_next_cell_leaves_both_as_printed():
    """Seen in two clean builds: one cell's output lacked its line end, a later one had an extra one."""
    assert joined_streams([stream("stdout", "All 8 rows agree\n"), stream("stdout", "\n")]) == [
        stream("stdout", "All 8 rows agree\n")]
    assert joined_streams([stream("stdout", "By paragraph: 1")]) == [stream("stdout", "By paragraph: 1\n")]
    assert joined_streams([stream("stdout", "\n")]) == []
    assert joined_streams([stream("stdout", "two\nlines\n")]) == [stream("stdout", "two\nlines\n")]


def test_the_executed_copies_are_rewritten_only_where_a_stream_was_split(tmp_path):
    folder = tmp_path / "jupyter_execute" / "notebooks"
    folder.mkdir(parents=True)
    cell = nbformat.v4.new_code_cell("print('x')", outputs=[nbformat.from_dict(stream("stdout", "x")),
                                                            nbformat.from_dict(stream("stdout", "\n"))])
    split, whole = folder / "split.ipynb", folder / "whole.ipynb"
    split.write_text(nbformat.writes(nbformat.v4.new_notebook(cells=[cell])), "utf-8")
    whole.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', "utf-8")
    before = whole.read_text("utf-8")

    class App:
        outdir = str(tmp_path / "html")

    join_streams(App, None)
    (output,) = nbformat.reads(split.read_text("utf-8"), as_version=4).cells[0].outputs
    assert output.text == "x\n"
    assert whole.read_text("utf-8") == before  # untouched: myst-nb's own bytes
