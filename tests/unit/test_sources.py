"""The source audit: every cited URL has a publisher with a kind, and nothing ruled out is cited."""

from __future__ import annotations

import pytest

from studyguide import InputError, load_project
from studyguide.knowledge.sources import audit, load_sources
from support import BODY, sidecar

SOURCES = """\
[[publisher]]
domain = "hrw.org"
name = "Human Rights Watch"
kind = "ngo"

[[publisher]]
domain = "reuters.com"
name = "Reuters"
kind = "news"

[[ruled_out]]
pattern = "signalfire.org"
reason = "Reposts other outlets' articles."

[[ruled_out]]
pattern = "/tag/"
reason = "Tag-archive pages change as new posts arrive."
"""


def make(project, chapter: str, sources: str = SOURCES):
    root = project({"a.txt": BODY, "a.meta.toml": sidecar()})
    (root / "data").mkdir()
    (root / "data" / "sources.toml").write_text(sources)
    (root / "chapters").mkdir()
    (root / "chapters" / "context.md").write_text(chapter)
    return root


def test_cited_sources_with_publishers_pass_and_are_counted(project):
    root = make(project, "See [HRW](https://www.hrw.org/report/2012/x) and <https://uk.reuters.com/article/y>.\n"
                         "Served locally at http://127.0.0.1:8000 (not a source).\n")
    sources = load_project(root).sources
    assert sources.publisher_of("https://www.hrw.org/x").kind == "ngo"
    assert audit(root, sources) == 2


@pytest.mark.parametrize("line, message", [
    ("[x](https://signalfire.org/2011/12/x)", "chapters/context.md:2: https://signalfire.org/2011/12/x is ruled out as a source "
                                              "(data/sources.toml:11): Reposts other outlets' articles."),
    ("[x](https://www.reuters.com/tag/kazakhstan)", "is ruled out as a source (data/sources.toml:15): Tag-archive pages"),
    ("[x](https://example.org/blog)", "chapters/context.md:2: https://example.org/blog: no publisher for example.org in data/sources.toml"),
])
def test_a_ruled_out_or_unknown_source_stops_with_file_and_line(project, line, message):
    root = make(project, "First line.\n" + line + "\n")
    with pytest.raises(InputError) as caught:
        load_project(root)
    assert message in str(caught.value)


@pytest.mark.parametrize("bad, message", [
    (SOURCES.replace('kind = "ngo"', 'kind = "blog"'), "data/sources.toml:4: publisher 1: kind 'blog' must be one of"),
    (SOURCES.replace('domain = "reuters.com"', 'domain = "hrw.org"'), "publisher 'hrw.org' is listed twice (also at line 1)"),
    (SOURCES.replace('pattern = "/tag/"', 'pattern = "(unclosed"'), "ruled_out 2: bad pattern '(unclosed'"),
    (SOURCES + '\n[[publisher]]\ndomain = "signalfire.org"\nname = "x"\nkind = "news"\n', "publisher 'signalfire.org' is also ruled out"),
])
def test_a_bad_sources_file_names_file_and_line(project, bad, message):
    with pytest.raises(InputError, match="sources.toml") as caught:
        load_sources(make(project, "", bad) / "data" / "sources.toml")
    assert message in str(caught.value)
