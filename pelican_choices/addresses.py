"""Telling what a choice URL is: a site path, an intrasite link or an outside address."""

from __future__ import annotations

import html
import re
from typing import NamedTuple
from urllib.parse import SplitResult, urlsplit

from pelican_choices.metadata import CONTROL_CHARACTERS, invisible_characters
from pelican_choices.problems import Rejection

OUTSIDE_SCHEMES = ("http", "https", "mailto")
USUAL_PORTS = (None, 80, 443)
INTRASITE_KINDS = ("filename", "static", "attach", "index", "category", "tag", "author")
SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]+")
# Characters a URL never holds as they are; browsers percent-encode them the same way.
RAW_IN_URL = str.maketrans({" ": "%20", '"': "%22", "<": "%3C", ">": "%3E", "`": "%60"})


class Address(NamedTuple):
    """A choice URL taken apart.

    ``kind`` is ``"outside"`` (``link`` is the address to print), ``"site"``
    (``path`` is relative to the site root) or ``"intrasite"`` (``what`` is
    ``filename``, ``static``, ``category``...). ``suffix`` keeps the query and
    fragment, to add to the target's URL. ``root`` is how a full URL of the
    site writes the site's own address (``https://example.org/guide``), empty
    for a path.
    """

    kind: str
    link: str = ""
    what: str = ""
    path: str = ""
    suffix: str = ""
    root: str = ""


class SiteURL(NamedTuple):
    """A ``SITEURL`` as addresses are compared with it.

    ``host`` is lower case and without ``www.``, empty unless the SITEURL is
    an absolute http or https address; ``port`` is None for the usual one;
    ``path`` has no slash at its end (``""``, ``/guide``).
    """

    host: str
    port: int | None
    path: str

    def path_to(self, other: SiteURL) -> str | None:
        """The path from this site's root to ``other``'s, when it is below it: ``fr``."""
        if self.host and other.host and (self.host, self.port) != (other.host, other.port):
            return None
        if not other.path.startswith(self.path + "/"):
            return None
        return other.path[len(self.path) :].strip("/") or None


def site_url(siteurl: object) -> SiteURL:
    """``SITEURL`` (or another site's) taken apart."""
    parts = urlsplit(str(siteurl or "").strip())
    host = _host(parts) if parts.scheme.lower() in ("http", "https") else None
    return SiteURL(*(host or ("", None)), parts.path.rstrip("/"))


def parse_address(
    value: str, intrasite_link: re.Pattern[str], site: SiteURL | None = None
) -> Address | Rejection:
    """Classify a stripped, non-empty choice URL.

    With ``site``, an absolute SITEURL, a full URL below it (in either scheme,
    with or without ``www.``) is a path of the site.
    """
    intrasite = intrasite_link.match(value)
    if intrasite or (value.startswith("/") and not value.startswith("//")):
        # A first slash stays first behind any entity or control character:
        # no scheme can follow it. Most choice URLs are of this kind.
        scheme = None
    else:
        scheme = _scheme(value)
    if scheme is not None and scheme not in OUTSIDE_SCHEMES:
        return Rejection(
            "uses the %s: scheme; only http, https, mailto and paths of this site are allowed",
            (scheme,),
        )
    if CONTROL_CHARACTERS.search(value):
        return Rejection("contains control characters")
    invisible = invisible_characters(value)
    if invisible:
        return Rejection("contains invisible or direction-changing characters (%s)", (invisible,))
    if intrasite is not None:
        what = intrasite.group("what")
        if what not in INTRASITE_KINDS:
            return Rejection(
                "uses the unknown link type %s; Pelican knows %s",
                (intrasite.group(0), ", ".join(f"{{{kind}}}" for kind in INTRASITE_KINDS)),
            )
        path, suffix = _split_suffix(value[intrasite.end() :])
        return Address("intrasite", what=what, path=path, suffix=suffix)

    if scheme is None and not value.startswith("//"):
        path, suffix = _split_suffix(value)
        return Address("site", path=path, suffix=suffix)
    address = _outside(value, scheme or "https")
    if isinstance(address, Address) and site is not None and site.host and scheme != "mailto":
        return _below_site(address.link, site) or address
    return address


def _scheme(value: str) -> str | None:
    """The scheme a browser would see, even behind entities, spaces or controls."""
    probe = IGNORED_BY_BROWSERS.sub("", html.unescape(value))
    match = SCHEME.match(probe)
    return match.group(1).lower() if match else None


def _outside(value: str, scheme: str) -> Address | Rejection:
    written = SCHEME.match(value)
    if not value.startswith("//") and (written is None or written.group(1).lower() != scheme):
        return Rejection("hides its scheme behind entities, spaces or control characters")
    link = value.translate(RAW_IN_URL)
    if scheme == "mailto":
        if not link.partition(":")[2]:
            return Rejection("has no address after mailto:")
    elif not urlsplit(link).netloc:
        return Rejection("has no host name")
    return Address("outside", link=link)


def _host(parts: SplitResult) -> tuple[str, int | None] | None:
    """The host (lower case, without ``www.``) and port of an address; None for a bad port."""
    try:
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    return (host, None if port in USUAL_PORTS else port) if host else None


def _below_site(link: str, site: SiteURL) -> Address | None:
    """``link`` as a path of the site, when it is a full URL below the site's address."""
    parts = urlsplit(link)
    if _host(parts) != (site.host, site.port):
        return None
    start = link.index("//") + 2 + len(parts.netloc)
    end = start + len(site.path)
    if link[start:end] != site.path or link[end : end + 1] not in ("", "/", "?", "#"):
        return None
    path, suffix = _split_suffix(link[end:])
    return Address("site", path=path or "/", suffix=suffix, root=link[:end])


def _split_suffix(value: str) -> tuple[str, str]:
    """Split ``path?query#fragment`` into the path and the rest, made safe to print."""
    cut = len(value)
    for mark in "?#":
        found = value.find(mark, 0, cut)
        if found >= 0:
            cut = found
    if cut == len(value):
        return value, ""
    return value[:cut], value[cut:].translate(RAW_IN_URL)
