"""Roles and a directive that put timeline data into chapters, so chapters never retype a date or a figure:

- ``{event-date}`ID``` - the date of an event as readers should see it;
- ``{figure}`ID``` - a contested figure with who gives it and when;
- ``{text-date}`TEXT-ID``` / ``{answered-date}`TEXT-ID``` - when a seed text,
  or the article it answers, was written, with its precision;
- ``{contested-figures} QUANTITY`` (option ``:event: ID``) - the table of every
  figure given for a quantity, with sources as links and, under them, the source's
  words for the figure when ``data/evidence/`` quotes them (:mod:`.evidence`).

A bad data file stops the build with a one-line error naming file and line;
an unknown id in a chapter is an error at its line in the chapter.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..analysis.placement import text_marks
from ..knowledge.sources import source_names
from ..knowledge.timeline import TIMELINE_FILE, Timeline
from .data import project
from .evidence import fold


def timeline(env) -> Timeline:
    data = project(env).timeline
    if data is None:
        raise KeyError(f"no timeline: {TIMELINE_FILE} is missing")
    return data


class _Role(SphinxRole):
    def lookup(self) -> str:
        raise NotImplementedError

    def run(self):
        try:
            text = self.lookup()
        except KeyError:
            message = self.inliner.reporter.error(f"{self.name}: unknown id '{self.text}'", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        return [nodes.inline(self.rawtext, text, classes=[self.name])], []


class EventDateRole(_Role):
    def lookup(self) -> str:
        return timeline(self.env)[self.text].date_label()


class FigureRole(_Role):
    def lookup(self) -> str:
        figure = timeline(self.env).figure(self.text)
        return f"{figure.value} ({figure.given_by}, {figure.date.label()})"


class TextDateRole(_Role):
    def lookup(self) -> str:
        marks = text_marks(project(self.env).corpus[self.text])
        if not marks:
            raise KeyError(self.text)
        mark = marks[-1] if self.name == "text-date" else marks[0]
        return mark.date_label()


def _cell(*children: nodes.Node) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


class ContestedFiguresDirective(SphinxDirective):
    """A table of every figure given for one quantity, oldest first."""

    required_arguments = 1
    option_spec = {"event": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        data = timeline(self.env)
        quantity, event = self.arguments[0], self.options.get("event")
        try:
            rows = data.figures_for(quantity, event)
            about = data[event].title if event else ""
        except KeyError:
            rows = ()
        if not rows:
            raise self.error(f"no contested figures for '{quantity}'" + (f" and event '{event}'" if event else ""))
        caption = f"{quantity.capitalize()}: every figure in the guide's data, with who gave it and when" + (f" ({about})" if about else "")
        table = nodes.table(classes=["contested-figures"])
        table += nodes.title(caption, caption)
        group = nodes.tgroup(cols=4)
        table += group
        group.extend(nodes.colspec(colwidth=w) for w in (3, 4, 2, 3))
        head, body = nodes.thead(), nodes.tbody()
        group += head
        group += body
        row = nodes.row()
        for label in ("Figure", "Given by", "When given", "Sources"):
            row += _cell(nodes.Text(label))
        head += row
        for figure in rows:
            row = nodes.row()
            row += _cell(nodes.Text(figure.value))
            row += _cell(nodes.Text(figure.given_by))
            row += _cell(nodes.Text(figure.date.label()))
            links: list[nodes.Node] = []
            for url, name in zip(figure.sources, source_names(figure.sources, project(self.env).sources)):
                if links:
                    links.append(nodes.Text(", "))
                links.append(nodes.reference("", name, refuri=url))
            cell = _cell(*links)
            words = fold(self.env, "figure", figure.id, f"{figure.value} ({figure.given_by})")
            if words:
                cell += nodes.raw("", words, format="html")
            row += cell
            body += row
        return [table]
