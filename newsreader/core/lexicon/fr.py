"""French."""

from newsreader.core.lexicon import Lexicon

LEXICON = Lexicon(
    code="fr",
    name="french",
    stopwords=(
        "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce "
        "il sont cette avec ou son mais comme on ses leur aux été elle nous tout sa ont fait "
        "entre deux aussi dont ils peut très même être sans après"
    ),
    months={"janv": 1, "févr": 2, "fevr": 2, "mars": 3, "avr": 4, "juin": 6, "juil": 7, "août": 8,
            "aout": 8, "déc": 12},
    blurb_sections=(
        "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "sur le meme sujet",
        "articles similaires", "les plus lus", "voir aussi", "à voir aussi", "nos recommandations",
        "à découvrir", "a decouvrir", "dans la même rubrique", "les plus populaires",
        "vous aimerez aussi", "vous aimerez peut-être aussi", "pour aller plus loin", "à lire également",
        "lire également", "ces articles peuvent vous intéresser", "ces articles pourraient vous intéresser",
        "articles liés", "nos autres articles", "autres articles", "sur le même thème", "dans l'actualité",
    ),
    section_prefixes=("plus de ", "plus d'", "à lire sur ", "les plus lus de ", "d'autres articles "),
    section_shapes=(r"(?:plus|d'autres|autres)\ (?:d'|de\ )?(?:\w+\ ){0,2}(?:articles|actualites|infos|histoires|sujets)(?:\ \w+){0,3}",
                    r"(?:les\ )?(?:articles\ |videos\ )?(?:les\ )?plus\ (?:lus|vus|partages|commentes|populaires)(?:\ \w+){0,3}",
                    ),
    plug_markers=(r"lire\ aussi", r"à\ lire\ aussi", r"a\ lire\ aussi", r"voir\ aussi"),
    read_more_tails=(r"lire\ la\ suite",),
    chrome_lines=(
        r"taille\ d[ue]s?\ (?:texte|caractères?)",
        r"commentaires?(?:\ \(\d+\))?", r"(?:\d+|aucun|un)\ (?:commentaires?|réponses?|réactions?)", r"publicité", r"retour", r"étiquettes\b:?[^.!?]*",
        r"imprimer", r"partager",
        r"(?:voir|consulter|afficher)\ (?:la\ version\ en\ ligne|(?:cet?\ )?(?:e-?mail|newsletter|message)\ dans\ (?:votre|le)\ navigateur)\b.*",
        r"se\ désabonner", r"(?:pour\ )?vous\ désabonner.*", r"désinscription",
        # closing notices
        r"(?:les\ )?commentaires(?:\ (?:de|sur|pour)\ (?:cet\ article|cette\ page|ce\ billet))?\ (?:sont|ont\ été)\ "
        r"(?:fermés|clos|désactivés)\b.*",
        r"commentaires\ (?:fermés|clos|désactivés)\.?",
        r"(?:cet\ article|la\ discussion)\ (?:est\ (?:fermée?|close)\ aux\ commentaires|n['’]accepte\ plus\ (?:de\ )?commentaires?)\b.*",
        # la ligne de méta d'un billet de blog (WordPress) : publié, classé, permalien
        r"(?:cette\ entrée|ce\ (?:contenu|billet))\ a\ été\ publiée?\b.*",
        r"vous\ pouvez\ (?:le\ mettre\ en\ favoris|suivre\ les\ réponses\ à\ (?:cette\ entrée|ce\ billet))\b.*",
        r"mettez\ en\ favori\ (?:ce|le)\ permalien\b.*",
        r".{1,150}\ (?:voir|regarder)\ la\ vidéo",
        # la barre d'outils d'un article, ligne par ligne
        r"(?:imprimer|envoyer|partager|sauvegarder|recommander)\ (?:cet\ article|la\ page|l['’]article)",
        r"envoyer\ à\ un\ ami", r"version\ imprimable", r"signaler\ une\ erreur",
    ),
    promos=(
        r"\binscrivez-vous\b.{0,60}\b(?:newsletter|lettre)\b", r"\brecevez\b.{0,60}\b(?:newsletter|lettre)\b",
        r"\babonnez-vous\b",
    ),
    relative_times=(r"il\ y\ a\ \d+\s*[^\W\d]\w*",),
    byline_prefixes=(r"par", r"auteur(?:e)?\ ?:"),
    date_labels=(r"publié",),
    author_bios=(
        r"est\b[^.]{0,80}?\b(?:journaliste|rédact(?:eur|rice)|correspondant|reporter|"
        r"chroniqueu?r|éditorialiste)\w*",
        r"couvre\b[^.]{0,150}?\bpour\ (?:le\ |la\ |les\ |l')?(?-i:[A-ZÉ])",
        r"(?:journaliste|rédact(?:eur|rice)|correspondant\w*|reporter|chroniqueu?r\w*)\b[^,.]{0,60},\ (?:couvre|écrit|suit)\b",
    ),
    bio_labels=(r"à\ propos\ de\ l['’]auteure?",),
    about_labels=(r"à\ propos\ d(?:e\ |[\'’])",),
    name_particles=("de", "la", "le", "du", "des"),
    listing_folders=("sujet", "sujets", "auteur", "auteurs", "rubrique", "theme", "themes"),
)
