"""Arbitrary metadata never stops a build, every problem is named, a valid choice is kept.

The parsers are fuzzed directly; whole pages of arbitrary metadata are built with
Pelican, in Markdown (one line per value, repeated keys for lists) and in
reStructuredText (values over several lines, values starting with a colon).
"""

from __future__ import annotations

import html
import re
import unicodedata

import pytest
from conftest import FLAT, Build, build_in
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pelican.settings import DEFAULT_CONFIG

from pelican_choices.addresses import Address, parse_address
from pelican_choices.icons import IconLibrary
from pelican_choices.metadata import SLOT_KEY, metadata_text, read_slots
from pelican_choices.problems import Rejection, Reporter
from pelican_choices.reading_order import section_code, section_number

INTRASITE_LINK = re.compile(DEFAULT_CONFIG["INTRASITE_LINK_REGEX"])
PURE = settings(max_examples=300, deadline=None)
BUILDS = settings(max_examples=20, deadline=None)
# The link types Pelican knows, and the most digits a part of a sort-order value is read with.
INTRASITE_KINDS = ("filename", "static", "attach", "index", "category", "tag", "author")
MAX_SIGNIFICANT_DIGITS = 100

# -- strategies ---------------------------------------------------------------

GOOD_NUMBER = 77
GOOD_URL = "/target.html#known-good"  # where no other slot leads, so it is never a repeat
# Slot numbers as written: small, large, and too long to read (more than 100 digits).
numbers = st.one_of(
    st.integers(0, 12).map(str),
    st.sampled_from(["999999", "1" + "0" * 99, "1" + "0" * 100, "9" * 5000]),
).filter(lambda number: number != str(GOOD_NUMBER))
slot_keys = st.builds(
    lambda zeros, number, field: f"choice{'0' * zeros}{number}{field}",
    st.integers(0, 2),
    numbers,
    st.sampled_from(["url", "icon", "text"]),
)
odd_keys = st.one_of(
    st.sampled_from(
        [
            *("choice-1text", "choice0url", "choice00icon", "choiceurl", "choice-url"),
            *("choice1-text", "choice1title", "choicetext", "choiceicon", "sort-order"),
        ]
    ),
    st.from_regex(r"choice[a-z0-9_-]{0,6}(url|icon|text)", fullmatch=True),
)
keys = st.one_of(slot_keys, slot_keys, odd_keys)

URLS = [
    "/target.html",
    "target.html",
    "/target.html#part",
    "#top",
    "{filename}target.md",
    "{filename}/pages/target.md",
    "{filename}missing.md",
    "{category}pages",
    "{tag}nothing",
    "https://example.org/a?b=c",
    "//example.org/",
    "mailto:someone@example.org",
    "javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/\\evil.example",
    "https:///nohost",
    "mailto:",
    '/target.html?q="><b>',
]
ICONS = ["fa-flask", "fas fa-tachometer-alt fa-2x", "fa-nope", "fa-lg", "fa-brands fa-github"]
one_line = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\n\r"))
huge = st.builds(
    lambda unit, count: unit * count,
    st.sampled_from(["x", "é ", "<b>&amp;", "/a", "\u202e"]),
    st.integers(2_000, 40_000),
)
blank_looking = st.text(st.sampled_from(" \t\u00a0\u3000\x0b\x0c"), max_size=4)
markdown_values = st.one_of(
    one_line, st.sampled_from(URLS + ICONS), huge, blank_looking, st.sampled_from(["", ":", ": x"])
)
markdown_entries = st.one_of(markdown_values, st.lists(markdown_values, min_size=2, max_size=3))
# Whole slots too, so that odd icons and texts also meet URLs that lead somewhere.
markdown_slots = st.builds(
    lambda number, url, icon, text: {
        f"choice{number}url": url,
        f"choice{number}icon": icon,
        f"choice{number}text": text,
    },
    numbers,
    st.sampled_from(URLS),
    markdown_entries,
    markdown_entries,
)
markdown_metadata = st.builds(
    lambda loose, slots: {key: value for slot in slots for key, value in slot.items()} | loose,
    st.dictionaries(keys, markdown_entries, max_size=6),
    st.lists(markdown_slots, max_size=3),
)

# reStructuredText: plain words, with newlines and leading colons, but no inline markup
# (an undefined substitution or reference makes docutils refuse the whole file).
rst_text = st.text(
    st.one_of(st.characters(categories=("L", "Nd")), st.sampled_from(" :/.?=%\n\u00a0")),
    max_size=40,
)
rst_metadata = st.dictionaries(
    keys.filter(lambda key: "_" not in key),  # choice_x is a reference in reST
    st.one_of(rst_text, st.sampled_from(URLS[:12] + ICONS)),
    max_size=8,
)


def _spellings(letter: str) -> st.SearchStrategy[str]:
    code = ord(letter)
    return st.sampled_from(
        [letter, letter.upper(), f"&#{code};", f"&#{code:07d};", f"&#{code}", f"&#x{code:x};"]
    )


@st.composite
def disguised_schemes(draw: st.DrawFn) -> tuple[str, str]:
    """A dangerous scheme as a browser would still read it, and its name."""
    scheme = draw(st.sampled_from(["javascript", "vbscript", "data", "file"]))
    gaps = st.sampled_from(["", "", "", "\t", "\n", "\r", "&Tab;", "&NewLine;", "&#9;", "&#x0a;"])
    parts = [draw(st.sampled_from(["", " ", "\x01", "\x00 ", "&#32;", "\x1f"]))]
    for letter in scheme:
        parts += [draw(_spellings(letter)), draw(gaps)]
    parts.append(draw(st.sampled_from([":", "&colon;", "&#58;", "&#x3A;"])))
    parts.append(draw(st.sampled_from(["alert(1)", "text/html,<b>", "//evil.example/"])))
    return "".join(parts), scheme


# -- what a browser would do, and what "blank" means --------------------------


C0_AND_SPACE = "".join(chr(code) for code in range(0x21))


def browser_scheme(url: str) -> str:
    """The scheme a browser reads from an href holding ``url`` (entities decoded)."""
    decoded = re.sub(r"[\t\n\r]", "", html.unescape(url).strip(C0_AND_SPACE))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", decoded)
    return match.group(1).lower() if match else ""


def is_blank(value: object) -> bool:
    """Nothing but spaces and control characters, so the reader or the plugin drops it."""
    values = value if isinstance(value, list) else [value]
    return all(
        char.isspace() or unicodedata.category(char) == "Cc"
        for one in values
        if one is not None
        for char in str(one)
    )


def safe_href(url: str, external: str) -> bool:
    if re.search(r'[\x00-\x20\x7f"<>`]', url):
        return False
    if external == "True":
        return browser_scheme(url) in ("http", "https", "mailto") or url.startswith("//")
    return url.startswith("/") and not url.startswith("//") and browser_scheme(url) == ""


# -- the parsers, directly ----------------------------------------------------


@PURE
@given(disguised_schemes())
def test_a_dangerous_scheme_is_refused_however_it_is_disguised(disguised):
    url, scheme = disguised
    assert browser_scheme(url) == scheme

    for written in (url, " ".join(url.split())):
        result = parse_address(written, INTRASITE_LINK)
        assert isinstance(result, Rejection)
        assert result.template % result.args == (
            f"uses the {scheme}: scheme; only http, https, mailto and paths of this site "
            "are allowed"
        )


@PURE
@given(st.text())
def test_any_url_is_classified_and_a_kept_outside_address_is_safe(url):
    result = parse_address(url, INTRASITE_LINK)

    if isinstance(result, Rejection):
        reason = result.template % result.args  # the end of the message the author reads
        assert reason == reason.strip()
        assert reason
        return
    assert result.kind in ("outside", "site", "intrasite")
    assert not re.search(r'[\x00-\x1f"<>`]', result.suffix)
    assert result.suffix == "" or result.suffix[0] in "?#"
    if result.kind == "outside":
        assert safe_href(result.link, "True")
    elif result.kind == "site":
        assert url.startswith(result.path)
    else:
        assert result.what in INTRASITE_KINDS


@PURE
@given(
    st.from_regex(r"https?://[a-z0-9-]{1,12}\.example(/[a-zA-Z0-9._~/-]{0,20})?", fullmatch=True)
)
def test_a_plain_outside_address_is_kept_as_written(url):
    assert parse_address(url, INTRASITE_LINK) == Address(kind="outside", link=url)


@PURE
@given(st.one_of(st.text(), st.from_regex(r"[0-9]{0,3}(\.[0-9]{0,3}){0,3}", fullmatch=True)))
def test_any_sort_order_value_is_read_or_refused(value):
    number = section_number(value)

    parts = value.split(".")
    readable = re.fullmatch(r"[0-9]+(\.[0-9]+)*", value) is not None and all(
        len(part.lstrip("0")) <= MAX_SIGNIFICANT_DIGITS for part in parts
    )
    if readable:
        assert number == tuple(int(part) for part in parts)
        assert section_code(value) is not None
    else:
        assert number is None
        assert section_code(value) is None


@PURE
@given(st.lists(st.integers(0, 10**30), min_size=1, max_size=5), st.integers(0, 3))
def test_section_numbers_read_back_whatever_their_leading_zeros(parts, zeros):
    assert section_number(".".join("0" * zeros + str(part) for part in parts)) == tuple(parts)


values_of_any_type = st.one_of(
    st.none(), st.text(), st.integers(), st.lists(st.one_of(st.text(), st.integers()), max_size=3)
)


@PURE
@given(values_of_any_type, st.sampled_from(["choice1url", "choice1text", "sort-order"]))
def test_any_metadata_value_becomes_one_clean_line(value, key):
    reporter = Reporter("warn")

    text = metadata_text(value, key, "pages/x.md", reporter)

    assert text == text.strip()
    assert "  " not in text
    assert not re.search("[\x00-\x1f\x7f-\x9f]", text)
    assert {(p.source, p.key) for p in reporter.problems} <= {("pages/x.md", key)}


@PURE
@given(st.dictionaries(st.one_of(keys, st.text(max_size=12)), values_of_any_type, max_size=10))
def test_slots_keep_or_report_every_choice_key(metadata):
    reporter = Reporter("warn")

    slots = read_slots(metadata, "pages/x.md", reporter)

    numbers = [slot.number for slot in slots]
    assert numbers == sorted(set(numbers))
    assert all(number >= 1 for number in numbers)
    kept = {slot.key(field) for slot in slots for field in ("url", "icon", "text")}
    reported = {problem.key for problem in reporter.problems}
    assert reported <= set(metadata)
    assert {problem.source for problem in reporter.problems} <= {"pages/x.md"}
    for key, value in metadata.items():
        if SLOT_KEY.fullmatch(key) and not is_blank(value):
            assert key in kept | reported, key


@pytest.fixture(scope="module")
def icons() -> IconLibrary:
    return IconLibrary()


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.from_regex(
            r"(fa[srb] )?(fa-)?[a-z0-9-]{0,300}( fa-[a-z0-9-]{1,8}){0,3}", fullmatch=True
        ),
    )
)
def test_any_icon_string_resolves_or_is_refused(icons, spec):
    result = icons.resolve(spec)

    reason = result.problem.template % result.problem.args if result.problem else ""
    if result.icon is None:
        assert reason.startswith(("names no icon", "is not a Font Awesome Free icon")), reason
        return
    icon, tokens = result.icon, set(spec.lower().split())
    assert re.fullmatch(r"fa-(solid|regular|brands)-[a-z0-9]+(-[a-z0-9]+)*", icon.symbol_id)
    assert icon.paths
    assert all(path.startswith("M") for path in icon.paths)
    assert icon.width > 0
    assert icon.height > 0
    assert all({modifier, f"fa-{modifier}"} & tokens for modifier in icon.modifiers)
    assert reason == "" or reason.startswith("has more than one icon name; "), reason


# -- whole pages, built with Pelican ------------------------------------------

SOURCE = "pages/fuzz.{}"


def markdown_page(metadata: dict[str, str | list[str]]) -> str:
    lines = ["title: Fuzz", "slug: fuzz"]
    for key, value in metadata.items():
        lines += [f"{key}: {one}" for one in (value if isinstance(value, list) else [value])]
    lines += [f"choice{GOOD_NUMBER}url: {GOOD_URL}", f"choice{GOOD_NUMBER}text: Known good"]
    return "\n".join(lines) + "\n\nBody text.\n"


def rst_page(metadata: dict[str, str]) -> str:
    lines = ["Fuzz", "####", "", ":slug: fuzz"]
    for key, value in metadata.items():
        lines.append(f":{key}: " + value.replace("\n", "\n   "))
    lines += [f":choice{GOOD_NUMBER}url: {GOOD_URL}", f":choice{GOOD_NUMBER}text: Known good"]
    return "\n".join(lines) + "\n\nBody text.\n"


def build_fuzz_page(root, name: str, text: str) -> Build:
    return build_in(
        root,
        {name: text, "pages/target.md": "title: Target\nslug: target\n\nTarget text.\n"},
        **FLAT,
    )


def written_on(line: str, key: str) -> bool:
    """Whether ``line`` of a Markdown or reStructuredText file starts with ``key``."""
    return re.match(rf"[ ]{{0,3}}:?{re.escape(key)}:", line, re.IGNORECASE) is not None


def check_fuzz_page(build: Build, source: str, metadata: dict) -> set[str]:
    """What holds whatever the metadata; returns the keys the messages named.

    Every message starts with the file and the line its key is written on.
    """
    assert "Body text." in build.html("fuzz.html")
    choices = build.choices("fuzz.html")
    good = [c for c in choices if c["data-number"] == str(GOOD_NUMBER)]
    assert [(c["data-url"], c["data-text"]) for c in good] == [(GOOD_URL, "Known good")]
    for choice in choices:
        assert safe_href(choice["data-url"], choice["data-external"]), choice
    lines = (build.output.parent / "content" / source).read_text(encoding="utf-8").split("\n")
    where = re.compile(rf"content/{re.escape(source)}:([0-9]+): (\S+) ")
    named = set()
    for message in build.messages:
        found = where.match(message)
        assert found, message
        line, key = int(found.group(1)), found.group(2)
        assert key in metadata, message
        assert written_on(lines[line - 1], key), (message, lines[line - 1])
        named.add(key)
    return named


def check_no_slot_lost_silently(build: Build, metadata: dict, named: set[str]) -> None:
    """Each slot with a value becomes a choice or is named in a message; so does each odd key."""
    rendered = {int(c["data-number"]) for c in build.choices("fuzz.html")}
    slots: dict[int, set[str]] = {}
    for key in metadata:
        match = SLOT_KEY.fullmatch(key)
        significant = match.group(1).lstrip("0") if match else ""
        if not 0 < len(significant) <= MAX_SIGNIFICANT_DIGITS:
            if re.fullmatch(r"choice.*(url|icon|text)", key) and key not in (
                "choicetext",
                "choiceicon",
            ):
                assert key in named, f"{key} is neither read nor reported"
            continue
        slots.setdefault(int(significant), set()).add(key)
    for number, slot_keys in slots.items():
        if not all(is_blank(metadata[key]) for key in slot_keys):
            assert number in rendered or slot_keys & named, f"slot {number} was lost silently"


@BUILDS
@given(markdown_metadata)
@example(
    {
        "choice1url": "/target.html",
        "choice1icon": "x" * 300,
        "choiceicon": "fa-" + "y" * 300,
        f"choice{'9' * 5000}url": "/target.html",
        "sort-order": "1" * 5000,
    }
)
def test_markdown_page_of_arbitrary_metadata(tmp_path_factory, metadata):
    source = SOURCE.format("md")
    build = build_fuzz_page(tmp_path_factory.mktemp("md"), source, markdown_page(metadata))

    named = check_fuzz_page(build, source, metadata)

    check_no_slot_lost_silently(build, metadata, named)


@settings(max_examples=8, deadline=None)
@given(rst_metadata)
def test_restructuredtext_page_of_arbitrary_metadata(tmp_path_factory, metadata):
    source = SOURCE.format("rst")
    build = build_fuzz_page(tmp_path_factory.mktemp("rst"), source, rst_page(metadata))

    named = check_fuzz_page(build, source, metadata)

    check_no_slot_lost_silently(build, metadata, named)
