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
    months={"mrt": 3, "maart": 3, "mei": 5, "okt": 10},
    blurb_sections=(
        "lees ook", "meer over", "gerelateerde artikelen", "meest gelezen", "bekijk ook",
        "ook interessant", "lees meer", "meer nieuws", "aanbevolen", "meer over dit onderwerp",
        "dit vind je misschien ook interessant", "ander nieuws", "gerelateerd nieuws", "meer lezen", "populair",
        "misschien ook interessant", "meer artikelen",
    ),
    section_prefixes=("meer over ", "meer uit ", "meer van ", "meer nieuws over "),
    section_shapes=(r"(?:meer|ander|andere)\ (?:\w+\ ){0,3}(?:nieuws|artikelen|verhalen|berichten)"
                    r"(?:\ (?:uit|van|over|in)\ [\w.'-]+(?:\ [\w.'-]+){0,2})?",
                    r"(?:de\ )?meest\ (?:gelezen|bekeken|gedeelde?|besproken)(?:\ \w+){0,2}",
                    ),
    plug_markers=(r"lees\ ook", r"bekijk\ ook", r"lees\ meer"),
    read_more_tails=(r"lees\ meer",),
    chrome_lines=(
        r"(?:letter|tekst)grootte",
        r"reacties(?:\ \(\d+\))?", r"(?:\d+|geen|één)\ (?:reacties?)", r"terug", r"delen",
        r"bekijk\ (?:deze\ (?:e-?mail|nieuwsbrief)\ )?in\ (?:je|uw|de)\ browser\b.*", r"webversie",
        r"afmelden", r"uitschrijven\b.*",
        # closing notices
        r"reageren(?:\ op\ (?:dit|deze)\ (?:artikel|bericht|stuk))?\ is\ (?:gesloten|niet\ (?:meer\ )?mogelijk|uitgeschakeld)\b.*",
        r"(?:de\ )?reacties(?:\ op\ (?:dit|deze)\ (?:artikel|bericht|stuk))?\ zijn\ (?:gesloten|uitgeschakeld)\b.*",
        r"reacties\ gesloten\b.*",
        # de metaregel onder een blogbericht (WordPress): geplaatst, opgeslagen, permalink
        r"dit\ (?:bericht|artikel)\ (?:werd|is)\ geplaatst\b.*", r"bookmark\ de\ permalink\b.*",
        r".{1,150}\ bekijk\ de\ video",
        # de gereedschapsbalk van een artikel, regel voor regel
        r"(?:artikel|pagina)\ (?:printen|afdrukken|mailen|delen|bewaren)", r"(?:print|mail|deel|bewaar)\ (?:dit|het)\ artikel",
        r"stuur\ door\ naar\ een\ vriend", r"printversie", r"(?:fout|tikfout)\ gezien\??", r"meld\ een\ fout",
    ),
    promos=(
        r"\bschrijf\ je\ in\b", r"\bmeld\ (?:je|u)\ aan\b.{0,60}nieuwsbrief\b",
        r"\bontvang\b.{0,60}\bnieuwsbrief\b",
    ),
    relative_times=(r"\d+\s*[^\W\d]\w*\ geleden",),
    byline_prefixes=(r"door", r"auteur:"),
    author_bios=(
        r"is\b[^.]{0,80}?\b(?:journalist|redacteur|correspondent|verslaggever|columnist)\w*",
        r"schrijft\b[^.]{0,150}?\bvoor\ (?:de\ |het\ )?(?-i:[A-Z])",
        r"(?:journalist|redacteur|correspondent|verslaggever|columnist)\w*\b[^,.]{0,60},\ (?:schrijft|volgt)\b",
    ),
    bio_labels=(r"over\ de\ auteur",),
    about_labels=(r"over",),
    name_particles=("van", "de", "der"),
    listing_folders=("onderwerp", "onderwerpen", "auteur", "auteurs", "rubriek", "trefwoord"),
)
