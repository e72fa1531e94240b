"""The language of copy whose shape does not say it, by py3langid (its model ships inside the
package: nothing is downloaded). Loaded only when such a story is ingested."""
from __future__ import annotations

import functools
from typing import Any

CONFIDENCE = 0.95  # below this the site's language is the honest answer
# Languages a detector may answer on a few paragraphs of news copy; others are likelier errors.
LANGUAGES = ("en", "fr", "es", "de", "it", "pt", "nl")


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)  # numpy arrays, no pickle
    identifier.set_languages(list(LANGUAGES))
    return identifier


def primary(tag: str) -> str:
    """A language tag's language, lowercase: `fr-CA` and `FR` are `fr`."""
    return tag.split("-")[0].lower()


def detect(text: str) -> str | None:
    """`fr`, `en` ... when the detector is sure; None when it is not or has too little to go on."""
    if len(text.split()) < 8:
        return None
    language, probability = _identifier().classify(text)
    return str(language) if probability >= CONFIDENCE else None
