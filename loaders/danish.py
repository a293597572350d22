"""Danish language data for extraction: one place for words, not for logic.

Everything here is data about how Danish municipal documents say things:
month names, OCR confusions of the Danish letters, the head nouns that name
bodies, and the cue words of each relation. The engine (``loaders/*.py``)
reads these tables; a rule never hard-codes a Danish word of its own.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}

#: Vague dates, by the documented convention: primo = 1st of the month that
#: opens the period, medio = 1 July (mid-year), ultimo = 31 December.
#: "medio 2019" -> 2019-07-01, "ultimo 2020" -> 2020-12-31, "primo 2025" -> 2025-01-01.
VAGUE_YEAR_DATES: dict[str, tuple[int, int]] = {
    "primo": (1, 1),
    "medio": (7, 1),
    "ultimo": (12, 31),
}

#: What OCR makes of a character: the folding rule that derives garbled
#: variants (``@konomiudvalget``, ``QKF``, ``Barne-``, ``|. januar``) from a
#: correct name instead of listing them by hand. Keys are lower case; the
#: upper-case forms of keys are folded the same way.
OCR_CONFUSIONS: dict[str, str] = {
    "ø": "øoaeg@q0",
    "æ": "æaez",
    "å": "åad4é",
    "1": "1|lI",
}

#: Only capital letters that OCR turns a capital Ø into (abbreviations like ØKF).
OCR_CAPITAL_CONFUSIONS: dict[str, str] = {
    "Ø": "Ø@QOG0",
    "Æ": "ÆA",
    "Å": "ÅA",
}

# Head nouns that make a compound a body (or a task, or an initiative), by
# label, with the inflected endings (definite, genitive, plural) that fold to
# one canonical name.
BODY_HEADS: dict[str, dict[str, tuple[str, ...]]] = {
    "Committee": {
        "udvalg": ("", "et", "ets", "s", "ene", "enes"),
        "magistrat": ("", "en", "ens"),
    },
    "Administration": {
        "forvaltning": ("", "en", "ens", "s", "er", "erne", "ernes"),
    },
    "Unit": {
        "sekretariat": ("", "et", "ets", "s", "er", "erne"),
        "kontor": ("", "et", "ets", "er", "erne"),
    },
    "Group": {
        "gruppe": ("", "n", "ns", "r", "rne", "rnes"),
        "kreds": ("", "en", "ens", "e", "ene"),
        "klynge": ("", "n", "ns", "r", "rne"),
        "bestyrelse": ("", "n", "ns", "r", "rne"),
        "forum": ("", "met", "mets", "s"),
        "netværk": ("", "et", "ets"),
        "styregruppe": ("", "n", "ns", "r", "rne"),
        "samarbejdsorgan": ("", "et", "ets"),
    },
    "Organisation": {
        "kommission": ("", "en", "ens"),
        "komite": ("", "en", "ens"),
        "komité": ("", "en", "ens"),
        "ministerium": ("", "et", "ets"),
        "styrelse": ("", "n", "ns"),
        "fond": ("", "en", "ens"),
        "forening": ("", "en", "ens"),
        "forbund": ("", "et", "ets"),
    },
    "Task": {
        "område": ("", "t", "ts", "r", "rne"),
        "dagsorden": ("", "en", "ens"),
        "ansvar": ("", "et", "ets"),
        "indsats": ("", "en", "ens"),
    },
    "Initiative": {
        "forsøg": ("", "et", "ets", "ene"),
        "analyse": ("", "n", "ns"),
        "reform": ("", "en", "ens"),
        "strategi": ("", "en", "ens"),
        "projekt": ("", "et", "ets"),
        "program": ("", "met", "mets"),
    },
}


#: Council names: a whole word (with its inflections) that is the council.
COUNCIL_WORDS: dict[str, tuple[str, ...]] = {
    "byråd": ("", "et", "ets"),
    "kommunalbestyrelse": ("", "n", "ns"),
    "regionsråd": ("", "et", "ets"),
    "borgerrepræsentation": ("en", "ens"),
}

#: Compounds that name a kind of body, not a body ("fagudvalg", "udvalget").
GENERIC_PREFIXES: frozenset[str] = frozenset(
    {"", "fag", "under", "sær", "stående", "lokal", "med", "hoved", "del"}
)

#: A compound's first part is at least this long ("styreform" is no reform), unless hyphenated.
MIN_COMPOUND_PREFIX = 4

#: Bare head nouns that, capitalised, are the name of the municipality's one body of that kind:
#: "Magistraten" in Aalborg or Aarhus, "Administrationen" in a small municipality's minutes.
SOLE_BODY_NAMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Magistrat": ("Committee", ("en", "ens")),
    "Administration": ("Administration", ("en", "ens")),
}

#: A local committee named by its district ("Brønshøj-Husum Lokaludvalg"); in a document that names
#: one, the capitalised bare "Lokaludvalget" is that one.
LOCAL_COMMITTEE_WORD = "Lokaludvalg"
LOCAL_COMMITTEE_ENDINGS = ("", "et", "ets", "s")

#: Committees named by a capitalised adjective: "Teknisk Udvalg", "Økonomisk Udvalg".
NAMING_ADJECTIVE_ENDINGS = ("isk", "iske", "ig", "ige", "al", "ale")
COMMITTEE_WORD = "Udvalg"
COMMITTEE_ENDINGS = ("", "et", "ets", "s")

#: Councils of citizens or experts named by capitalised words (or a number) before a capitalised
#: "Råd": "Klima- og Agenda 21 Rådet", "Agenda 21 Rådet".
NAMED_COUNCIL_WORD = "Råd"
NAMED_COUNCIL_ENDINGS = ("", "et", "ets")

#: What a group's name may go on with: its field ("Den Kommunale Styregruppe på sundhedsområdet")
#: or a capitalised name ("Chefforum for Sundheds- og Ældrechefer").
GROUP_FIELD_WORD = "område"
GROUP_FIELD_ENDINGS = ("t", "rne")
#: Words that name a group by its subject: "arbejdsgruppen vedr. udvikling og koordination".
GROUP_SUBJECT_WORDS = ("vedr.", "vedrørende")

#: Prepositions that carry a name on past its capitalised words ("Alliancen om den nære psykiatri"):
#: a name cut off before them is incomplete.
NAME_CONTINUATIONS = "om|af|i|til|med"

#: Adjectives that belong to a group's name ("politisk styregruppe").
GROUP_ADJECTIVES: tuple[str, ...] = (
    "politisk", "politiske", "administrativ", "administrative", "tværgående",
    "uafhængig", "uafhængige", "fælleskommunal", "fælleskommunale",
)

#: Verbal nouns that, with "af" and a name, name an undertaking: "implementeringen af KY",
#: "evaluering af Borgerrådgiveren", "forberedelsen af KV25". Each with its definite ending,
#: the form the undertaking is named by.
INITIATIVE_NOMINALS: dict[str, str] = {
    "implementering": "en", "evaluering": "en", "forberedelse": "n", "sammenlægning": "en",
    "udrulning": "en", "gennemførelse": "n", "afprøvning": "en", "revision": "en",
}

#: Nouns that introduce an initiative's title in quotes: "to rapporter ’Styrket decentral
#: forvaltningsorganisering’ og ’Placering af tværgående enheder’", "projektet ”Sammen om X”".
TITLED_INITIATIVE_NOUNS: tuple[str, ...] = (
    "rapport", "rapporten", "rapporter", "rapporterne", "projekt", "projektet", "program", "programmet",
    "strategi", "strategien", "analyse", "analysen", "plan", "planen", "forsøg", "forsøget", "initiativ", "initiativet",
)
#: A decision on a proposal names what the proposal is about: "Økonomiudvalget tiltrådte den 20. januar
#: 2009 indstilling om anlægsstyring" (the undertaking is "anlægsstyring").
PROPOSAL_SUBJECT_NOUNS: tuple[str, ...] = ("indstilling", "indstillingen", "forslag", "forslaget")
#: At most this many words name the undertaking; a longer phrase is a description, not a name.
PROPOSAL_SUBJECT_MAX_WORDS = 4
#: An agreement named by its subject and its parties: "aftalen om kommunernes økonomi i 2014 mellem KL
#: og Regeringen". The parties ("mellem") make the phrase a name, not a reference to any agreement.
AGREEMENT_NOUNS: tuple[str, ...] = ("aftalen", "Aftalen", "aftale", "Aftale")
AGREEMENT_PARTIES_WORD = "mellem"
AGREEMENT_SUBJECT_MAX_WORDS = 7
#: Quotation marks as Danish documents write them, opening and closing.
QUOTES = "’‘“”\"'«»„"

#: A naming adjective before a bare head noun in the indefinite plural names a kind of body,
#: not a body: "politiske grupper", "tværgående kredse" (but "politisk styregruppe" is one).
KIND_PLURALS: tuple[str, ...] = ("grupper", "kredse", "klynger", "bestyrelser")

#: Initiatives named by a head noun and a version number ("frisættelsesforsøg 2.0").
INITIATIVE_VERSION_PATTERN = r"\d+\.\d+"

#: A body that belongs to an organisation and is named by its owner, by label: "KOMBITs bestyrelse",
#: "Bestyrelsen for Fremfærd", "KL's sekretariat". The owner is then an organisation of its own.
OWNED_BODY_HEADS: dict[str, dict[str, tuple[str, ...]]] = {
    "Group": {"bestyrelse": ("", "n", "ns"), "direktion": ("", "en", "ens"),
              "repræsentantskab": ("", "et", "ets"), "formandskab": ("", "et", "ets")},
    "Unit": {"sekretariat": ("", "et", "ets")},
}
#: Genitive endings of a name: "KOMBITs", "KL's", "KL’s".
GENITIVE_ENDINGS: tuple[str, ...] = ("’s", "'s", "s")

#: Organisations named "<Name> Kommune" / "Region <Name>".
MUNICIPALITY_WORD = "Kommune"
REGION_WORD = "Region"

#: Plural of the municipality word, before a parenthesised list of their names: "kommuner (Lejre, Sorø & Holbæk)".
MUNICIPALITIES_WORD = "kommuner"

#: The state and the government as actors ("mellem KL og Regeringen", "øvrige aktører, primært staten").
NATIONAL_AUTHORITIES: dict[str, tuple[str, ...]] = {"staten": ("", "s"), "regeringen": ("", "s")}

#: "landets kommuner": a text that names the municipalities as one party (KL's and KOMBIT's documents)
#: means that party by "kommunerne" too.
MUNICIPALITIES_TOGETHER = ("landets kommuner",)
MUNICIPALITIES_DEFINITE = "kommunerne"

#: Regions and the country as the last part of an organisation's name: "PLO-Midtjylland", "SMVDanmark".
ORGANISATION_AREA_NAMES: tuple[str, ...] = (
    "Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland", "Danmark",
)

#: English head words of an organisation's name, as Danish documents quote them:
#: "Greater Copenhagen & Skåne Committee".
ENGLISH_BODY_WORDS: tuple[str, ...] = ("Committee", "Board", "Council", "Forum", "Network", "Partnership", "Association")
#: Small words inside such a name.
ENGLISH_NAME_LINKS: tuple[str, ...] = ("&", "and", "of", "for")

#: Party letters and non-party markers after a person's name: "(F)", "(løsgænger)".
PARTY_MARKERS: tuple[str, ...] = ("løsgænger", "UFG")

#: Headings of a document-sharing site's list of other documents' titles, shown above the
#: document itself ("Relaterede dokumenter" ... "Transkript:"): titles, not facts of this document.
RELATED_DOCUMENTS_HEADINGS: tuple[str, ...] = ("Relaterede dokumenter", "Lignende dokumenter", "Relaterede artikler")
#: Where the document's own text starts after such a list.
TRANSCRIPT_MARKERS: tuple[str, ...] = ("Transkript:", "Transskription:")

#: Words after which a full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    {"d", "f.eks", "fx", "bl.a", "jf", "mv", "m.v", "pr", "ca", "nr", "stk", "kl",
     "evt", "inkl", "mio", "mia", "kr", "ift", "i.f.t", "mht", "mhp", "p.b.a", "vedr", "hhv", "dvs", "s", "m.fl", "ang"}
)

#: Abbreviations Danish municipalities use for their bodies without introducing them ("anbefales over
#: for KB"), with the label and the head word of the body they stand for in a document that names it.
STANDARD_BODY_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "KB": ("Council", "kommunalbestyrelse"),
    "BR": ("Council", "borgerrepræsentation"),
    "ØU": ("Committee", "økonomiudvalg"),
    "ØK": ("Committee", "økonomiudvalg"),
}

#: The chair of a body, named beside a person: "formanden for Teknisk Udvalg, Michael Rex",
#: "Lene Koustrup Madsen, forperson for Kultur- og Fritidsudvalget".
CHAIR_WORDS: tuple[str, ...] = (
    "formand", "formanden", "næstformand", "næstformanden", "forperson", "forpersonen", "næstforperson",
    "næstforpersonen",
)

#: A news article's byline ("Af Rasmus Mark Pedersen" on a line of its own) names its writer, no actor.
BYLINE_WORDS: tuple[str, ...] = ("Af", "Skrevet af")

# ----------------------------------------------------------------- cue words
# Each relation rule names its cues here. Cues are plain words matched
# case-insensitively on word boundaries; their OCR variants ("forelegges")
# are derived by the same folding rule as names.

DECISION_CUES = (
    r"beslutning", r"besluttede", r"besluttet", r"vedtaget", r"vedtog",
    r"godkendte", r"godkendt", r"tiltrådte", r"aftalt", r"nedsatte",
    r"sendte i høring",
)

#: Decision cues that are finite verbs: Danish puts the subject after them when something else opens
#: the sentence ("Som ramme vedtog Borgerrepræsentationen den 21. september 2023 …").
FINITE_DECISION_CUES = ("besluttede", "vedtog", "godkendte", "tiltrådte", "nedsatte")
#: Words between a decision noun and the body that took it: "Beslutning i Udvalget for … den 04-06-2020".
DECISION_BODY_AFTER = ("af", ":", "i")

#: A meeting header of a body's treatment of a case ends its line or opens it with a colon:
#: "Teknisk Udvalg 6. september 2010: Jesper Gersholm anbefales", "Byrådet 20. september 2010".
#: Words that may stand between the body and the date: "Byrådet den 20. september 2010:".
MEETING_HEADER_DATE_PREFIXES = ("den", "d.")
#: Words for a meeting: "HR-kredsens møde den 22. august 2017 besluttet" names who decided.
MEETING_WORDS = (r"møde", r"mødet", r"møder")

DISSOLUTION_CUES = (
    r"nedlægges", r"nedlægge", r"nedlægger", r"nedlagt", r"nedlagde",
    r"nedlæggelse af", r"nedlæggelsen af", r"opløses", r"opløst", r"lukkes", r"ophører",
)

ESTABLISHMENT_CUES = (
    r"nedsættes", r"nedsætte", r"nedsat", r"nedsatte", r"etableres", r"etablere",
    r"etableret", r"oprettes", r"oprette", r"oprettet", r"starte op",
    r"nedsættelse af", r"etablering af", r"oprettelse af",
)

#: Labels of a case number: "Sagsnr.: 2010-56551", "Sagsid.: 21/9144", "J.nr. 2023-123".
CASE_NUMBER_LABELS = ("sagsnr", "sagsid", "sagsnummer", "j.nr", "journalnr")
#: A case number on its own in parentheses after an agenda item's title, as Københavns Kommune
#: writes them: "14. Plan for frisættelsesforsøg 2.0 (2017-0331596)" (year, dash, serial).
CASE_NUMBER_PATTERN = r"(?:19|20)\d\d-\d{5,8}"

#: Words that introduce a body as the one who proposed, not the one who acted:
#: "BR har på indstilling fra Kultur- og Fritidsudvalget nedsat …".
PROPOSER_MARKERS = (r"indstilling fra", r"forslag fra", r"anbefaling fra")

#: Words that make what follows a recommendation to a body, not its act:
#: "at anbefale Økonomiudvalget … at etablere en uafhængig følgegruppe".
RECOMMENDATION_CUES = (r"anbefale", r"anbefaler", r"anbefales", r"foreslå", r"foreslår", r"opfordre", r"opfordrer")

#: Change words whose grammatical subject is what changes: "forsøget vil starte op", "rådet ophører".
INTRANSITIVE_CHANGE_CUES = (r"starte op", r"ophører")
#: Auxiliaries of the perfect tense: "BR har nedsat X" reports an earlier act of BR.
PERFECT_AUXILIARIES = (r"har", r"havde")
#: Auxiliaries that make a participle passive: "udvalget blev nedsat" (but "BR har nedsat udvalget").
PASSIVE_AUXILIARIES = (r"blev", r"er", r"bliver", r"var", r"vil blive")

#: "X forankres i Y": Y holds the mandate over X.
ANCHORING_CUES = (r"forankres i", r"forankret i")

#: Mandate roles by the words that state them.
MANDATE_ROLE_CUES: dict[str, tuple[str, ...]] = {
    "steering": (r"styregruppe for", r"styrer"),
    "owner": (r"projektejer", r"ejer af", r"ejerskab"),
    "secretariat": (r"sekretariatsbetjenes af", r"sekretariat for", r"sekretariatsbetjening"),
    "advisory": (r"rådgiver", r"udtaleret", r"rådgivende"),
    "responsible": (r"ansvarlig for", r"ansvaret for", r"har ansvar for", r"pålægge"),
}

#: "X hørte under Y", "Under Y er X indskrevet": Y holds the task X.
UNDER_CUES = (r"under",)
#: "X overføres til Y", "X samles i Y": the task moves to Y (from the body it was under).
TRANSFER_CUES = (r"overføres til", r"overføres også til", r"overgår til", r"flyttes til", r"samles i")

#: "ledelsesområdet flyttes fra X til Y": the task leaves X (which held it) for Y.
MOVE_FROM_CUES = (r"flyttes fra", r"overføres fra", r"overgår fra")
#: Verbs that move a task, for reading the task named before them as a ``Task`` ("Regional udvikling flyttes").
TASK_MOVING_VERBS = (r"flyttes", r"overføres", r"overgår", r"samles i")
#: Words that open a task's clause but are no part of its name ("hele uddannelsesområdet").
TASK_QUANTIFIERS = (r"hele", r"også", r"endvidere", r"desuden")
#: A relative clause inside the task's phrase ("De turismemæssige opgaver som hørte under X").
TASK_RELATIVE_WORDS = (r"som", r"der")
#: Words that do not name a task on their own ("De opgaver").
GENERIC_TASK_WORDS = frozenset({"de", "det", "den", "opgaver", "opgaverne", "opgave", "opgaven", "området", "områderne"})
#: Things that are moved but are no area of responsibility: "Sagen overføres til BR", "Midlerne overføres".
NOT_TASK_WORDS = frozenset({
    "sagen", "sager", "sagerne", "forslaget", "indstillingen", "beløbet", "midlerne", "midler", "budgettet",
    "bevillingen", "medarbejderne", "personalet", "mødet", "møderne", "punktet", "beslutningen", "ansøgningen",
})

#: "KL's seks politiske udvalg": the committees an organisation has, as a plural head noun after its genitive.
OWNED_COMMITTEES_HEADS = (r"udvalg", r"fagudvalg", r"udvalgene", r"fagudvalgene")
#: Words that count or qualify such committees ("seks", "politiske", "stående").
COMMITTEE_COUNT_WORDS = (
    r"to", r"tre", r"fire", r"fem", r"seks", r"syv", r"otte", r"ni", r"ti", r"elleve", r"tolv", r"\d{1,2}",
    r"politiske", r"stående", r"faste",
)

REPORTING_CUES = (
    r"forelægges", r"forelagt", r"forelægge", r"afrapporteres til", r"afrapportere til",
    r"rapporterer til", r"orienteres",
)
#: "Behandling i ØU og BR i februar 2025": the matter goes before those bodies.
TREATMENT_CUES = (r"behandling i", r"behandles i", r"behandlet i")

#: Reporting words with the receiver named first: "ØU forelægges endelig analyseplan",
#: "Bestyrelsen vil løbende blive orienteret om projektets fremdrift".
RECEIVER_FIRST_REPORTING_CUES = (
    r"forelægges", r"får forelagt", r"fik forelagt", r"orienteres", r"blive orienteret", r"bliver orienteret",
)

PROPOSAL_CUES = (
    r"indstiller over for", r"indstiller til", r"indstiller",
    r"anbefaler over for", r"anbefaler overfor",
)
#: A recommendation without its author, in the minutes of the body that made it:
#: "BESLUTNING: Økonomiudvalget … Administrationens forslag anbefales over for KB."
PASSIVE_PROPOSAL_CUES = (r"anbefales over for", r"anbefales overfor", r"indstilles til", r"oversendes til")
#: The header that dates the meeting a case is decided in: "Mødedato: 18.01.2018, kl. 17:30".
MEETING_DATE_LABELS = (r"mødedato:", r"mødedato")

PARTICIPATION_CUES = (
    r"deltog", r"deltager i", r"deltage i", r"tilsluttede sig",
    r"tage udgangspunkt i model", r"deltagende",
)

#: A body drawn into an initiative: "med løbende inddragelse af den politiske styregruppe",
#: "Projektet inddrager alle ekspertområderne"; and, body first, "Følgegrupperne inddrages i planlægningen".
INVOLVEMENT_CUES = (r"inddragelse af", r"inddrager", r"inddrage")
INVOLVED_FIRST_CUES = (r"inddrages i", r"inddraget i", r"inddrages løbende i")

INTERFACE_CUES = (r"snitflade mellem", r"snitflader mellem", r"snitfladerne mellem", r"i samarbejde med", r"sammen med")

REPLACEMENT_CUES = (r"erstattes af", r"afløser", r"afløses af", r"ændres til", r"omdannelse af")

#: Words that make "X ændres til Y" a new name for the same body: "Navnet ”X” ændres til ”Y”".
NAME_CHANGE_WORDS = (r"navnet", r"betegnelsen")
#: What gives a body its new name after "Navnet X": "Navnet ”A” ændres til ”B”".
RENAMING_CUES = (r"ændres til", r"ændret til", r"omdøbes til")

MEMBERSHIP_CUES = (r"bestod af", r"består af", r"bestående af", r"med deltagelse af", r"medlemmer:", r"repræsentation fra")

#: The member named first: "Københavns Kommune er medlem af Øresundskomiteen", "Kommunerne er repræsenteret i X".
MEMBER_FIRST_CUES = (
    r"er medlem af", r"er medlemmer af", r"er repræsenteret i", r"indgår i", r"indgå i", r"sidder i",
)

#: Appointing persons to a body, the persons named before: "A og B blev udpeget til det nye Råd",
#: "at A udpeges som repræsentant til X", "B blev valgt til bestyrelsen".
APPOINTMENT_CUES = (
    r"udpeget til", r"udpeges til", r"udpeget som (?:medlem|medlemmer|repræsentant|repræsentanter) (?:til|i|af)",
    r"udpeges som (?:medlem|medlemmer|repræsentant|repræsentanter) (?:til|i|af)", r"valgt til", r"vælges til",
    r"indstilles til",
)

#: Words that open a relative or elaborating clause after a comma (", som indebærer …"):
#: what follows is not what the main clause is about.
SUBORDINATE_CLAUSE_OPENERS = (r"som", r"der", r"hvor", r"herunder")

#: A cue with one of these just before it is denied, not stated ("forventer ØKF ikke at deltage").
NEGATIONS = (r"ikke", r"ej", r"aldrig", r"ingen")

#: Words that introduce the date a change takes effect ("nedlægges pr. 1. april 2024").
START_DATE_CUES = (r"pr.", r"fra", r"med virkning fra", r"fra og med", r"op den")
#: Words that introduce the last day something exists ("fungere indtil 31. december 2012").
END_DATE_CUES = (r"indtil", r"frem til", r"til og med")
EFFECTIVE_DATE_CUES = START_DATE_CUES + END_DATE_CUES

#: Common words of Danish municipal administration that contain æ, ø or å, for
#: respelling OCR-garbled names ("friszttelsesforsgg" -> "frisættelsesforsøg"):
#: a garbled word is respelt only when it splits entirely into these words
#: (joined by a linking -s- or -e-, and ending in an inflection).
RESPELLING_WORDS: tuple[str, ...] = (
    "ældre", "ændring", "ærinde", "økonomi", "økonomisk", "ønske", "øvrig", "øget", "åben", "år", "årlig",
    "afløsning", "ansøgning", "arbejdsmiljø", "bæredygtig", "beskæftigelse", "bestyrelsesmøde",
    "bevægelse", "børn", "børne", "borgerrådgiver", "by", "dækning", "dagsordenspunkt",
    "erhvervsfremme", "fælles", "fællesskab", "færdig", "fagforening", "flygtning", "følge",
    "forebyggelse", "forelæggelse", "forhandlingsfællesskab", "forløb", "formål", "forsøg",
    "forældre", "fremfærd", "frisættelse", "fritid", "gæld", "gennemførelse", "godkendelse",
    "grøn", "høring", "hjælp", "hovedstad", "integration", "klimaområde", "kontrol", "københavn",
    "kvalitetsmål", "læring", "løn", "løsning", "mål", "måling", "målepunkt", "medarbejder",
    "miljø", "møde", "myndighed", "næring", "nærhed", "nedlæggelse", "nedsættelse", "område",
    "omsorg", "opgaveløsning", "overførsel", "pædagog", "påbud", "plejehjem", "råd", "rådgiver",
    "rådhus", "regnskab", "repræsentation", "repræsentant", "sæson", "særlig", "samrådsmøde",
    "selvstændig", "skøn", "spørgsmål", "støtte", "styrelse", "sundhedsområde", "tæt", "tilsyn",
    "tillæg", "tiltræde", "tværgående", "udbetaling", "udfører", "udmøntning", "udsættelse",
    "udvælgelse", "ungdom", "vækst", "værdi", "velfærd", "vurdering",
)

#: Common Danish given names (as in Danmarks Statistik's name statistics): a
#: capitalised name that starts with one of these and has a surname is read as
#: a person even without a party letter ("Christina Borries, OAO").
GIVEN_NAMES: frozenset[str] = frozenset("""
Aase Agnete Alberte Alexander Alfred Allan Ane Anette Anita Anja Ann Anna Anne Annette Anton Arne Asger Astrid
Benedikte Bent Bente Birgit Birgitte Birthe Bjarne Bo Brian Bruno Camilla Carina Carl Carsten Casper Cecilie
Charlotte Christian Christina Christine Christoffer Claus Connie Dan Daniel David Dennis Dorte Dorthe Ebbe Egon
Ejnar Elin Elisabeth Ellen Else Emil Emma Erik Erling Ernst Esben Eva Finn Flemming Frank Frederik Frida Gitte
Grethe Gunnar Hanne Hans Harald Helene Helle Henning Henrik Holger Ida Inge Inger Ivan Jacob Jakob Jan Jane Janne
Jens Jeppe Jesper Jette Johan Johanne Johannes John Jonas Jonna Jørgen Jørn Julie Kaj Karen Karin Karina Karl
Karsten Kasper Katrine Kenneth Kim Kirsten Kjeld Klaus Knud Kristian Kristina Lars Lasse Laura Lea Leif Lene
Lisbeth Lise Lone Lotte Louise Mads Magnus Maja Malene Margrethe Maria Marianne Marie Martin Mathias Mette Michael
Michelle Mikael Mikkel Mogens Morten Nadia Nanna Natasja Niels Nikolaj Nicolaj Ninna Ole Oliver Palle Peter Per
Pernille Pia Poul Preben Rasmus René Rikke Rune Sanne Sara Sebastian Signe Simon Sofie Sonja Steen Stefan Stig
Susan Susanne Svend Søren Thomas Tina Tine Tobias Tom Tommy Tonny Torben Troels Trine Ulla Ulrik Vibeke Victor
Viggo Vivi
""".split())

#: Capitalised words that end a person's name: places and institutions named after people
#: ("H.C. Andersens Boulevard", "Niels Bohr Institutet").
#: How many unknown names in a row a list of persons may hold ("Kirsten Møller, Palle Lolk og Jarl
#: Feyling" when only the first has a given name the list above knows).
LISTED_PERSON_ROUNDS = 2
NOT_SURNAMES: frozenset[str] = frozenset(
    {"Vej", "Gade", "Plads", "Allé", "Boulevard", "Torv", "Kommune", "Region", "Skole", "Hospital",
     "Institut", "Institutet", "Centret", "Center", "Fond", "Fonden", "Kirke", "Park", "Havn"}
)
