"""German."""

from newsreader.core.lexicon import Lexicon

LEXICON = Lexicon(
    code="de",
    name="german",
    stopwords=(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch "
        "es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über "
        "einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei ihre "
        "kann schon wenn habe diese seine ich gegen vom"
    ),
    months={"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6, "juli": 7,
            "okt": 10, "dez": 12},
    blurb_sections=(
        "mehr zum thema", "das könnte sie auch interessieren", "das koennte sie auch interessieren",
        "weitere artikel", "meistgelesen", "meistgelesene artikel", "auch interessant",
        "lesen sie auch", "empfohlen", "verwandte artikel", "mehr aus", "mehr zu", "weitere themen",
        "ebenfalls interessant", "top-artikel", "beliebt", "ähnliche artikel", "ähnliche themen",
        "empfehlungen der redaktion", "unsere empfehlungen", "mehr nachrichten", "weitere nachrichten",
        "weitere meldungen", "das könnte dich auch interessieren", "passend zum thema", "zum thema",
        "lies auch", "auch lesenswert", "lesenswert", "mehr lesen",
    ),
    section_prefixes=("mehr aus ", "mehr zu ", "mehr von ", "weitere artikel zu ", "mehr nachrichten aus "),
    section_shapes=(r"(?:mehr|weitere|andere)\ (?:\w+\ ){0,3}(?:artikel|nachrichten|meldungen|beitrage|geschichten|themen)"
                    r"(?:\ (?:aus|zum|zur|von|uber|in)\ [\w.'-]+(?:\ [\w.'-]+){0,2})?",
                    r"meist(?:gelesen|gesehen|geklickt|kommentiert|geteilt)e?(?:\ (?:artikel|nachrichten|beitrage|videos))?",
                    ),
    plug_markers=(r"mehr\ zum\ thema", r"lesen\ sie\ auch", r"auch\ interessant", r"mehr\ dazu"),
    read_more_tails=(r"weiterlesen",),
    chrome_lines=(
        r"schriftgr(?:ö|oe)(?:ß|ss)e(?:\ (?:ändern|anpassen))?",
        r"kommentare(?:\ \(\d+\))?", r"(?:\d+|keine|ein)\ (?:kommentare?|antworten|reaktionen)", r"anzeige", r"zurück", r"schlagworte\b:?[^.!?]*",
        r"artikel\ teilen", r"teilen", r"drucken", r"lesezeit\s*:?\s*(?:\d|ca\.?\ \d|etwa\ \d).*", r"impressum(?:\s*[|:].*)?",
        r"datenschutz(?:erklärung|hinweise?|einstellungen|richtlinien?|bestimmungen)?(?:\s*[|:&].*)?",
        r"(?:(?:diesen\ )?newsletter\ |diese\ e-mail\ )?(?:im|in\ ihrem)\ browser\ (?:ansehen|anzeigen|öffnen|lesen)",
        r"(?:vom\ newsletter\ )?abmelden", r"newsletter\ abbestellen",
        # closing notices
        r"(?:die\ )?(?:kommentarfunktion|kommentare|kommentarspalte)(?:\ (?:zu|für|unter)\ diesem\ (?:artikel|beitrag))?"
        r"\ (?:ist|sind|wurde|wurden)\ (?:für\ diesen\ (?:artikel|beitrag)\ )?(?:geschlossen|deaktiviert|beendet|abgeschaltet)\b.*",
        r"kommentare\ (?:geschlossen|deaktiviert)\.?",
        r"(?:dieser|der)\ (?:artikel|beitrag)\ kann\ nicht\ (?:mehr\ )?kommentiert\ werden\b.*",
        # die Metazeile eines Blogbeitrags (WordPress): veröffentlicht, abgelegt, Permalink
        r"(?:dieser|der)\ (?:eintrag|beitrag)\ wurde\ .{0,80}?(?:veröffentlicht|abgelegt)\b.*",
        r"(?:setze\ ein\ )?lesezeichen\ (?:auf|für)\ den\ permalink\b.*",
        r"(?:du\ kannst|sie\ können)\ (?:antworten\ auf\ diesen\ (?:eintrag|beitrag)|einen\ kommentar\ schreiben)\b.*",
        r".{1,150}\ video\ (?:ansehen|abspielen)",
        # die Werkzeugleiste eines Artikels, Zeile für Zeile
        r"(?:artikel|seite|beitrag)\ (?:drucken|versenden|empfehlen|merken|per\ e-?mail\ (?:versenden|senden))",
        r"druckversion", r"(?:artikel\ )?(?:an\ einen\ freund|weiter)empfehlen", r"fehler\ melden",
    ),
    promos=(
        r"\bnewsletter\ abonnieren\b", r"\bjetzt\ (?:kostenlos\ )?(?:anmelden|abonnieren)\b",
        r"\bmelden\ sie\ sich\b.{0,60}\bnewsletter\b", r"\bholen\ sie\ sich\b.{0,40}\bnewsletter\b",
        r"\babonnieren\ sie\b.{0,60}newsletter\b", r"\bnewsletter\b.{0,80}\bin\ ihr(?:em|en)?\ (?:e-mail-)?(?:postfach|posteingang)\b",
    ),
    relative_times=(r"vor\ \d+\s*(?:sek\w*|min\w*|std\w*|stunden?|tag\w*|woche\w*)",),
    byline_prefixes=(r"von", r"autor(?:in)?:"),
    date_labels=(r"veröffentlicht",),
    author_bios=(
        r"ist\b[^.]{0,80}?\b(?:redakteur|korrespondent|reporter|journalist|autor|kolumnist|"
        r"ressortleiter|chefredakteur)\w*",
        r"(?:berichtet|schreibt)\b[^.]{0,150}?\bfür\ (?:die\ |den\ |das\ )?(?-i:[A-ZÄÖÜ])",
        r"(?:redakteur|korrespondent|reporter|journalist|autor|kolumnist)\w*\b[^,.]{0,60},\ (?:berichtet|schreibt)\b",
    ),
    bio_labels=(r"über\ (?:den\ autor|die\ autorin)",),
    about_labels=(r"über",),
    name_particles=("der", "die", "das", "und", "von"),
    listing_folders=("thema", "themen", "schlagwort", "schlagworte", "autor", "autoren", "rubrik"),
)
