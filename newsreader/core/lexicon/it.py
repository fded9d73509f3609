"""Italian."""

from newsreader.core.lexicon import Lexicon

LEXICON = Lexicon(
    code="it",
    name="italian",
    stopwords=(
        "di e il la che in a per un è non del le si da una con sono i al gli della alla più "
        "anche come ma nel ha lo dei delle se questo essere era nella sul tra suo ci ancora "
        "degli dopo hanno loro molto stato quando sua fra dal perché"
    ),
    months={"gen": 1, "mag": 5, "giu": 6, "lug": 7, "set": 9, "ott": 10},
    blurb_sections=(
        "leggi anche", "potrebbe interessarti", "ti potrebbe interessare", "articoli correlati",
        "i più letti", "i piu letti", "più letti", "vedi anche", "correlati", "altre notizie",
        "notizie correlate", "sullo stesso tema", "sullo stesso argomento", "dello stesso argomento",
        "approfondimenti", "leggi altro", "ti consigliamo", "potrebbe interessarti anche",
        "ti potrebbe interessare anche", "potrebbero interessarti", "articoli consigliati",
    ),
    section_prefixes=("altre notizie da ", "altro da ", "leggi altro su ", "altri articoli "),
    section_shapes=(r"(?:altri|altre)\ (?:\w+\ ){0,3}(?:articoli|notizie|storie)"
                    r"(?:\ (?:di|del|della|dal|su|sul|in)\ [\w.'-]+(?:\ [\w.'-]+){0,2})?",
                    r"(?:i|le)\ piu\ (?:lett|vist|condivis|commentat)[ie](?:\ \w+){0,3}",
                    ),
    plug_markers=(r"leggi\ anche(?:\ su)?", r"vedi\ anche"),
    read_more_tails=(r"leggi\ tutto",),
    chrome_lines=(
        r"dimensione\ (?:del\ )?(?:testo|carattere)",
        r"commenti(?:\ \(\d+\))?", r"(?:\d+|nessun|un)\ (?:commenti|commento|risposte?)", r"pubblicità", r"indietro", r"categoria\b:?[^.!?]*", r"condividi", r"stampa",
        r"visualizza\ (?:questa\ (?:email|newsletter)\ )?nel\ (?:tuo\ )?browser\b.*", r"versione\ web",
        r"annulla\ (?:l['’])?iscrizione", r"disiscriviti\b.*",
        # closing notices
        r"(?:i\ )?commenti(?:\ (?:a|su|per)\ quest[oa]\ (?:articolo|notizia|post))?\ sono\ (?:stati\ )?"
        r"(?:chiusi|disattivati|disabilitati)\b.*",
        r"commenti\ chiusi\b.*",
        r"quest[oa]\ (?:articolo|notizia|post)\ non\ (?:accetta|consente)\ più\ commenti\b.*",
        # la riga di metadati di un post (WordPress): pubblicato, archiviato, permalink
        r"quest[oa]\ (?:voce|post|articolo)\ è\ stat[oa]\ pubblicat[oa]\ (?:il|in|sotto)\b.*",
        r"(?:aggiungi\ ai\ segnalibri|contrassegna)\ il\ permalink\b.*",
        r".{1,150}\ guarda\ il\ video",
        # la barra degli strumenti di un articolo, riga per riga
        r"(?:stampa|invia|condividi|salva|segnala)\ (?:questo\ articolo|l['’]articolo|la\ notizia)",
        r"invia\ (?:a\ un\ amico|per\ e-?mail)", r"versione\ stampabile", r"segnala\ un\ errore",
    ),
    promos=(r"\biscriviti\b", r"\bricevi\b.{0,60}\bnewsletter\b"),
    relative_times=(r"\d+\s*[^\W\d]\w*\ fa",),
    byline_prefixes=(r"di", r"autore:"),
    date_labels=(r"pubblicato",),
    author_bios=(
        r"è\b[^.]{0,80}?\b(?:giornalista|redattor\w*|corrispondente|inviat\w*|editorialista|cronista)",
        r"(?:segue|scrive\ di)\b[^.]{0,150}?\bper\ (?:il\ |la\ |lo\ |l')?(?-i:[A-Z])",
        r"(?:giornalista|redattor\w*|corrispondente|inviat\w*|editorialista|cronista)\b[^,.]{0,60},\ (?:segue|scrive)\b",
    ),
    bio_labels=(r"(?:l['’]autore|l['’]autrice|sull['’]autore|sull['’]autrice)",),
    about_labels=(r"informazioni\ su", r"chi\ è"),
    name_particles=("di", "del", "e"),
    listing_folders=("argomenti", "argomento", "tema", "autore", "autori", "sezione"),
)
