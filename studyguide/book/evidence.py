"""The evidence in the book: the source's words under each record, and the checking page's counts.

- :func:`fold` gives the fold of a record's passages (markup:
  :mod:`studyguide.knowledge.evidence_fold`) as a node, for the contested-figures
  tables (:mod:`.timeline`) and the who's who (:mod:`.whoswho`).
- ``{evidence}`claim-id``` at the end of a chapter sentence (after its citation): a small
  link, next to the citation, to a fold placed after the sentence's paragraph (or list
  item) that holds the sentence's own passages (``data/evidence/chapters/``; checked by
  :mod:`studyguide.knowledge.sentence_claims`). Following the link opens the fold (a
  browser opens a closed ``<details>`` to show a target inside it; the fold's own summary
  opens it too), and the fold links back to the sentence. No script, no request: it works
  from ``file://``.
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
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..knowledge.coverage import TARGETS, Coverage, coverage
from ..knowledge.evidence import EVIDENCE_FOLDER, SENTENCE
from ..knowledge.evidence_fold import SUMMARY, day_label, fold_html
from ..knowledge.project import claims
from ..knowledge.sources import source_names
from .data import project
from .editions import is_teacher, teacher_lines

CLAIM_CLASS = "evidence-claim"  # the role's placeholder, until EvidenceFolds puts the control and fold in place
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")
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


TEACHER_ONLY = "a sentence of a model answer or teacher note (teacher edition)"


def summary_html(counted: Coverage, sources, shown=lambda role, target: target, private=lambda sentence: False) -> str:
    """The counts, the records without a passage, and the passages checked longest ago.

    A sentence for which ``private`` is true (one of a teacher block, in the student edition)
    is counted but not quoted: the student edition holds no word of a model answer.
    """
    def opening(sentence, words: int = 14) -> str:
        return TEACHER_ONLY if private(sentence) else _opening(sentence.text, shown, words)

    kinds = [(k, counted.of_kind(k)) for k in KIND_NAMES]
    quoted = {k: sum(counted.has_passage(r) for r in rs) for k, rs in kinds}
    rows = "".join(f"<tr><td>{KIND_NAMES[k][1].capitalize()}</td><td>{len(rs)}</td><td>{share(quoted[k], len(rs))}</td>"
                   f"<td>{TARGETS[k]:.0%}</td></tr>" for k, rs in kinds)
    sentences, backed = len(counted.sentences), len(counted.sentences_with_evidence())
    rows += (f"<tr><td>Sourced sentences in the chapters</td><td>{sentences}</td><td>{share(backed, sentences)} "
             "carry one or name a record that has one</td><td>all</td></tr>")
    parts = [
        f"<p>The guide makes <strong>{counted.claims}</strong> claims: {len(counted.records)} records in its data "
        f"and {sentences} sourced sentences in its chapters. <strong>{counted.with_evidence}</strong> of them have "
        "evidence, a passage of the source in its own words that a reader can open under the record, or "
        "from a mark after the sentence.</p>",
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
    bare = counted.sentences_without()
    if bare:
        items = "".join(f"<li><em>{escape(_page_title(x.path))}</em>: {escape(opening(x))} "
                        f"({escape(reason)})</li>" for x, reason in bare)
        parts.append(f'<details class="evidence-missing"><summary>The {len(bare)} sourced sentences with no passage '
                     "of their own and naming no record that has one, and why</summary>"
                     f"<ul>{items}</ul></details>")
    oldest = counted.oldest()
    days = {p.checked for p in counted.evidence.passages} if counted.evidence else set()
    if len(days) == 1:  # ten passages "checked longest ago" would be ten of many checked the same day
        parts.append(f'<p class="evidence-oldest">Every passage was checked on {day_label(days.pop())}; once some are '
                     "checked again, the ten checked longest ago are listed here.</p>")
    elif oldest:
        names = source_names([p.url for p in oldest], sources)
        def label(passage) -> str:  # a record's label; a sentence's opening words
            found = next((r.label for r in counted.records if r.id == passage.record), None)
            return found or next((opening(x, 8) for x in counted.sentences if passage.record in x.records),
                                 passage.record)
        items = "".join(f"<tr><td>{escape(label(p))}</td>"
                        f'<td><a href="{escape(p.url)}" rel="noopener">{escape(n)}</a></td>'
                        f"<td>{day_label(p.checked)}</td></tr>" for p, n in zip(oldest, names))
        parts.append(f'<table class="table evidence-oldest"><caption>The {len(oldest)} claims whose passage was '
                     "checked longest ago</caption><thead><tr><th scope=\"col\">Claim</th><th scope=\"col\">Source"
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
    plain = re.sub(r"\{evidence\}`[^`]*`", "", plain)  # shows as a mark, not its claim id
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

        hidden: dict[Path, set[int]] = {}

        def private(sentence) -> bool:  # a teacher block's sentence, in the student edition
            if is_teacher(self.env):
                return False
            if sentence.path not in hidden:
                hidden[sentence.path] = teacher_lines(sentence.path.read_text("utf-8"))
            return sentence.line in hidden[sentence.path]

        return [nodes.raw("", summary_html(counted, data.sources, shown, private), format="html")]


class EvidenceRole(SphinxRole):
    """``{evidence}`claim-id```: the sentence it ends carries passages of its own (see :class:`EvidenceFolds`)."""

    def run(self):
        claim = self.text.strip()
        data = project(self.env)
        passages = data.evidence.of(SENTENCE, claim) if data.evidence else ()
        if not passages:  # loading the project already refused this; a page built alone still says where
            message = self.inliner.reporter.error(f"evidence: no passage for claim '{claim}' in "
                                                  f"{EVIDENCE_FOLDER}/chapters/", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        self.env.note_dependency(str(passages[0].path))  # a changed passage rebuilds the page
        node = nodes.inline(self.rawtext, "", classes=[CLAIM_CLASS])
        node["claim"] = claim
        return [node], []


class EvidenceFolds(SphinxTransform):
    """Each ``{evidence}`` becomes a link to a fold of its passages, placed after its paragraph or list item.

    A ``<details>`` cannot stand inside a paragraph, so the fold follows it; when a
    paragraph holds several such sentences, links and folds are numbered alike.
    """

    default_priority = 700

    def apply(self, **kwargs) -> None:
        data = project(self.env)
        by_paragraph: dict[int, list[nodes.inline]] = {}
        paragraphs = {}
        for node in list(self.document.findall(nodes.inline)):
            if CLAIM_CLASS in node["classes"]:
                paragraph = node.parent
                while paragraph is not None and not isinstance(paragraph, nodes.paragraph):
                    paragraph = paragraph.parent
                paragraph = paragraph or node.parent
                by_paragraph.setdefault(id(paragraph), []).append(node)
                paragraphs[id(paragraph)] = paragraph
        for key, marks in by_paragraph.items():
            paragraph = paragraphs[key]
            folds = []
            for number, node in enumerate(marks, 1):
                claim, mark = node["claim"], f"{number}" if len(marks) > 1 else ""
                anchor, back = f"evidence-{claim}", f"evidence-ref-{claim}"
                # a word joiner first: the mark stays on the line of the citation it follows (at 390 px it
                # wrapped onto a line of its own after the closing bracket)
                control = (f'\u2060<a class="evidence-ref" id="{back}" href="#{anchor}" title="{SUMMARY}">'
                           f'<span aria-hidden="true">\u275d{mark}</span><span class="sg-sr-only">{SUMMARY} for this '
                           f"sentence{(' (' + mark + ')') if mark else ''}</span></a>")
                about = _sentence_before(paragraph, node)
                folds.append(nodes.raw("", fold_html(data.evidence.of(SENTENCE, claim), about, data.sources,
                                                     anchor=anchor, back=back, mark=mark), format="html"))
                node.replace_self(nodes.raw("", control, format="html"))
            parent = paragraph.parent
            at = parent.index(paragraph) + 1
            for offset, fold_node in enumerate(folds):
                parent.insert(at + offset, fold_node)


def _sentence_before(paragraph: nodes.Element, node: nodes.Node) -> str:
    """The opening words of the sentence that ``node`` ends, as a reader sees them: names its fold for screen readers."""
    text = []
    for child in paragraph.findall(include_self=False, descend=True):
        if child is node:
            break
        if isinstance(child, nodes.Text):
            text.append(child.astext())
    sentence = _SENTENCE_END.split(" ".join("".join(text).split()))[-1]
    words = sentence.split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")
