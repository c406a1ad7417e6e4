"""A page with a thousand choices and a text of 100,000 characters builds whole.

How the time grows with the size is measured by benchmarks/large_input.py.
"""

from __future__ import annotations

from conftest import FLAT, markdown

CHOICES = 1_000
# 100,000 characters, with some that templates must escape.
LONG_TEXT = ("Tell me more about <this> & that. " * 3_000)[:99_999] + "."


def test_a_thousand_choices_and_a_long_text_are_all_rendered(build_site):
    slots = {}
    for number in range(1, CHOICES + 1):
        slots[f"choice{number}url"] = f"/target{number % 10}.html#{number}"
        slots[f"choice{number}icon"] = "fa-flask" if number % 2 else "fab fa-github"
        slots[f"choice{number}text"] = LONG_TEXT if number == 500 else f"Choice {number}"
    targets = {f"pages/target{n}.md": markdown(f"Target {n}", slug=f"target{n}") for n in range(10)}

    build = build_site(
        {
            "pages/large.md": markdown("Large", "The page's own text.", slug="large", **slots),
            **targets,
        },
        **FLAT,
    )

    choices = build.choices("large.html")
    assert [int(c["data-number"]) for c in choices] == list(range(1, CHOICES + 1))
    assert [c["data-url"] for c in choices] == [
        f"/target{number % 10}.html#{number}" for number in range(1, CHOICES + 1)
    ]
    assert {c["data-icon"] for c in choices} == {"fa-solid-flask", "fa-brands-github"}
    assert choices[499]["data-text"] == LONG_TEXT
    assert choices[998]["data-text"] == "Choice 999"
    assert "The page's own text." in build.html("large.html")
    assert build.messages == []
