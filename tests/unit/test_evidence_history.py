"""A passage's ``checked`` date moves only with a re-check, named in the commit that moves it."""

from __future__ import annotations

import os
import subprocess

import pytest

from studyguide.knowledge.evidence_history import NoHistory, unexplained_dates
from support import ROOT

PASSAGE = '[[passage]]\nrecord = "strike"\nurl = "https://www.reuters.com/a"\nquote = "{quote}"\nchecked = {checked}\n'


def git(root, *args, date="2026-12-04T12:00:00+00:00"):
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def commit(root, text, message, date="2026-12-04T12:00:00+00:00"):
    (root / "data" / "evidence" / "events.toml").write_text(text)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "data" / "evidence").mkdir(parents=True)
    git(tmp_path, "init", "-q")
    commit(tmp_path, PASSAGE.format(quote="Workers walked out.", checked="2026-12-01"), "Add a passage")
    return tmp_path


def test_a_date_moved_without_a_recheck_is_found(repo):
    commit(repo, PASSAGE.format(quote="Workers walked out.", checked="2026-12-03"), "Tidy the evidence files")
    (found,) = unexplained_dates(repo)
    assert (found.record, found.before.isoformat(), found.after.isoformat()) == ("strike", "2026-12-01", "2026-12-03")
    assert "names no re-check" in str(found)


@pytest.mark.parametrize("message", ["Search again\n\nRe-checked: strike", "Re-checked: events.toml"])
def test_a_recheck_named_in_the_commit_explains_the_new_date(repo, message):
    commit(repo, PASSAGE.format(quote="Workers walked out.", checked="2026-12-03"), message)
    assert unexplained_dates(repo) == []


def test_a_new_quote_is_a_new_find_but_not_one_dated_after_its_commit(repo):
    commit(repo, PASSAGE.format(quote="Some 8,000 workers walked out.", checked="2026-12-03"), "Longer quote")
    assert unexplained_dates(repo) == []
    commit(repo, PASSAGE.format(quote="8,000 walked out.", checked="2026-12-09"), "Shorter", date="2026-12-05T09:00:00+00:00")
    assert [str(f).split(": ", 2)[-1] for f in unexplained_dates(repo)] == [
        "checked 2026-12-09 is later than the commit (2026-12-05)"]


def test_a_shallow_clone_says_its_history_is_missing(repo, tmp_path_factory):
    commit(repo, PASSAGE.format(quote="Again.", checked="2026-12-02"), "Second")
    shallow = tmp_path_factory.mktemp("shallow") / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True, capture_output=True)
    with pytest.raises(NoHistory, match="shallow clone"):
        unexplained_dates(shallow)


def test_every_checked_date_of_the_project_moved_only_with_a_recheck():
    try:
        found = unexplained_dates(ROOT)
    except NoHistory as exc:  # a download or a shallow clone: CI clones with its full history (fetch-depth: 0)
        pytest.skip(f"no git history to read: {exc}")
    assert [str(f) for f in found] == []
