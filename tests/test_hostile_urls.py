"""Hostile choice URLs: only http, https, mailto and this site's pages reach an href."""

from __future__ import annotations

import pytest
from conftest import FLAT, Build, build_in, markdown

SCHEME = "uses the {}: scheme; only http, https, mailto and paths of this site are allowed"
JAVASCRIPT = SCHEME.format("javascript")
NO_PAGE = "leads to no page of this site"
NO_HOST = "has no host name"
HIDDEN = "hides its scheme behind entities, spaces or control characters"
ALL_ENTITIES = "".join(f"&#x{ord(letter):x};" for letter in "javascript:") + "alert(1)"

# (test id, the URL as written in the Markdown file, the end of its one message)
REFUSED = [
    ("javascript", "javascript:alert(1)", JAVASCRIPT),
    ("mixed-case", "JaVaScRiPt:alert(1)", JAVASCRIPT),
    ("spaces-around", "   javascript:alert(1)   ", JAVASCRIPT),
    ("no-break-space-before", "\u00a0javascript:alert(1)", JAVASCRIPT),
    ("tab-inside", "java\tscript:alert(1)", JAVASCRIPT),
    ("nul-inside", "java\x00script:alert(1)", JAVASCRIPT),
    ("control-before", "\x01javascript:alert(1)", JAVASCRIPT),
    ("delete-before", "\x7fjavascript:alert(1)", JAVASCRIPT),
    ("control-before-colon", "javascript\x1b:alert(1)", JAVASCRIPT),
    ("decimal-entity", "&#106;avascript:alert(1)", JAVASCRIPT),
    ("hex-entity", "&#x6A;avascript:alert(1)", JAVASCRIPT),
    ("zero-padded-entity", "&#0000106;avascript:alert(1)", JAVASCRIPT),
    ("entity-without-semicolon", "&#0000106avascript:alert(1)", JAVASCRIPT),
    ("tab-entity", "java&Tab;script:alert(1)", JAVASCRIPT),
    ("newline-entity", "java&NewLine;script:alert(1)", JAVASCRIPT),
    ("numeric-tab-entity", "jav&#x09;ascript:alert(1)", JAVASCRIPT),
    ("colon-entity", "javascript&colon;alert(1)", JAVASCRIPT),
    ("every-letter-an-entity", ALL_ENTITIES, JAVASCRIPT),
    ("data", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", SCHEME.format("data")),
    ("data-upper-case", "DATA:text/html,<script>alert(1)</script>", SCHEME.format("data")),
    ("vbscript", "vbscript:msgbox(1)", SCHEME.format("vbscript")),
    ("file", "file:///etc/passwd", SCHEME.format("file")),
    ("ftp", "ftp://evil.example/", SCHEME.format("ftp")),
    ("blob", "blob:https://evil.example/1", SCHEME.format("blob")),
    ("slash-backslash", "/\\evil.example", NO_PAGE),
    ("two-backslashes", "\\\\evil.example", NO_PAGE),
    ("backslash-slash", "\\/evil.example", NO_PAGE),
    ("three-slashes", "///evil.example", NO_HOST),
    ("http-backslashes", "http:\\\\evil.example", NO_HOST),
    ("https-slash-backslash", "https:/\\evil.example", NO_HOST),
    ("https-without-slashes", "https:evil.example", NO_HOST),
    ("entity-in-https", "&#104;ttps://evil.example/", HIDDEN),
    ("control-in-site-path", "/target.html\x01", "contains control characters"),
    ("control-in-https", "https://evil.example/\x07", "contains control characters"),
    ("filename-link", "{filename}javascript:alert(1)", "names no source file of this site"),
    (
        "unknown-link-type",
        "{javascript}alert(1)",
        "uses the unknown link type {javascript}; Pelican knows {filename}, {static}, "
        "{attach}, {index}, {category}, {tag}, {author}",
    ),
]  # fmt: skip

# Words of the payloads that must not reach the page in any form.
TRACES = ("javascript", "vbscript", "data:", "file:", "ftp:", "blob:", "evil.example", "alert")


def hostile_page(slug: str, url: str) -> str:
    return markdown(
        "Hostile", slug=slug, choice1url=url, choice1text="Click me", choice2url="/target.html"
    )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    files = {
        f"pages/case{index}.md": hostile_page(f"case{index}", url)
        for index, (_, url, _) in enumerate(REFUSED)
    }
    files["pages/target.md"] = markdown("Target", slug="target")
    files["pages/kept.md"] = markdown(
        "Kept",
        slug="kept",
        choice1url="//example.org/guide",
        choice1text="Same scheme as the page",
        choice2url='https://example.org/?q="><script>alert(1)</script>',
        choice2text="Search",
        choice3url="/target.html#\"><img src=x onerror='x'>",
        choice4url="mailto:help@example.org?subject=Hello there",
        choice4text="Write to us",
        choice5url="#top",
    )
    return build_in(tmp_path_factory.mktemp("hostile"), files, **FLAT)


@pytest.mark.parametrize(
    ("index", "reason"),
    [(index, reason) for index, (_, _, reason) in enumerate(REFUSED)],
    ids=[name for name, _, _ in REFUSED],
)
def test_a_refused_url_is_dropped_with_one_message_and_leaves_no_trace(hostile_site, index, reason):
    source = f"content/pages/case{index}.md"
    messages = [m for m in hostile_site.messages if m.startswith(f"{source}:")]

    assert len(messages) == 1, messages
    assert messages[0].startswith(f"{source}:3: choice1url '")
    assert messages[0].endswith(reason)
    assert [c["data-url"] for c in hostile_site.choices(f"case{index}.html")] == ["/target.html"]
    page = hostile_site.html(f"case{index}.html").lower()
    assert [trace for trace in TRACES if trace in page] == []
    assert "Some text." in hostile_site.html(f"case{index}.html")


def test_messages_quote_control_characters_as_written(hostile_site):
    index = [name for name, _, _ in REFUSED].index("nul-inside")

    message = f"content/pages/case{index}.md:3: choice1url 'java\\x00script:alert(1)' {JAVASCRIPT}"
    assert message in hostile_site.messages


def test_outside_addresses_and_suffixes_are_printed_percent_encoded(hostile_site):
    choices = hostile_site.choices("kept.html")

    assert [(c["data-url"], c["data-external"]) for c in choices] == [
        # No scheme: an outside address in the scheme of the page, http or https.
        ("//example.org/guide", "True"),
        ("https://example.org/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", "True"),
        ("/target.html#%22%3E%3Cimg%20src=x%20onerror='x'%3E", "False"),
        ("mailto:help@example.org?subject=Hello%20there", "True"),
        ("/kept.html#top", "False"),
    ]
    assert not [m for m in hostile_site.messages if m.startswith("content/pages/kept.md")]
