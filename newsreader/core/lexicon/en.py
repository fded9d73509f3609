"""English."""

from newsreader.core.lexicon import Lexicon

LEXICON = Lexicon(
    code="en",
    name="english",
    stopwords=(
        "the of and to a in is that for it as was with be by on not he i this are or his from "
        "at which but have an they you were her she there been one all we their has would when "
        "will who more no if out so said what up its about than into them can only other new "
        "some could these two may then do first any my now such like our over also"
    ),
    months={"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
            "sep": 9, "oct": 10, "nov": 11, "dec": 12},
    blurb_sections=(
        "related", "related articles", "related stories", "related coverage", "related content",
        "related news", "related posts", "related links", "related reading", "related topics",
        "more on this story", "more on this topic", "more on this", "more stories", "more news",
        "more from", "more in", "more like this", "you may also like", "you might also like",
        "you may be interested in", "you might be interested in", "recommended", "recommended for you",
        "recommended stories", "recommended reading", "most read", "most popular", "most viewed",
        "most discussed", "most commented", "most shared", "most emailed",
        "popular now", "popular", "trending", "trending now", "top stories", "latest", "latest news",
        "latest stories", "see also", "further reading", "read next", "read more", "what to read next",
        "don't miss", "dont miss", "editor's picks", "editors picks", "also read", "keep reading",
        "in other news", "elsewhere", "around the web", "from around the web", "also on",
        "more to explore", "explore more", "up next", "next up", "watch next", "more coverage",
        "read more about this", "read more stories",
        "more stories like this", "stories like this", "similar stories", "similar articles", "similar posts",
        "read also", "read this next", "also in the news",
        "you may also be interested in", "you might also be interested in", "in case you missed it",
        "in case you missed", "stories you may have missed", "you may have missed", "more for you",
        "more headlines", "other stories", "see more stories", "more articles",
        "read more on this story", "read more about this story", "more about this story",
    ),
    section_prefixes=("more from ", "more in ", "more on ", "also on ", "more stories from ", "read more from ",
                      "popular on ", "also in ", "trending on ", "most read on ", "more news from ",
                      "the latest from ", "latest from "),
    section_shapes=(r"(?:more|other|top)\ (?:\w+\ ){0,3}(?:stories|articles|news|posts|reads|headlines|coverage)"
                    r"(?:\ (?:from|on|in)\ [\w.'-]+(?:\ [\w.'-]+){0,2})?",
                    # "Most watched/listened", "Most Popular Posts", "Most shared this week"
                    r"most\ (?:read|popular|viewed|watched|listened|shared|e-?mailed|commented|discussed)"
                    r"(?:(?:\ and\ |\ or\ |\ ?/\ ?|,\ )(?:read|viewed|watched|listened|shared|e-?mailed|commented))*"
                    r"(?:\ (?:posts|stories|articles|videos|news|items|content|pages))?(?:\ (?:today|this\ week|now))?",
                    ),
    plug_markers=(
        r"read\ more", r"read\ next", r"read", r"related", r"related\ article", r"related\ story",
        r"related\ coverage", r"see\ also", r"also\ read", r"also\ on\ [^:]{1,60}",
        r"more\ from\ [^:]{1,60}", r"more\ on\ [^:]{1,60}", r"more", r"recommended", r"watch",
        r"listen", r"don'?t\ miss", r"opinion\ on\ [^:]{1,60}",
    ),
    read_more_tails=(r"read\ more", r"continue\ reading", r"more"),
    chrome_lines=(
        r"share", r"share\ this", r"share\ this\ (?:article|story)", r"share\ on\ \w+", r"share:.*",
        r"tweet", r"email", r"print", r"copy\ link", r"save", r"listen", r"listen\ to\ this\ article.*",
        r"(?:text|font)\ size", r"[\"“]?\s*start\ quote", r"end\ quote\s*[\"”]?", r"trackbacks?(?:\ url)?", r"(?:increase|decrease|reset)\ (?:text|font)(?:\ size)?", r"a\+\ ?a-",
        r"comments?(?:\ \(\d+\))?", r"\d+\ comments?", r"(?:\d+|no|one)\ (?:responses?|replies|reactions?)", r"no\ comments\ yet.*",
        r"be\ the\ first\ to\ comment.*", r"leave\ a\ (?:comment|reply)(?:\W.{0,40})?",
        r"advertisement", r"advertising", r"advert", r"sponsored(?:\ content)?",
        r"story\ continues\ below(?:\ advertisement)?", r"back",
        r"(?:last\ )?(?:updated|published|posted|modified)(?:\ (?:at|on))?:?\ (?=[^!?]{0,40}$)(?=.*\d)"
        r"(?=\d|by\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b).*",
        r".{0,80}\brequires\ javascript.*", r".{0,80}\benable\ javascript.*",
        r"ad", r"skip\ (?:to\ )?(?:main\ )?content", r"skip\ link", r"menu", r"search", r"log\ ?in",
        r"sign\ ?in", r"subscribe\b.*", r"sign\ up\b.*",
        r"newsletters?(?:\s*[:|].*|\ (?:sign[\ -]?up|signup|subscription)\b.*)?", r"get\ the\ app.*",
        r"download\ the\ app.*", r"get\ started\b.*", r"follow\ us\b.*",
        r"(?:tags?|topics?|filed\ under|categories|related\ topics|tagged\ (?:as|with)|full\ list\ of\ categories)\b:?[^.!?]*",
        r"(?:photo|photograph|image|picture|credit|source|illustration|video)\s*(?:credit)?\s*:.*",
        # (a copyright line has a year, a sign or the reservation, or is short: "Copyright
        # lawyers say …" is a sentence; so are "Terms of the deal …" and "Cookies, …")
        r"copyright\b(?=.*(?:\d{4}|©|\(c\)|rights\ reserved)|[^.!?]{0,40}$).*", r"all\ rights\ reserved.*",
        r"privacy(?:\ policy)?", r"terms(?:\ (?:of\ (?:use|service|sale)|(?:and|&)\ conditions)\b.*)?",
        r"cookies?(?:\ (?:policy|settings|preferences|notice|consent|statement)\b.*)?",
        r".*\buses\ cookies\b.*", r"we\ value\ your\ privacy.*", r"accept(?:\ all)?",
        r"manage\ (?:preferences|choices).*", r"read\ full\ article.*", r"continue\ reading.*",
        r"see\ more\ stories", r"load\ more", r"show\ more", r"view\ more", r"view\ comments",
        r"show\ comments", r"reading\ time\s*:?\s*(?:\d|about\ \d|less\ than|under\ \d).*", r"\d+\s*min(?:ute)?s?\ read", r"back\ to\ top",
        r"scroll\ to\ top", r"related\ articles", r"related\ coverage", r"more\ on\ this\ story",
        # a newsletter's own chrome, read from a saved e-mail
        r"view\ (?:this\ |it\ )?(?:e-?mail\ |newsletter\ |message\ |issue\ )?(?:in|on)\ (?:your\ |a\ |the\ )?(?:web\ )?browser.*",
        r"(?:having\ trouble\ viewing|can['’]?t\ see|problems?\ viewing)\ (?:this|the)\ (?:e-?mail|message|newsletter)\b.*",
        r"unsubscribe(?:\ here|\ from\ (?:this|these|our)\ .{0,40})?", r"(?:update|manage)\ (?:your\ )?(?:e-?mail\ )?(?:preferences|subscriptions?)\b.*",
        # closing notices under a story
        r"(?:the\ )?(?:comments?|commenting|comments?\ section)(?:\ (?:on|for|to|under)\ this\ (?:article|story|post|page|piece))?"
        r"\ (?:are|is|have\ been|has\ been)\ (?:now\ |currently\ |temporarily\ )?(?:closed|disabled|turned\ off|switched\ off|"
        r"unavailable|moderated)\b.*",
        r"comments?\ (?:closed|disabled|off)\.?",
        r"(?:this|the)\ (?:article|story|post|page|piece|discussion|thread)\ (?:is|has\ been)\ (?:now\ )?(?:closed\ (?:for|to)\ "
        r"(?:comments|commenting|new\ comments)|no\ longer\ (?:accepting|open\ (?:for|to))\ comments)\b.*",
        r"we\ (?:have|'ve|’ve)\ (?:closed|disabled|turned\ off|switched\ off)\ (?:the\ )?comments\b.*",
        # a blog's post-meta under the story (WordPress's themes): posted, filed, how to follow
        r"this\ (?:entry|post)\ was\ (?:posted|filed)\ (?:on|in|under)\b.*", r"bookmark\ the\ permalink\b.*",
        r"(?:you\ can\ )?follow\ any\ responses\ to\ this\ (?:entry|post)\b.*",
        r"(?:both\ )?comments\ and\ (?:pings|trackbacks)\ are\ (?:currently\ )?closed\b.*",
        r"(?:trackbacks|pings|pinging)\ (?:are|is)\ (?:currently\ )?(?:closed|not\ allowed)\b.*",
        r"you\ can\ (?:leave\ a\ response|skip\ to\ the\ end\ and\ leave\ a\ response)\b.*",
        r"trackback\ url\b.*", r"(?:proudly\ )?powered\ by\ (?:[\w.&-]+\ ?){1,3}",
        # a gallery's pager, a press release's fold, a bare social handle
        r"(?:previous|prev)\W*\d+\s*(?:/|of)\s*\d+\W*next", r"show\ full\ (?:pr\ )?text",
        r"(?:twitter|facebook(?:\ fan\ page)?|instagram|tiktok|youtube|linkedin)\s*:\s*\S+",
        # "Posted by Becky | View all posts by Becky | Published in …"; "Twitter (17,951 followers)"
        r".{0,80}\bview\ all\ posts\ (?:by|in|from)\b.{0,120}",
        r"(?:twitter|facebook|flickr|instagram|youtube|linkedin|pinterest)\s*\(\s*[\d,.]+\s*[^\W\d]*\s*\)",
        # a video teaser inside the story: a title, then its "Watch Video" link
        r".{1,150}\ (?-i:Watch|Play|WATCH|PLAY)\ (?:the\ )?video",  # (capitalised: a link's label, not prose)
        # a story's tool bar, one line at a time, as 2000s news sites set it
        r"(?:e-?mail|print|save|share|bookmark|recommend|send|digg|reprint|discuss)\ (?:this|the)\ (?:story|article|page|post|item)"
        r"(?:\ to\ a\ friend)?",
        r"(?:e-?mail|send)\ (?:this\ )?(?:story\ |article\ |link\ )?to\ a\ friend", r"printer[-\ ]friendly(?:\ (?:version|format|page))?",
        r"(?:e-?mail|print)\ (?:story|article|page)", r"(?:story|article)\ tools", r"digg\ (?:this|it)", r"del\.icio\.us",
        r"reprints?(?:\ (?:&|and)\ permissions)?", r"report\ an?\ (?:error|typo|correction)", r"post\ a\ comment", r"add\ to\ my\ yahoo!?",
        r"(?:adjust\ |change\ )?(?:text|font)\ size\s*:?(?:\s*[a-z][+-]?){0,3}", r"this\ material\ may\ not\ be\ published\b.*", r"have\ your\ say",
    ),
    promos=(
        r"\bclick(?:ing)?\ here\b", r"\bsign\ up\ (?:for|to)\b", r"\bsubscribe\ (?:to|now|today)\b",
        r"\b(?:sent|delivered)\ (?:straight\ |directly\ |right\ )?(?:to\ your\ inbox|through\ your\ letterbox)\b", r"\bdownload\ (?:the|our)\ app\b",
        r"\bget\ the\ app\b", r"\bfollow\ us\ on\b", r"\bnewsletter\b.*\binbox\b",
        r"\bget\ (?:the|our)\ (?:[\w'’-]+\ ){0,4}(?:briefing|newsletter|digest|bulletin)\b",
    ),
    relative_times=(
        r"\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|weeks?|mo|months?|y|yrs?|years?)(?:\s+ago)?",
        r"(?:just\ now|yesterday|today|an?\ (?:hour|minute|day)\ ago)",
    ),
    byline_prefixes=(r"by", r"from", r"written\ by", r"words\ by", r"text:", r"reporting\ by", r"authors?:"),
    date_labels=(r"published", r"updated", r"posted"),
    author_bios=(
        r"(?:is|was)\ (?:a|an|the)\b[^.]{0,100}?\b(?:editor|correspondent|reporter|writer|columnist|"
        r"journalist|contributor|producer|critic|analyst|photographer)s?\b",
        # "Joab Jackson covers enterprise software for The IDG News Service."
        r"(?:covers|has\ covered|writes\ about|has\ written\ about|reports\ on|has\ reported\ on)\b[^.]{0,150}?"
        r"\bfor\ (?:the\ )?(?-i:[A-Z])",
        # "Joan Hale, a reporter for the Courier, covers transport."
        r"(?:a|an|the)\b[^,.]{0,80}?\b(?:editor|correspondent|reporter|writer|columnist|journalist|contributor)s?\b"
        r"[^,.]{0,60},\ (?:covers|writes|reports)\b",
    ),
    bio_labels=(r"about\ the\ author",),
    about_labels=(r"about",),
    name_particles=("of", "the", "and", "for", "in", "on", "at", "&"),
    listing_folders=("topic", "topics", "tag", "tags", "category", "categories", "author", "authors",
                     "profile", "profiles", "people", "series", "section", "sections"),
)
