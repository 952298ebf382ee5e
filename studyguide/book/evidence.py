"""The evidence in the book: the source's words under each record, and the checking page's counts.

- :func:`fold` gives the fold of a record's passages (markup:
  :mod:`studyguide.knowledge.evidence_fold`) as a node, for the contested-figures
  tables (:mod:`.timeline`) and the who's who (:mod:`.whoswho`).
- ``{evidence-summary}`` (on the page "How this guide was checked") says, counted
  when the book is built (:mod:`studyguide.knowledge.coverage`), how many claims the
  guide makes and how many have evidence, lists the records without a passage with
  the reason, and the ten passages checked longest ago.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..knowledge.coverage import TARGETS, Coverage, coverage
from ..knowledge.evidence import EVIDENCE_FOLDER
from ..knowledge.evidence_fold import day_label, fold_html
from ..knowledge.project import claims
from ..knowledge.sources import source_names
from .data import project

KIND_NAMES = {"event": ("event", "events"), "figure": ("contested figure", "contested figures"),
              "entry": ("who's who entry", "who's who entries")}


def fold(env, kind: str, record: str, about: str) -> str:
    """The fold's markup for one record, or "" when it has no passage."""
    data = project(env)
    if data.evidence is None:
        return ""
    return fold_html(data.evidence.of(kind, record), about, data.sources)


def share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})" if whole else "none"


def summary_html(counted: Coverage, sources, shown=lambda role, target: target) -> str:
    """The counts, the records without a passage, and the passages checked longest ago."""
    kinds = [(k, counted.of_kind(k)) for k in KIND_NAMES]
    quoted = {k: sum(counted.has_passage(r) for r in rs) for k, rs in kinds}
    rows = "".join(f"<tr><td>{KIND_NAMES[k][1].capitalize()}</td><td>{len(rs)}</td><td>{share(quoted[k], len(rs))}</td>"
                   f"<td>{TARGETS[k]:.0%}</td></tr>" for k, rs in kinds)
    sentences, backed = len(counted.sentences), len(counted.sentences_with_evidence())
    rows += (f"<tr><td>Sourced sentences in the chapters</td><td>{sentences}</td><td>{share(backed, sentences)} "
             "name a record that has one</td><td>all</td></tr>")
    parts = [
        f"<p>The guide makes <strong>{counted.claims}</strong> claims: {len(counted.records)} records in its data "
        f"and {sentences} sourced sentences in its chapters. <strong>{counted.with_evidence}</strong> of them have "
        "evidence, a passage of the source in its own words that a reader can open under the record.</p>",
        '<table class="table evidence-counts"><caption>Claims and their evidence, counted when the book was built'
        '</caption><thead><tr><th scope="col">Claims</th><th scope="col">How many</th>'
        '<th scope="col">With a passage</th><th scope="col">Aim</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>",
    ]
    missing = counted.without_passage()
    if missing:
        items = "".join(f"<li>{escape(KIND_NAMES[r.kind][0].capitalize())} <em>{escape(r.label)}</em>: "
                        f"{escape(reason)}</li>" for r, reason in missing)
        parts.append(f'<details class="evidence-missing"><summary>The {len(missing)} records without a passage, '
                     f"and why</summary><ul>{items}</ul></details>")
    bare = [x for x in counted.sentences if x not in set(counted.sentences_with_evidence())]
    if bare:
        items = "".join(f"<li><em>{escape(_page_title(x.path))}</em>: {escape(_opening(x.text, shown))}</li>"
                        for x in bare)
        parts.append(f'<details class="evidence-missing"><summary>The {len(bare)} sourced sentences that cite a '
                     "source directly, with no passage recorded for them yet</summary>"
                     f"<ul>{items}</ul></details>")
    oldest = counted.oldest()
    if oldest:
        names = source_names([p.url for p in oldest], sources)
        items = "".join(f"<tr><td>{escape(next(r.label for r in counted.records if r.id == p.record))}</td>"
                        f'<td><a href="{escape(p.url)}" rel="noopener">{escape(n)}</a></td>'
                        f"<td>{day_label(p.checked)}</td></tr>" for p, n in zip(oldest, names))
        parts.append(f'<table class="table evidence-oldest"><caption>The {len(oldest)} records whose passage was '
                     "checked longest ago</caption><thead><tr><th scope=\"col\">Record</th><th scope=\"col\">Source"
                     f'</th><th scope="col">Checked</th></tr></thead><tbody>{items}</tbody></table>')
    return "".join(parts)


def _page_title(path: Path) -> str:
    """A chapter's title, its first heading."""
    heading = next((line for line in path.read_text("utf-8").splitlines() if line.startswith("# ")), path.stem)
    return heading.lstrip("# ").strip()


def _opening(sentence: str, shown=lambda role, target: target, words: int = 14) -> str:
    """The first words of a sentence as a reader sees them: roles (written by ``shown``), links and
    markup reduced to their text."""
    plain = re.sub(r"\s*\{cite:[pt]\}`[^`]*`", "", sentence)  # a citation shows as a label, not its key
    plain = re.sub(r"\{([a-z-]+)\}`(?:([^`<]*?)\s*<[^`]*>|([^`]*))`",
                   lambda m: m[2] or shown(m[1], m[3] or ""), plain)
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", plain)
    plain = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", plain)  # a list item's marker
    plain = " ".join(re.sub(r"\*\*|[*_|]", lambda m: "" if m[0] == "**" else " ", plain).split())
    cut = plain.split()
    return " ".join(cut[:words]) + (" …" if len(cut) > words else "")


class EvidenceSummaryDirective(SphinxDirective):
    """``{evidence-summary}``: the claims, their evidence, what is missing and what was checked longest ago."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        data = project(self.env)
        folder = Path(self.env.srcdir) / EVIDENCE_FOLDER
        # the counts change with the evidence files and with any chapter's sourced sentences
        for path in [*(sorted(folder.glob("*.toml")) if folder.is_dir() else ()), *sorted(data.root.glob("chapters/**/*.md"))]:
            self.env.note_dependency(str(path))
        counted = coverage(data.root, claims(data), data.evidence, data.sources)

        def shown(role: str, target: str) -> str:  # what a data role writes on its page
            try:
                if role == "event-date":
                    return data.timeline[target].date_label()
                if role == "figure":
                    return data.timeline.figure(target).value
            except (KeyError, TypeError):
                pass
            return target.split("|")[0].strip()

        return [nodes.raw("", summary_html(counted, data.sources, shown), format="html")]
