"""The repository setting: one value, overridable by the Pages workflow, turned into buttons or none."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from studyguide import InputError
from studyguide.book import publish
from studyguide.cli import sandbox
from studyguide.cli.notebook_setup import set_repository
from studyguide.knowledge import publication
from studyguide.knowledge.publication import BOOK_BUILD_ENV, REPOSITORY_ENV, book_url, live_book_url, repository_url
from support import ROOT


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.delenv(REPOSITORY_ENV, raising=False)
    monkeypatch.delenv(BOOK_BUILD_ENV, raising=False)
    return sandbox.copy_project(ROOT, tmp_path / "copy")


def test_the_setting_comes_from_the_config_and_the_workflow_overrides_it(project, monkeypatch):
    assert repository_url(project) is None and book_url(project) is None  # as committed: no setting, no address
    set_repository(project, "https://github.com/a-teacher/guide.git")
    assert repository_url(project) == "https://github.com/a-teacher/guide"
    assert book_url(project) == "https://a-teacher.github.io/guide/"
    monkeypatch.setenv(REPOSITORY_ENV, "https://github.com/Fork-Owner/Fork-Owner.github.io")
    assert repository_url(project) == "https://github.com/Fork-Owner/Fork-Owner.github.io"
    assert book_url(project) == "https://fork-owner.github.io/"
    monkeypatch.setenv(REPOSITORY_ENV, "not an address")
    with pytest.raises(InputError, match=f"^{REPOSITORY_ENV}: 'not an address' is not a repository address"):
        repository_url(project)


def test_a_bad_committed_setting_names_the_file_and_line(project):
    config = project / "_config.yml"
    config.write_text(config.read_text("utf-8").replace('\n  url: ""', "\n  url: www.example.org"), "utf-8")
    line = next(i for i, t in enumerate(config.read_text("utf-8").splitlines(), 1) if "www.example.org" in t)
    with pytest.raises(InputError) as caught:
        repository_url(project)
    assert str(caught.value) == f"{config}:{line}: 'www.example.org' is not a repository address such as https://github.com/OWNER/NAME"


def theme_options(project) -> dict:
    config = SimpleNamespace(html_theme_options={"launch_buttons": {"colab_url": "https://colab.research.google.com"},
                                                 "use_repository_button": False, "use_issues_button": False})
    publish(config, project)
    return config.html_theme_options


def test_buttons_follow_the_setting_and_without_one_there_is_none(project, monkeypatch):
    options = theme_options(project)
    assert "repository_url" not in options and "launch_buttons" not in options
    assert not options["use_repository_button"] and not options["use_issues_button"]
    monkeypatch.setenv(REPOSITORY_ENV, "https://github.com/a-fork/guide")
    options = theme_options(project)
    assert options["repository_url"] == "https://github.com/a-fork/guide"
    assert options["use_repository_button"] and options["use_issues_button"] and options["launch_buttons"]


def test_live_outputs_link_to_the_published_book_but_never_while_the_book_is_built(project, monkeypatch):
    monkeypatch.setenv("STUDYGUIDE_ROOT", str(project))
    publication._live_book_url.cache_clear()
    assert live_book_url() is None  # no setting: no address to link to
    monkeypatch.setenv(REPOSITORY_ENV, "https://github.com/a-fork/guide")
    assert live_book_url() == "https://a-fork.github.io/guide/"
    monkeypatch.setenv(BOOK_BUILD_ENV, "1")
    assert live_book_url() is None
