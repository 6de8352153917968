"""What to do with an article whose language is not the one wanted."""

from __future__ import annotations

from dataclasses import replace

from ..article import Article
from ..errors import Errors, InputError

INDONESIAN = "id"


def apply_language(article: Article, lang: str | None) -> Article | InputError:
    """Skip or flag an article by language.

    Args:
        article: an article whose ``language`` the reader has set.
        lang: the wanted language (``--lang``); None to keep everything.

    Returns:
        The article (with a warning when it is not Indonesian and ``lang`` is
        None), or an InputError saying it was skipped.
    """
    if lang is not None:
        if article.language.lower() != lang.lower():
            source = article.source or article.id
            return InputError(source, Errors.E015.format(lang=article.language, wanted=lang))
        return article
    if article.language != INDONESIAN:
        warning = Errors.E090.format(lang=article.language)
        return replace(article, warnings=(*article.warnings, warning))
    return article
