"""Dutch."""

from newsreader.core.lexicon import Lexicon

LEXICON = Lexicon(
    code="nl",
    name="dutch",
    stopwords=(
        "de en van het een in is dat op te zijn met voor niet aan er die als ook bij door maar "
        "om hij was tot uit worden nog wordt werd kan naar dan of over zo ze hun wel geen deze "
        "al meer zich heeft hebben na moet jaar veel ik we zijn haar toch"
    ),
    months={"mrt": 3, "mei": 5, "okt": 10},
    blurb_sections=(
        "lees ook", "meer over", "gerelateerde artikelen", "meest gelezen", "bekijk ook",
        "ook interessant", "lees meer", "meer nieuws", "aanbevolen",
    ),
    plug_markers=(r"lees\ ook", r"bekijk\ ook", r"lees\ meer"),
    read_more_tails=(r"lees\ meer",),
    chrome_lines=(
        r"reacties(?:\ \(\d+\))?", r"(?:\d+|geen|één)\ (?:reacties?)", r"terug", r"delen",
        # closing notices
        r"reageren\ is\ (?:gesloten|niet\ (?:meer\ )?mogelijk)\b.*",
        r"(?:de\ )?reacties\ zijn\ (?:gesloten|uitgeschakeld)\b.*",
    ),
    promos=(
        r"\bschrijf\ je\ in\b", r"\bmeld\ je\ aan\b.{0,60}\bnieuwsbrief\b",
        r"\bontvang\b.{0,60}\bnieuwsbrief\b",
    ),
    relative_times=(r"\d+\s*[^\W\d]\w*\ geleden",),
    byline_prefixes=(r"door",),
    author_bios=(
        r"is\b[^.]{0,80}?\b(?:journalist|redacteur|correspondent|verslaggever|columnist)\w*",
        r"schrijft\b[^.]{0,150}?\bvoor\ (?:de\ |het\ )?(?-i:[A-Z])",
    ),
    name_particles=("van", "de", "der"),
    listing_folders=("onderwerp", "onderwerpen", "auteur", "auteurs", "rubriek", "trefwoord"),
)
