"""Portuguese."""

from newsreader.core.lexicon import Lexicon

LEXICON = Lexicon(
    code="pt",
    name="portuguese",
    stopwords=(
        "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi "
        "ao ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela "
        "até isso ela entre era depois sem mesmo aos ter seus quem nas"
    ),
    months={"fev": 2, "mai": 5, "set": 9, "out": 10, "dez": 12},
    blurb_sections=(
        "leia também", "leia tambem", "veja também", "veja tambem", "notícias relacionadas",
        "mais lidas", "mais lidos", "você pode gostar", "voce pode gostar", "leia mais", "relacionados",
        "saiba mais", "artigos relacionados", "mais notícias", "recomendados para você", "mais sobre o assunto",
        "conteúdo relacionado", "outras notícias", "pode interessar-lhe", "pode te interessar",
        "você também pode gostar", "matérias relacionadas",
    ),
    section_prefixes=("mais sobre ", "mais de ", "mais notícias de "),
    section_shapes=(r"(?:mais|outras|outros)\ (?:\w+\ ){0,3}(?:noticias|artigos|historias|materias)"
                    r"(?:\ (?:de|do|da|dos|das|sobre|em)\ [\w.'-]+(?:\ [\w.'-]+){0,2})?",
                    r"(?:as\ |os\ )?mais\ (?:lid|vist|compartilhad|comentad)[oa]s(?:\ \w+){0,3}",
                    ),
    plug_markers=(r"leia\ também", r"leia\ tambem", r"veja\ também", r"veja\ tambem", r"leia\ mais"),
    chrome_lines=(
        r"tamanho\ (?:d[ao]\ )?(?:letra|texto|fonte)",
        r"comentários(?:\ \(\d+\))?", r"(?:\d+|sem|um)\ (?:comentários?|respostas?)", r"voltar", r"categoria\b:?[^.!?]*", r"imprimir", r"compartilhar",
        r"ver\ (?:este\ e-?mail\ )?no\ (?:seu\ )?navegador\b.*", r"ver\ a\ versão\ (?:web|online)",
        r"cancelar\ (?:a\ )?inscrição", r"descadastrar(?:-se)?\b.*",
        # closing notices
        r"(?:os\ )?comentários(?:\ (?:desta|deste|nesta|neste)\ (?:matéria|notícia|artigo|post))?\ (?:estão|foram)\ "
        r"(?:fechados|encerrados|desativados)\b.*",
        r"comentários\ (?:fechados|encerrados)\b.*",
        r"(?:esta|este)\ (?:matéria|notícia|artigo)\ não\ (?:aceita|permite)\ mais\ comentários\b.*",
        # a linha de metadados de um post de blog (WordPress): publicado, arquivado, link
        r"esta\ entrada\ foi\ publicada\b.*", r"(?:adicione|marque|guarde)\ o\ (?:link\ permanente|permalink)\b.*",
        r"pode\ acompanhar\ as\ respostas\ a\ esta\ entrada\b.*",
        r".{1,150}\ (?:assista\ ao|veja\ o|ver)\ v[ií]deo",
        # a barra de ferramentas de uma notícia, linha a linha
        r"(?:imprimir|enviar|compartilhar|partilhar|salvar|guardar|recomendar)\ (?:esta\ notícia|este\ artigo|a\ notícia|o\ artigo)",
        r"enviar\ (?:por\ e-?mail|a\ um\ amigo)", r"versão\ (?:para\ )?impress(?:ão|ível)", r"(?:comunicar|reportar)\ (?:um\ )?erro",
    ),
    promos=(
        r"\bassine\b.{0,60}\b(?:newsletter|boletim)\b", r"\breceba\b.{0,60}\b(?:newsletter|boletim)\b",
        r"\binscreva-se\b",
    ),
    relative_times=(r"há\ \d+\s*[^\W\d]\w*",),
    byline_prefixes=(r"por", r"autor(?:a)?:"),
    date_labels=(r"publicado",),
    author_bios=(
        r"é\b[^.]{0,80}?\b(?:jornalista|repórter|correspondente|editor|colunista|redator)\w*",
        r"cobre\b[^.]{0,150}?\bpara\ (?:o\ |a\ )?(?-i:[A-ZÁÉÍÓÚ])",
        r"(?:jornalista|repórter|correspondente|colunista|redator\w*)\b[^,.]{0,60},\ (?:cobre|escreve)\b",
    ),
    bio_labels=(r"sobre\ (?:o\ autor|a\ autora)",),
    about_labels=(r"sobre",),
    name_particles=("de", "e", "da", "do"),
    listing_folders=("tema", "temas", "assunto", "assuntos", "autor", "autores", "secao", "editoria"),
)
