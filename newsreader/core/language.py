"""Offline language detection by stop-word ratios, for the seven languages we split and stem."""

from __future__ import annotations

import re
from functools import cache

# The 60-odd most frequent function words of each language; enough to tell
# them apart on a paragraph.  ISO 639-1 code -> words.
_STOPWORDS: dict[str, str] = {
    "en": "the of and to a in is that for it as was with be by on not he i this are or his from "
          "at which but have an they you were her she there been one all we their has would when "
          "will who more no if out so said what up its about than into them can only other new "
          "some could these two may then do first any my now such like our over also",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch "
          "es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über "
          "einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei ihre "
          "kann schon wenn habe diese seine ich gegen vom",
    "fr": "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce "
          "il sont cette avec ou son mais comme on ses leur aux été elle nous tout sa ont fait "
          "entre deux aussi dont ils peut très même être sans après",
    "es": "de la que el en y a los del se las por un para con no una su al lo como más pero sus "
          "le ya o fue este ha sí porque esta son entre cuando muy sin sobre también me hasta "
          "hay donde quien desde todo nos durante todos uno les ni contra otros ese eso",
    "it": "di e il la che in a per un è non del le si da una con sono i al gli della alla più "
          "anche come ma nel ha lo dei delle se questo essere era nella sul tra suo ci ancora "
          "degli dopo hanno loro molto stato quando sua fra dal perché",
    "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi "
          "ao ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela "
          "até isso ela entre era depois sem mesmo aos ter seus quem nas",
    "nl": "de en van het een in is dat op te zijn met voor niet aan er die als ook bij door maar "
          "om hij was tot uit worden nog wordt werd kan naar dan of over zo ze hun wel geen deze "
          "al meer zich heeft hebben na moet jaar veel ik we zijn haar toch",
}
LANGUAGE_NAMES = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
    "pt": "portuguese", "nl": "dutch",
}
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _sets() -> dict[str, frozenset[str]]:
    return {code: frozenset(words.split()) for code, words in _STOPWORDS.items()}


def detect_language(text: str, default: str = "en") -> str:
    """ISO code of the likeliest supported language, judged on the first 2,000 words."""
    words = [w.lower() for w in _WORD.findall(text[:20000])][:2000]
    if len(words) < 5:
        return default
    scores = {code: sum(1 for w in words if w in stop) for code, stop in _sets().items()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] >= 0.08 * len(words) else default


def normalise_language(code: str | None) -> str | None:
    """'en-GB', 'English', 'de_DE' -> 'en', 'de'; unsupported -> None."""
    if not code:
        return None
    code = code.strip().lower().replace("_", "-").split("-")[0]
    if code in LANGUAGE_NAMES:
        return code
    for iso, name in LANGUAGE_NAMES.items():
        if code == name:
            return iso
    return None


def stopwords(code: str) -> frozenset[str]:
    """Stop words for summarising: sumy's list where it has one, ours otherwise."""
    from sumy.utils import get_stop_words

    try:
        return frozenset(get_stop_words(LANGUAGE_NAMES[code]))
    except LookupError:
        return _sets()[code]
