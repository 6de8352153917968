"""The main-text stage: the whole article body of a news page, and nothing else.

Two extractors read the same cleaned page:

* trafilatura, which is good at telling an article from a portal around it;
* the page's own article markup: the ``itemprop="articleBody"`` element, else
  the block holding the most prose (paragraph text outside links).

Before either runs, page furniture is removed *in place* (never by cutting
the rest of the page): related-article boxes (``Baca Juga``), headline lists,
share and comment widgets, embedded tweets, "Load More" buttons, forms,
navigation and footers, chosen by how such blocks are built (class and id
words, link density) rather than by any one site's markup.

trafilatura's text is kept unless it is empty, only a list, or misses prose
that the article markup holds (a first paragraph outside ``<p>``, a body in
plain ``<p>`` tags next to a teaser list it preferred).
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree
from lxml import html as lxml_html

# Class or id words of blocks that are never article text. Matched as whole
# words of the attribute (``baca-juga__list`` -> baca, juga, list).
_CLUTTER_WORDS = frozenset(
    """related terkait terpopuler populer popular trending recommend recommended recommendation
    rekomendasi readalso bacajuga share sharing sosmed social socmed comment comments komentar
    disqus breadcrumb breadcrumbs newsletter subscribe iklan ads advert advertisement banner
    sidebar widget footer nav navbar navigation menu loadmore rating vote tags tag topik
    pagination paging""".split()
)
_CLUTTER_PAIRS = (("baca", "juga"), ("read", "also"), ("load", "more"), ("twitter", "tweet"), ("instagram", "media"))
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select",
              "input", "textarea", "nav", "footer", "aside", "object", "embed", "video", "audio")  # fmt: skip
_BLOCK_TAGS = frozenset(
    "p div section article main header li ul ol dl dt dd table tr td th h1 h2 h3 h4 h5 h6 "
    "blockquote figure figcaption pre address center".split()
)
# A label that introduces a related box ("Baca Juga", "Baca juga:"), on its own.
_LABEL = re.compile(r"^(?:baca|simak|lihat) (?:juga|pula)\s*:?$|^(?:read|see) also\s*:?$", re.IGNORECASE)
# A widget's whole text ("Load More...", "Komentari artikel ini").
_WIDGET = re.compile(r"^(?:load more|lihat lainnya|more stories|komentari artikel ini|tulis komentar)\W*$", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*$")
_WORDS = re.compile(r"[^\W_]+")

# A paragraph shorter than this is a caption, label or teaser, not body text.
MIN_PROSE_CHARS = 40
# trafilatura's text must hold this share of the markup's prose, or the markup wins.
MIN_SHARE_OF_MARKUP = 0.5


def main_text(html: str) -> str:
    """The article body of ``html`` as lines of text (``""`` when there is none)."""
    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop(el)
    for el in list(root.iter(*_DROP_TAGS)):
        if not _holds_body(el):
            _drop(el)
    body = article_markup(root)
    keep = set(body.iterancestors()) | {body} if body is not None else set()
    remove_clutter(root, keep)
    markup = render(body) if body is not None else ""
    extracted = _trafilatura(lxml_html.tostring(root, encoding="unicode"))
    return choose(extracted, markup)


def _holds_body(el: lxml_html.HtmlElement) -> bool:
    # Some CMSs wrap the whole page in a <form> (ASP.NET) or put the body in <header>.
    return el.tag == "form" and len(el.text_content()) > 2000


def remove_clutter(root: lxml_html.HtmlElement, keep: set) -> None:
    """Drop furniture blocks in place; elements in ``keep`` (the body and its ancestors) stay."""
    for el in list(root.iter()):
        if el in keep or not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if _is_clutter(el):
            _drop(el)


def _is_clutter(el: lxml_html.HtmlElement) -> bool:
    words = {w.lower() for w in _WORDS.findall(f"{el.get('class', '')} {el.get('id', '')}")}
    if words & _CLUTTER_WORDS or any(a in words and b in words for a, b in _CLUTTER_PAIRS):
        return True
    text = " ".join(el.text_content().split())
    if _LABEL.match(text) or _WIDGET.match(text):
        return True
    if el.tag in ("ul", "ol", "div", "section", "table", "dl"):
        return _link_list(el, text)
    return False


def _link_list(el: lxml_html.HtmlElement, text: str) -> bool:
    """A block of two or more links that is mostly link text: headlines, an index, a menu."""
    links = el.findall(".//a")
    if len(links) < 2 or not text:
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in links)
    return linked / len(text) > 0.6


def article_markup(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The element holding the article: ``itemprop=articleBody``, else the densest prose block."""
    marked = [el for el in root.iter() if (el.get("itemprop") or "").lower() == "articlebody"]
    marked = [el for el in marked if len(el.text_content().strip()) >= 200]
    if marked:
        return max(marked, key=lambda el: len(el.text_content()))
    scores: dict = defaultdict(float)
    page = root.find("body")
    for el in (page if page is not None else root).iter():
        if not isinstance(el.tag, str) or el.tag in ("a", "body", "html"):
            continue
        own = _own_text(el)
        if len(own) < MIN_PROSE_CHARS or el.tag in ("li", "h1", "h2", "h3", "h4", "figcaption"):
            continue
        # A paragraph counts for the block it sits in (and half for the one around that).
        holder = el if el.tag not in ("p", "span", "strong", "em", "b", "i", "font") else el.getparent()
        if holder is None:
            continue
        if holder.tag in ("body", "html"):
            continue
        scores[holder] += len(own)
        if (outer := holder.getparent()) is not None and outer.tag not in ("body", "html"):
            scores[outer] += len(own) / 2
    if not scores:
        return None
    return max(scores, key=lambda el: scores[el])


def _own_text(el: lxml_html.HtmlElement) -> str:
    """Text in ``el`` itself and its inline children, links excluded."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _BLOCK_TAGS and child.tag != "a" and child.tag != "br":
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def render(el: lxml_html.HtmlElement) -> str:
    """Text of ``el`` with a line break at every block boundary and ``<br>``."""
    out: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str):
            out.append(node.tail or "")
            return
        block = node.tag in _BLOCK_TAGS
        if block or node.tag == "br":
            out.append("\n")
        out.append(node.text or "")
        for child in node:
            walk(child)
        if block:
            out.append("\n")
        out.append(node.tail or "")

    out.append(el.text or "")
    for child in el:
        walk(child)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def _trafilatura(html: str) -> str:
    """trafilatura's main text, or ``""``. Imported late: slow to import, unused for text files."""
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=False, include_comments=False, include_tables=False)
    if result is None:
        return ""
    # A Document by default; a dict when called with as_dict=True (the return type covers both).
    fields = result if isinstance(result, dict) else result.as_dict()
    return fields.get("text") or ""


def choose(extracted: str, markup: str) -> str:
    """trafilatura's text unless the article markup holds clearly more of the article.

    The markup wins when trafilatura found no prose, when trafilatura's prose
    is under half the markup's, when trafilatura read another part of the page
    with less running text (a list of teasers), or when the markup holds all
    of trafilatura's prose (trafilatura dropped a paragraph outside ``<p>``
    and added lines that are not prose).
    """
    ours, theirs = _prose(markup), _prose(extracted)
    if not theirs:
        return markup
    size_ours, size_theirs = sum(map(len, ours)), sum(map(len, theirs))
    if size_theirs < MIN_SHARE_OF_MARKUP * size_ours:
        return markup
    flat = _squash(markup)
    covered = sum(len(line) for line in theirs if _squash(line) in flat)
    if covered >= 0.9 * size_theirs and size_ours >= size_theirs:
        return markup
    if covered < 0.5 * size_theirs and size_ours > size_theirs:
        # Two different parts of the page: the one with more running text is the article.
        return markup
    return extracted


def is_prose(line: str) -> bool:
    """A paragraph of running text: long enough and ending like a sentence (or long)."""
    line = line.strip()
    return len(line) >= MIN_PROSE_CHARS and (bool(_SENTENCE_END.search(line)) or len(line) >= 160)


def _prose(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if is_prose(line)]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _drop(el) -> None:
    """Remove ``el`` but keep its tail text (the words after it belong to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
