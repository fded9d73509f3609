"""Spanish."""

from newsreader.core.lexicon import Lexicon

LEXICON = Lexicon(
    code="es",
    name="spanish",
    stopwords=(
        "de la que el en y a los del se las por un para con no una su al lo como más pero sus "
        "le ya o fue este ha sí porque esta son entre cuando muy sin sobre también me hasta "
        "hay donde quien desde todo nos durante todos uno les ni contra otros ese eso"
    ),
    months={"ene": 1, "abr": 4, "ago": 8, "dic": 12, "enero": 1, "febrero": 2, "marzo": 3,
            "mayo": 5},
    blurb_sections=(
        "lea también", "lea tambien", "lee también", "lee tambien", "te puede interesar",
        "también te puede interesar", "noticias relacionadas", "lo más leído", "lo mas leido",
        "más noticias", "mas noticias", "relacionados", "relacionadas", "ver también", "ver tambien",
        "te recomendamos", "más leídas", "lo último", "artículos relacionados", "más sobre este tema",
        "puede interesarte", "te puede interesar también", "otras noticias", "contenido relacionado",
        "más información", "quizás te interese", "quizá te interese", "también te recomendamos",
    ),
    section_prefixes=("más de ", "más sobre ", "más noticias de ", "lo más leído en "),
    section_shapes=(r"(?:mas|otras|otros)\ (?:\w+\ ){0,3}(?:noticias|articulos|historias|temas)"
                    r"(?:\ (?:de|del|sobre|en)\ [\w.'-]+(?:\ [\w.'-]+){0,2})?",
                    r"(?:lo|las|los)\ mas\ (?:leid|vist|compartid|comentad)[oa]s?(?:\ \w+){0,3}",
                    ),
    plug_markers=(r"lea\ también", r"lea\ tambien", r"lee\ también", r"lee\ tambien",
                  r"ver\ también", r"te\ puede\ interesar"),
    read_more_tails=(r"leer\ más",),
    chrome_lines=(
        r"tamaño\ (?:de\ (?:la\ )?)?(?:letra|texto|fuente)",
        r"comentarios?(?:\ \(\d+\))?", r"(?:\d+|sin|un)\ (?:comentarios?|respuestas?)", r"publicidad", r"volver", r"categoria\b:?[^.!?]*",
        r"compartir", r"imprimir",
        r"ver\ (?:este\ (?:correo|email|boletín)\ )?en\ (?:el\ |tu\ |su\ )?navegador\b.*", r"ver\ la\ versión\ web",
        r"darse\ de\ baja", r"cancelar\ (?:la\ )?suscripción", r"date\ de\ baja\b.*",
        # closing notices
        r"(?:los\ )?comentarios(?:\ (?:de|en|para)\ (?:esta|este)\ (?:noticia|artículo|entrada|nota))?\ (?:están|han\ sido|fueron)\ "
        r"(?:cerrados|desactivados|deshabilitados)\b.*",
        r"comentarios\ cerrados\b.*",
        r"(?:esta|este)\ (?:noticia|artículo|entrada|nota)\ (?:ya\ )?no\ (?:admite|acepta)\ (?:más\ )?comentarios\b.*",
        # la línea de metadatos de una entrada de blog (WordPress): publicada, archivada, enlace
        r"esta\ entrada\ (?:fue|ha\ sido)\ publicada\b.*", r"guarda\ el\ enlace\ permanente\b.*",
        r"puedes\ seguir\ las\ respuestas\ a\ esta\ entrada\b.*",
        r".{1,150}\ (?:ver|mira)\ (?:el\ )?v[ií]deo",
        # la barra de herramientas de una noticia, línea a línea
        r"(?:imprimir|enviar|compartir|guardar|recomendar)\ (?:esta\ noticia|este\ artículo|la\ noticia|el\ artículo)",
        r"enviar\ (?:por\ (?:correo|e-?mail)|a\ un\ amigo)", r"versión\ (?:para\ )?imprim(?:ir|ible)", r"(?:notificar|reportar)\ (?:un\ )?error",
    ),
    promos=(
        r"\bsuscr[ií](?:bete|base)\b", r"\brecibe\b.{0,60}\b(?:boletín|newsletter)\b", r"\bap[uú]ntate\b",
    ),
    relative_times=(r"hace\ \d+\s*[^\W\d]\w*",),
    byline_prefixes=(r"por", r"autor(?:a)?:"),
    date_labels=(r"publicado",),
    author_bios=(
        r"es\b[^.]{0,80}?\b(?:periodista|redactor|corresponsal|reporter[oa]?|columnista|editor)\w*",
        r"cubre\b[^.]{0,150}?\bpara\ (?:el\ |la\ )?(?-i:[A-ZÁÉÍÓÚÑ])",
        r"(?:periodista|redactor\w*|corresponsal|reporter[oa]?|columnista)\b[^,.]{0,60},\ (?:cubre|escribe)\b",
    ),
    bio_labels=(r"sobre\ (?:el\ autor|la\ autora)",),
    about_labels=(r"acerca\ de", r"sobre"),
    name_particles=("de", "la", "del", "y"),
    listing_folders=("tema", "temas", "etiqueta", "etiquetas", "autor", "autores", "seccion"),
)
