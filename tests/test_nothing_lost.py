"""Nothing lost: a broken choice costs only itself, never its page or another page."""

from __future__ import annotations

import re

import pytest
from conftest import FLAT, markdown

from pelican_choices import BrokenChoicesError

BODY = """\
## What you need

A pot with *drainage*, fresh soil and a **watering can**.

1. Water the plant the day before.
2. Ease it out of the old pot.

```
soil = compost + bark + perlite
```

| pot | soil |
|---|---|
| 12 cm | 1 l |

The end of the page."""

ALL_BAD = {
    "choice1url": "javascript:alert(1)",
    "choice1text": "<script>alert(1)</script>",
    "choice2url": "/nowhere.html",
    "choice3text": "A text without a URL",
    "choice4url": "{filename}gone.md",
    "choice5url": "data:text/html,hi",
    "choice5icon": "fa-nope",
    "choice0url": "/plain.html",
    "choice-1text": "Minus one",
}


def main_of(html: str) -> str:
    return re.search(r"<main>(.*)</main>", html, re.DOTALL).group(1)


def test_a_page_whose_choices_are_all_broken_keeps_its_whole_content(build_site):
    build = build_site(
        {
            "pages/all-bad.md": markdown("Repotting", BODY, slug="all-bad", **ALL_BAD),
            "pages/plain.md": markdown("Repotting", BODY, slug="plain"),
        },
        **FLAT,
    )

    assert build.choices("all-bad.html") == []
    assert main_of(build.html("all-bad.html")) == main_of(build.html("plain.html"))
    assert "<h2" in main_of(build.html("all-bad.html"))
    assert "The end of the page." in main_of(build.html("all-bad.html"))
    assert sorted(message.split(" ")[1] for message in build.messages) == [
        "choice-1text",
        "choice0url",
        "choice1url",
        "choice2url",
        "choice3text",
        "choice4url",
        "choice5icon",
        "choice5url",
    ]
    assert all(message.startswith("content/pages/all-bad.md:") for message in build.messages)


def test_error_mode_fails_only_once_every_page_is_written_whole(tmp_path, build_site):
    files = {
        "pages/all-bad.md": markdown("Repotting", BODY, slug="all-bad", **ALL_BAD),
        "pages/plain.md": markdown("Repotting", BODY, slug="plain"),
    }

    with pytest.raises(BrokenChoicesError) as failure:
        build_site(files, CHOICES_ON_BROKEN="error", **FLAT)

    assert len(failure.value.problems) == 8
    [site] = tmp_path.glob("site*")
    written = (site / "output/all-bad.html").read_text(encoding="utf-8")
    assert main_of(written) == main_of((site / "output/plain.html").read_text(encoding="utf-8"))
    assert "The end of the page." in main_of(written)


def test_restructuredtext_page_with_only_broken_choices_is_built_whole(build_site):
    source = """\
        Repotting
        #########

        :slug: all-bad
        :choice1url: vbscript:msgbox(1)
        :choice2url: {filename}gone.rst
        :choice3icon: fa-flask

        First paragraph.

        Second paragraph, the last one.
        """
    build = build_site({"pages/all-bad.rst": source}, **FLAT)

    assert build.choices("all-bad.html") == []
    assert "First paragraph." in build.html("all-bad.html")
    assert "Second paragraph, the last one." in build.html("all-bad.html")
    assert sorted(message.split(" ")[:2] for message in build.messages) == [
        ["content/pages/all-bad.rst:5:", "choice1url"],
        ["content/pages/all-bad.rst:6:", "choice2url"],
        ["content/pages/all-bad.rst:7:", "choice3icon"],
    ]


# Metadata that once stopped the whole build, or is odd enough that it could: each
# must cost no more than a message about its own page (the huge text, not even that).
HOSTILE_PAGES = {
    "long-icon": {"choice1url": "/good.html", "choice1icon": "x" * 300},
    "long-slot-number": {f"choice{'9' * 5000}url": "/good.html", "choice1url": "/good.html"},
    "long-sort-order": {"sort-order": "1" * 5000, "choice1url": "/good.html"},
    "control-characters": {"choice1url": "/good.html\x00", "choice2text": "\x1b[31m"},
    "repeated-keys": {"choice1url": ["/good.html", "/other.html"]},
    "huge-text": {"choice1url": "/good.html", "choice1text": "word " * 40_000},
    "no-text": {"choice1url": "https://example.org/"},
}


def hostile_source(title: str, metadata: dict[str, str | list[str]]) -> str:
    lines = [f"title: {title}", f"slug: {title}"]
    for key, value in metadata.items():
        values = value if isinstance(value, list) else [value]
        lines += [f"{key}: {one}" for one in values]
    return "\n".join(lines) + f"\n\nThe body of {title}.\n"


def test_one_hostile_page_never_stops_the_others(build_site):
    files = {f"pages/{name}.md": hostile_source(name, meta) for name, meta in HOSTILE_PAGES.items()}
    files["pages/good.md"] = markdown(
        "Good", slug="good", choice1url="/long-icon.html", choice2url="{filename}huge-text.md"
    )
    files["posts/news.md"] = markdown(
        "News", date="2024-05-01", slug="news", choice1url="ftp://x", choice2url="/good.html"
    )

    build = build_site(files, **FLAT)

    for name in HOSTILE_PAGES:
        assert f"The body of {name}." in build.html(f"{name}.html")
    assert [c["data-url"] for c in build.choices("good.html")] == [
        "/long-icon.html",
        "/huge-text.html",
    ]
    assert [c["data-url"] for c in build.choices("news.html")] == ["/good.html"]
    assert [c["data-icon"] for c in build.choices("long-icon.html")] == ["fa-solid-arrow-right"]
    assert [c["data-number"] for c in build.choices("long-slot-number.html")] == ["1"]
    assert [c["data-text"] for c in build.choices("huge-text.html")] == [("word " * 40_000).strip()]
    named = {message.split(":")[0] for message in build.messages}
    hostile = {f"content/pages/{name}.md" for name in HOSTILE_PAGES if name != "huge-text"}
    assert named == hostile | {"content/posts/news.md"}
