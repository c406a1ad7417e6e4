"""Bidi controls and characters that draw nothing: removed from texts, refused in URLs, named."""

from __future__ import annotations

import json
import unicodedata

import pytest
from conftest import FLAT, REPORTS, Build, build_in, markdown

# Each character the plugin removes or refuses, and how the message names it.
BIDI_CONTROLS = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
INVISIBLE = [0x200B, 0x2060, 0xFEFF, 0x3164, 0x115F, 0x1160, 0xFFA0, 0x034F, 0x180E, 0x2800]
CHARACTERS = [chr(code) for code in BIDI_CONTROLS + INVISIBLE]
TEXT_REMOVED = "contains invisible or direction-changing characters (%s); they are removed"
URL_REFUSED = "contains invisible or direction-changing characters (%s)"


def named(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char)}"


REPORT = {"pages/report.md": markdown("The report", slug="report")}


def site(**slots: str) -> dict[str, str]:
    return {"pages/guide.md": markdown("Guide", slug="guide", **slots), **REPORT}


def test_a_text_loses_each_character_and_the_message_names_it(build_site):
    texts = [f"Download report{char}fdp.exe" for char in CHARACTERS]
    slots = {}
    for number, text in enumerate(texts, 1):
        slots |= {f"choice{number}url": f"/report.html#{number}", f"choice{number}text": text}
    build = build_site(site(**slots), **FLAT)

    assert [c["data-text"] for c in build.choices("guide.html")] == [
        "Download reportfdp.exe"
    ] * len(CHARACTERS)
    assert sorted(build.messages) == sorted(
        f"content/pages/guide.md:{2 + 2 * number}: choice{number}text {text!r} "
        + TEXT_REMOVED % named(char)
        for number, (char, text) in enumerate(zip(CHARACTERS, texts, strict=True), 1)
    )


URLS = ["https://exa{}mple.org/", "/report.html{}", "/rep{}ort.html"]


@pytest.fixture(scope="module")
def refused_urls(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A page for each of URLS, with one choice for each character in it, and a valid one."""
    files = dict(REPORT)
    for index, url in enumerate(URLS):
        slots = {
            f"choice{number}url": url.format(char) for number, char in enumerate(CHARACTERS, 1)
        }
        files[f"pages/guide{index}.md"] = markdown(
            "Guide", slug=f"guide{index}", **slots, choice99url="/report.html"
        )
    return build_in(tmp_path_factory.mktemp("urls"), files, **FLAT)


@pytest.mark.parametrize(("index", "url"), list(enumerate(URLS)), ids=URLS)
def test_a_url_holding_any_of_them_is_refused(refused_urls, index, url):
    source = f"content/pages/guide{index}.md"
    written = [url.format(char) for char in CHARACTERS]

    assert [c["data-url"] for c in refused_urls.choices(f"guide{index}.html")] == ["/report.html"]
    assert sorted(m for m in refused_urls.messages if m.startswith(f"{source}:")) == sorted(
        f"{source}:{2 + number}: choice{number}url {value!r} " + URL_REFUSED % named(char)
        for number, (char, value) in enumerate(zip(CHARACTERS, written, strict=True), 1)
    )
    assert len(refused_urls.messages) == len(URLS) * len(CHARACTERS)  # none about other pages


def test_a_text_with_nothing_visible_left_falls_back_to_the_title(build_site):
    build = build_site(
        site(choice7url="/report.html", choice7text="\u200b", choice8url="/report.html#end"),
        **FLAT,
    )

    assert [c["data-text"] for c in build.choices("guide.html")] == ["The report"] * 2
    assert build.messages == [
        "content/pages/guide.md:4: choice7text '\\u200b' "
        + TEXT_REMOVED % "U+200B ZERO WIDTH SPACE"
    ]


def test_every_character_is_named_once(build_site):
    text = "a\u202eb\u200bc\u202ed"
    build = build_site(site(choice1url="/report.html", choice1text=text), **FLAT)

    assert build.messages == [
        f"content/pages/guide.md:4: choice1text {text!r} "
        + TEXT_REMOVED % "U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE"
    ]


JOINED = [
    "Family \U0001f468\u200d\U0001f469\u200d\U0001f467",  # joined emoji
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian, with a non-joiner
    "Flag \U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
    "Heart \u2764\ufe0f",
]


@pytest.fixture(scope="module")
def joined_texts(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A page for each text of JOINED, as the text of its one choice."""
    files = dict(REPORT)
    for index, text in enumerate(JOINED):
        files[f"pages/guide{index}.md"] = markdown(
            "Guide", slug=f"guide{index}", choice1url="/report.html", choice1text=text
        )
    return build_in(tmp_path_factory.mktemp("joined"), files, **FLAT)


@pytest.mark.parametrize(("index", "text"), list(enumerate(JOINED)))
def test_joiners_that_words_and_emoji_need_stay(joined_texts, index, text):
    assert [c["data-text"] for c in joined_texts.choices(f"guide{index}.html")] == [text]
    assert joined_texts.messages == []


def test_no_bidi_control_reaches_the_pages_or_the_reports(build_site):
    files = site(
        choice1url="/report.html",
        choice1text="Download report\u202efdp.exe",
        choice2url="https://exa\u202emple.org/",
        choice3url="/tricky.html",
        sort_order="1",
    ) | {
        "pages/tricky.md": markdown("Tri\u202ecky \u2066title\u2069", slug="tricky"),
    }
    build = build_site(files, **REPORTS, **FLAT)

    assert [c["data-text"] for c in build.choices("guide.html")] == [
        "Download reportfdp.exe",
        "Tricky title",
    ]
    page = build.html("choices-map.html")
    printed = {  # what the plugin wrote; the theme prints titles as they are
        "choices": "".join(c["data-text"] + c["data-url"] for c in build.choices("guide.html")),
        "json": build.html("choices.json"),
        "map": page[page.index('<div class="choices-map">') :],
    }
    for part, text in printed.items():
        assert not any(chr(code) in text for code in BIDI_CONTROLS), part
    graph = json.loads(printed["json"])
    assert [edge["text"] for edge in graph["edges"]] == ["Download reportfdp.exe", "Tricky title"]
    assert [(problem["kind"], problem["key"]) for problem in graph["problems"]] == [
        ("hidden-characters", "choice1text"),
        ("broken-choice", "choice2url"),
    ]
