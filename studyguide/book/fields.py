"""``{sidecar-fields}``: the sidecar schema as a table, straight from its field table."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..base.schema import table_of_fields
from ..texts.sidecar import FIELDS


class SidecarFieldsDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        table = nodes.table(classes=["sidecar-fields"])
        group = nodes.tgroup(cols=3)
        table += group
        group.extend(nodes.colspec(colwidth=w) for w in (2, 1, 6))
        head = nodes.thead()
        body = nodes.tbody()
        group += head
        group += body

        def row(cells: tuple[str, str, str], into: nodes.Element) -> None:
            line = nodes.row()
            for cell in cells:
                line += nodes.entry("", nodes.paragraph("", cell))
            into += line

        row(("Field", "Required", "Meaning"), head)
        for cells in table_of_fields(FIELDS):
            row(cells, body)
        return [table]
