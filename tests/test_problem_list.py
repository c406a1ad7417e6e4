"""One list of problems: each named once, with its file, line and key, in the log,
``choices.json`` and the map, counted by kind; ``"error"`` counts every one."""

from __future__ import annotations

import json
import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FLAT, REPORTS, Build, build_in, markdown, write_files

from pelican_choices import BrokenChoicesError
from pelican_choices.placement import READS_FIELDS
from pelican_choices.problems import KINDS

README = Path(__file__).resolve().parent.parent / "README.md"
# A template that prints the text and reads a choice field itself, as hand-written themes do.
CUSTOM_TEMPLATE = (
    "<!doctype html>\n<title>{{ page.title|e }}</title>\n"
    '<main>{{ page.content }}<a href="{{ page.choice1url }}">next</a></main>\n'
)
# One of each kind of problem.
SITE = {
    "pages/start.md": markdown(
        "Start",
        slug="start",
        sort_order="1",
        choice1url="/nowhere.html",
        choice2url="/next.html",
        choice2icon="fa-shovl",
        choice3url="{filename}next.md",
    ),
    "pages/next.md": markdown(
        "Next",
        slug="next",
        sort_order="appendix",
        choice1url="/start.html",
        choice01url="/start.html",
        choice0url="/start.html",
        choice1text="Back\u202e",
    ),
    "pages/old-a.md": markdown("Old A", slug="old-a", sort_order="0502"),
    "pages/old-b.md": markdown("Old B", slug="old-b", sort_order="052"),
    "pages/typed.md": "---\ntitle: Typed\nslug: typed\nsort-order: 2.10\n---\n\nText.\n",
    "pages/custom.md": markdown(
        "Custom", slug="custom", template="custom", choice1url="/old-a.html"
    ),
}
SETTINGS = dict(PLUGINS=["pelican_choices", "pelican.plugins.yaml_metadata"], **FLAT)
AMBIGUOUS = (
    "comes after '052' (content/pages/old-b.md:3): a part that starts with 0 is read as "
    "digits, as in 0502 < 052 < 0601; read as a plain number it would come before it. "
    "Set CHOICES_SORT_AS = 'codes' to keep this order, or 'numbers'"
)
TEMPLATE_REASON = READS_FIELDS % ("pages/custom.md", "choice1url at custom.html:3")
# Each problem as the reports give it: kind, source, line, key, value, reason.
PROBLEMS = [
    ("template", "custom.html", 3, "", "", TEMPLATE_REASON),
    ("sort-order", "pages/next.md", 3, "sort-order", "appendix", "is not a section number "
     "such as 3, 021 or 2.10; it is placed after the numbered pages"),
    ("repeated-key", "pages/next.md", 5, "choice01url", "/start.html",
     "repeats choice1url and is not read"),
    ("unread-key", "pages/next.md", 6, "choice0url", "/start.html", "is not read: choice "
     "keys are choiceNurl, choiceNicon and choiceNtext, numbered from 1"),
    ("hidden-characters", "pages/next.md", 7, "choice1text", "Back", "contains invisible or "
     "direction-changing characters (U+202E RIGHT-TO-LEFT OVERRIDE); they are removed"),
    ("ambiguous-sort-order", "pages/start.md", 3, "sort-order", "1", AMBIGUOUS),
    ("broken-choice", "pages/start.md", 4, "choice1url", "/nowhere.html",
     "leads to no page of this site"),
    ("icon", "pages/start.md", 6, "choice2icon", "fa-shovl", "is not a Font Awesome Free icon"),
    ("same-place", "pages/start.md", 7, "choice3url", "{filename}next.md",
     "leads where choice2url does (line 5): two buttons to one place"),
    ("typed-value", "pages/typed.md", 4, "sort-order", "2.1", "is read as a number, not as "
     "written (YAML reads 2.10 as 2.1 and 021 as 17): put the value in quotes"),
]  # fmt: skip
# The same problems as the log names them: the file as it resolves from the site's folder.
LOGGED = [
    f"templates/custom.html:3: {TEMPLATE_REASON}",
    *(
        f"content/{source}:{line}: {key} {value!r} {reason}"
        for kind, source, line, key, value, reason in PROBLEMS
        if kind not in ("template", "hidden-characters")
    ),
    "content/pages/next.md:7: choice1text 'Back\\u202e' contains invisible or "
    "direction-changing characters (U+202E RIGHT-TO-LEFT OVERRIDE); they are removed",
]
COUNTED = (
    "10 problems (1 broken choice, 1 choice to the same place, 1 icon problem, 1 unread key, "
    "1 repeated key, 1 typed value, 1 value with hidden characters, 1 sort-order problem, "
    "1 ambiguous sort-order, 1 template problem)"
)


def build_problems(root: Path, files: dict[str, str], **settings: object) -> Build:
    """``files`` built with the hand-written template, in ``root``."""
    write_files(root / "templates", {"custom.html": CUSTOM_TEMPLATE})
    overrides = [str(root / "templates")]
    return build_in(root, files, THEME_TEMPLATES_OVERRIDES=overrides, **SETTINGS | settings)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_problems(tmp_path_factory.mktemp("problems"), SITE, **REPORTS)


class _ProblemItems(HTMLParser):
    """The kind and text of each item of the map's list of problems."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str]] = []
        self.open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "li" and attributes.get("class") == "choices-map-problem":
            self.open = True
            self.items.append((attributes.get("data-kind") or "", ""))

    def handle_endtag(self, tag: str) -> None:
        self.open = self.open and tag != "li"

    def handle_data(self, data: str) -> None:
        if self.open:
            kind, text = self.items[-1]
            self.items[-1] = (kind, text + data)


def test_the_site_holds_one_problem_of_each_kind():
    assert sorted(problem[0] for problem in PROBLEMS) == sorted(kind.name for kind in KINDS)


def test_each_problem_is_logged_once_with_its_file_and_line(site):
    assert sorted(site.messages) == sorted(LOGGED)


def test_choices_json_lists_every_problem_with_its_kind_file_line_and_key(site):
    problems = json.loads(site.html("choices.json"))["problems"]

    assert [
        (p["kind"], p["source"], p["line"], p["key"], p["value"], p["reason"]) for p in problems
    ] == PROBLEMS


def test_the_summary_counts_the_problems_by_kind(site):
    [summary] = [r.getMessage() for r in site.records if r.getMessage().startswith("choices:")]
    assert summary == f"choices: 6 pages, 4 choices, {COUNTED}, 3 orphans, 3 dead ends"
    counts = json.loads(site.html("choices.json"))["summary"]["problems"]
    assert counts == {kind.name: 1 for kind in KINDS}
    assert f"{COUNTED}, 3 orphans" in site.html("choices-map.html")


def test_the_map_lists_every_problem_with_its_file_line_key_and_value(site):
    found = _ProblemItems()
    found.feed(site.html("choices-map.html"))

    by_kind = sorted(PROBLEMS, key=lambda problem: [k.name for k in KINDS].index(problem[0]))
    assert found.items == [
        (kind, f"{source}:{line}: " + (f"{key} \u201c{value}\u201d " if key else "") + reason)
        for kind, source, line, key, value, reason in by_kind
    ]


def test_error_mode_lists_every_problem_once_the_pages_are_written(tmp_path, caplog):
    """The template's problem is found as its page is written: it counts too."""
    caplog.set_level(logging.WARNING, logger="pelican_choices")
    with pytest.raises(BrokenChoicesError) as failure:
        build_problems(tmp_path, SITE, CHOICES_ON_BROKEN="error", **REPORTS)

    assert len(failure.value.problems) == 10
    assert str(failure.value) == f"{COUNTED}; CHOICES_ON_BROKEN = 'error' fails the build"
    [message] = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    heading, *listed = message.split("\n")
    assert heading == f"{COUNTED}; CHOICES_ON_BROKEN = 'error' fails the build:"
    assert sorted(listed) == sorted(f"  {logged}" for logged in LOGGED)
    # Every page and both reports are written before the build fails.
    assert "Text." in (tmp_path / "output/typed.html").read_text(encoding="utf-8")
    graph = json.loads((tmp_path / "output/choices.json").read_text(encoding="utf-8"))
    assert graph["problems"][0]["kind"] == "template"


@pytest.mark.parametrize(
    ("files", "answer"),
    [
        ({name: SITE[name] for name in ("pages/old-a.md", "pages/old-b.md")}, "CHOICES_SORT_AS"),
        (
            {name: SITE[name] for name in ("pages/custom.md", "pages/old-a.md")},
            "CHOICES_PLACE_AFTER_CONTENT",
        ),
    ],
    ids=["sort-order reading", "hand-written template"],
)
def test_a_notice_a_setting_answers_counts_until_it_is_set(tmp_path, files, answer):
    with pytest.raises(BrokenChoicesError) as failure:
        build_problems(tmp_path / "unset", files, CHOICES_ON_BROKEN="error")
    assert len(failure.value.problems) == 1

    value = "codes" if answer == "CHOICES_SORT_AS" else False
    answered = build_problems(tmp_path / "set", files, CHOICES_ON_BROKEN="error", **{answer: value})
    assert answered.messages == []


def test_a_drafts_template_problem_goes_to_the_log_only(tmp_path):
    draft = markdown("Draft", slug="draft", status="draft", template="custom", choice1url="/a.html")
    files = {"pages/a.md": markdown("A", slug="a"), "pages/draft.md": draft}
    build = build_problems(tmp_path, files, **REPORTS)

    reason = READS_FIELDS % ("pages/draft.md", "choice1url at custom.html:3")
    assert build.messages == [f"templates/custom.html:3: {reason}"]
    assert json.loads(build.html("choices.json"))["problems"] == []
    assert "draft" not in build.html("choices-map.html").lower()


def test_the_readme_describes_every_kind_as_the_code_does():
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| kind | what it covers |") :].split("\n\n")[0]
    rows = re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", table, re.MULTILINE)
    assert rows == [(kind.name, kind.what) for kind in KINDS]


def test_a_choice_with_a_broken_url_has_its_icon_named_in_the_same_build(build_site):
    build = build_site(
        {
            "pages/a.md": markdown(
                "A", slug="a", choice1url="/nowhere.html", choice1icon="fa-terminl"
            ),
        }
    )

    assert build.messages == [
        "content/pages/a.md:4: choice1icon 'fa-terminl' is not a Font Awesome Free icon "
        "(did you mean fa-terminal?)",
        "content/pages/a.md:3: choice1url '/nowhere.html' leads to no page of this site",
    ]
