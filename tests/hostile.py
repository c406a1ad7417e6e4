"""A site written by a hostile contributor: metadata that tries to run script in a reader's browser.

Each payload, if it ran, would set ``window.pwned`` or open a dialog.
"""

from __future__ import annotations

from conftest import markdown

SCRIPT_TEXT = "<script>window.pwned = 'text'</script>"
BREAKOUT = '"><img src=x onerror="window.pwned=\'attribute\'">'

HOSTILE_SITE = {
    "pages/start.md": markdown(
        SCRIPT_TEXT,
        slug="start",
        sort_order="1",
        summary="<script>window.pwned = 'summary'</script>Plain summary",
        choice1url="/target.html",
        choice1text=SCRIPT_TEXT,
        choice1icon="fa-flask\" onload=\"window.pwned='icon'",
        choice2url="https://example.org/\" onmouseover=\"window.pwned='href'",
        choice2text=BREAKOUT,
        choice3url="javascript:window.pwned='scheme'",
        choice3text="Click me",
        choice4url="/target.html#\"><script>window.pwned='fragment'</script>",
        choice4text="Fragment & <b>bold</b>",
        choice5url="&#106;avascript:alert(5)",
        choice5text="Entity",
        choice6url="data:text/html,<script>alert(6)</script>",
        choice6text="Data",
    ),
    "pages/target.md": markdown(
        "Target <img src=x onerror=alert(7)>",
        slug="target",
        sort_order="2",
        tags="<script>alert(8)</script>",
        choicetext="<svg onload=alert(9)>",
        choiceicon='fa-book fa-inverse"><script>alert(10)</script>',
        choice1url="/start.html",
    ),
    "posts/news.md": markdown(
        'News " onmouseover="alert(11)',
        slug="news",
        date="2024-01-01",
        category="<b onmouseover=alert(12)>Cat</b>",
        author="<script>alert(13)</script>",
        choice1url="{filename}../pages/target.md",
    ),
}

# The texts a reader must see literally, markup and all.
LITERAL_TEXTS = [SCRIPT_TEXT, BREAKOUT, "Fragment & <b>bold</b>", "<svg onload=alert(9)>"]
