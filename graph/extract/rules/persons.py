"""Persons named without an office: speakers ("kata Agus"), honorifics ("Pak Ali"),
nicknames ("Emil --sapaan Ridwan Kamil--"), and short forms of persons already known."""

from __future__ import annotations

import re

from .doc import Doc
from .lexicon import REPORTING_VERBS, acronyms, regions_by_name, role_forms, seen_in_names
from .names import match_name
from .offices import match_role
from .regions import match_region
from .tokens import Token
from .wordindex import word_index

#: Speech verbs written before the speaker ("ujar Ali Fitri").
_CUE_BEFORE = frozenset(
    """kata ujar ucap ungkap jelas tutur terang tegas tandas imbuh sebut tambah papar pungkas
    lanjut sambung tutup pinta harap katanya ujarnya menurut sapa""".split()
)
#: Verbs written after the speaker ("Agus berharap", "Pantas mengatakan").
_CUE_AFTER = REPORTING_VERBS
_HONORIFICS = frozenset({"Pak", "Bu", "Bapak", "Ibu", "Sdr", "Saudara"})
_NICKNAME = re.compile(r"(\b[A-Z]\w+)\s*(?:[-–—]{1,2}|\()\s*sapaan(?: akrab)?\s+([A-Z][\w.']*(?:\s+[A-Z][\w.']*){0,3})")


def known_non_person(name: str) -> bool:
    """A name that is an acronym, a region or an office, never a person."""
    key = name.casefold()
    if key.endswith("nya") and key[:-3] in role_forms():
        return True  # "kata Bupatinya", "Sekdanya": an office with a possessive, no name
    return key in acronyms() or key in regions_by_name() or key in role_forms()


def _person_at(doc: Doc, tokens: list[Token], i: int) -> None:
    # Skip an office before the name ("kata Menaker Hanif", "ujar Bupati Agus"), and the
    # region it serves ("ujar Sekda Samarinda Ali Fitri": Samarinda is not part of the name).
    office = i
    while i < len(tokens) and tokens[i].text.casefold() in role_forms() and tokens[i].cap:
        i += 1
    if i > office:
        region = match_region(tokens, i)
        if region is not None and region.end < len(tokens) and tokens[region.end].cap:
            i = region.end
    if i < len(tokens) and match_role(tokens, i) is not None:
        return  # an office with its holder: the offices stage reads it
    found = match_name(tokens, i)
    if found is None:
        return
    end, name, written = found
    if known_non_person(name) or doc.find_entity(name, "organization") or doc.find_entity(name, "place"):
        return
    inside_body = any(e.kind != "person" for _m, e in doc.mentions_overlapping(tokens[i].start, tokens[end - 1].end))
    if inside_body and not any(seen_in_names(t.text) for t in tokens[i:end]):
        return  # "Sekretariat Kabinet menanggapi": a body's word no name is written with
    # The mention starts where the name does: the model may read "Jawa Barat" before "Ridwan
    # Kamil" as a place, and the region is not part of the person's written form.
    while i + 1 < end and (tighter := match_name(tokens, i + 1)) is not None and tighter[:2] == (end, name):
        i, written = i + 1, tighter[2]
    add_person(doc, doc.span(tokens[i].start, tokens[end - 1].end), name, written)


def add_person(doc: Doc, span, name: str, written: str) -> None:
    """A mention of ``name``: of the person the article already named that way (in full or
    short), else of a new person whose written form (with titles) becomes an alias."""
    known = doc.find_entity(name, "person")
    if known is not None:
        doc.add_entity("person", known.name, span, aliases=[name])
    else:
        doc.add_entity("person", name, span, aliases=[written])


def find_persons(doc: Doc, tokens: list[Token]) -> None:
    """Stage: persons that speak, are addressed by honorific, or are short forms."""
    for m in _NICKNAME.finditer(doc.text):
        full = doc.find_entity(m.group(2), "person")
        span = doc.span(m.start(2), m.end(2))
        full = doc.add_entity("person", full.name if full else m.group(2), span)
        doc.add_entity("person", full.name, doc.span(m.start(1), m.end(1)), aliases=[m.group(1)])
    cues = _CUE_BEFORE | _CUE_AFTER | {h.casefold() for h in _HONORIFICS}
    for i in [n for n, t in enumerate(tokens) if t.low in cues]:
        tok = tokens[i]
        word = tok.text.casefold()
        if word in _CUE_BEFORE and i + 1 < len(tokens):
            _person_at(doc, tokens, i + 1)
        elif tok.text in _HONORIFICS and i + 1 < len(tokens) and tokens[i + 1].text not in ("Kota",):
            _person_at(doc, tokens, i + 1)
        elif word in _CUE_AFTER and i > 0 and tokens[i - 1].cap:
            start = i - 1
            while start > 0 and tokens[start - 1].cap and i - start < 4:
                start -= 1
            candidates = [(b, name) for b in range(start, i) if (name := match_name(tokens, b)) is not None and name[0] == i]
            # Prefer a person already known, then a name that does not open with a region
            # ("Gubernur DKI Jakarta Anies Baswedan mengatakan").
            known = [b for b, name in candidates if doc.find_entity(name[1], "person")]
            plain = [b for b, _ in candidates if tokens[b].text.casefold() not in regions_by_name()]
            for b in (known or plain)[:1]:
                _person_at(doc, tokens, b)
    _listed_companies(doc, tokens)
    _drop_body_word(doc)
    _short_forms(doc, tokens)


def _drop_body_word(doc: Doc) -> None:
    """``Kepala Humas Unesa Vinda Maya Setianingrum``: the first word belongs to the body when
    the article uses it elsewhere without the rest of the name, and refers back to the person
    by the second word ("kata Vinda")."""
    for entity in doc.entities:
        words = entity.name.split()
        if entity.kind != "person" or len(words) < 3 or not words[0][:1].isupper():
            continue
        index = word_index(doc)
        if index.alone(words[0], words[1]) and index.bare_without_before(words[1], words[0]):
            doc.rename(entity, " ".join(words[1:]))


_COMPANY_CUES = frozenset({"perusahaan", "startup", "rintisan", "e-commerce", "operator", "platform", "aplikasi"})
_LIST_CUES = frozenset({"yaitu", "yakni", "seperti", "antara"})


def _listed_companies(doc: Doc, tokens: list[Token]) -> None:
    """``8 perusahaan rintisan, yaitu Nodeflux, Botika dan Grab``: the listed names are companies."""
    for i in [n for n, t in enumerate(tokens) if t.text in _LIST_CUES]:
        window = {t.text.casefold() for t in tokens[max(0, i - 8) : i]}
        if not window & _COMPANY_CUES:
            continue
        j = i + 1 + (tokens[i].text.casefold() == "antara" and i + 1 < len(tokens) and tokens[i + 1].text == "lain")
        while j < len(tokens):
            if tokens[j].text in (",", "dan", "serta"):
                j += 1
                continue
            if not tokens[j].cap:
                break
            end = j
            while end < len(tokens) and tokens[end].cap and end - j < 3:
                end += 1
            name = " ".join(t.text for t in tokens[j:end])
            doc.add_entity("organization", name, doc.span(tokens[j].start, tokens[end - 1].end), org_type="company")
            j = end


def _short_forms(doc: Doc, tokens: list[Token]) -> None:
    """Record later mentions of known persons, in full or short ("Ali", "Ali Fitri"), as mentions and aliases."""
    persons = [e for e in doc.entities if e.kind == "person" and len(e.name.split()) > 1]
    if not persons:
        return
    words = {w for e in persons for w in e.name.split()}
    i = 0
    while i < len(tokens):
        found = match_name(tokens, i) if tokens[i].text in words else None
        if found is None:
            i += 1
            continue
        end, name, _ = found
        hit = doc.find_entity(name, "person")
        if hit is not None and hit in persons and len(name.split()) <= len(hit.name.split()):
            doc.add_entity("person", hit.name, doc.span(tokens[i].start, tokens[end - 1].end), aliases=[name])
        i = end
