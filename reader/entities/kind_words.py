"""The words that say what a named thing is, and how the background panel says it: an
organisation's ("Purdue University": a university), a place's ("Lake Merritt": a lake), an
event's ("Battle of Hastings": a battle), a work's or a law's ("Clean Air Act": a law).
Used by ``derived_facts``; the kind words the recogniser types a name by (``wordlists.ENDINGS``)
have their entry here, but those that say nothing sure ("Eureka Springs" is a town, "Early
Music" a period; a test lists them)."""

from __future__ import annotations

#: The word that says what an organisation is, and how the panel says it.
ORG_KINDS = {
    "party": "political party", "ministry": "government ministry", "department": "department",
    "university": "university", "college": "college", "school": "school", "academy": "academy",
    "institute": "institute", "institution": "institution", "council": "council", "committee": "committee",
    "commission": "commission", "court": "court", "tribunal": "tribunal", "church": "church", "bank": "bank",
    "club": "club", "police": "police force", "army": "army", "navy": "navy", "agency": "agency",
    "bureau": "bureau", "authority": "public authority", "foundation": "foundation", "association": "association",
    "federation": "federation", "league": "league", "airlines": "airline", "airways": "airline",
    "parliament": "parliament", "senate": "senate", "assembly": "assembly", "government": "government",
    "embassy": "embassy", "consulate": "consulate", "hospital": "hospital", "museum": "museum",
    "library": "library", "gallery": "gallery", "society": "society", "corporation": "company",
    "company": "company", "holdings": "company", "band": "band", "orchestra": "orchestra", "choir": "choir",
    "brigade": "military unit", "regiment": "military unit", "battalion": "military unit", "corps": "corps",
    "newspaper": "newspaper", "times": "newspaper", "post": "newspaper", "herald": "newspaper",
    "gazette": "newspaper", "tribune": "newspaper", "chronicle": "newspaper", "telegraph": "newspaper",
    "journal": "newspaper or journal", "magazine": "magazine", "news": "news organisation",
    "broadcasting": "broadcaster", "television": "broadcaster", "radio": "broadcaster", "network": "network",
    "union": "union", "alliance": "alliance", "coalition": "coalition", "movement": "movement",
    "guard": "guard", "secretariat": "secretariat", "office": "office", "congress": "congress",
    "conservatory": "conservatory", "seminary": "seminary", "legion": "legion", "paper": "newspaper",
    "archive": "archive", "archives": "archive",
    "centre": "centre", "center": "centre", "press": "publisher or newspaper", "theatre": "theatre",
    "theater": "theatre", "board": "board", "service": "service", "services": "services", "group": "group",
    "lodge": "lodge", "trust": "trust", "fund": "fund", "laboratory": "laboratory", "laboratories": "laboratory",
    "studio": "studio", "studios": "studio", "records": "record label", "observatory": "observatory",
    "conservatoire": "conservatory", "cooperative": "cooperative", "co-op": "cooperative",
    "charity": "charity", "firm": "firm", "team": "team", "squad": "team",
    # the other endings the recogniser types a body by (``wordlists.ENDINGS``)
    "administration": "administration", "agencies": "agencies", "associations": "associations",
    "bancorp": "bank holding company", "brands": "company", "bulletin": "newspaper or bulletin",
    "cabinet": "cabinet", "caucus": "caucus", "centers": "centres", "centres": "centres",
    "command": "military command", "commissions": "commissions", "companies": "group of companies",
    "conference": "conference (a body or a meeting)", "consortium": "consortium", "consulting": "consulting firm",
    "courier": "newspaper", "daily": "newspaper", "dept": "department", "division": "division",
    "electric": "electric company", "energy": "energy company", "enterprises": "company",
    "entertainment": "entertainment company", "examiner": "newspaper", "financial": "financial company",
    "fleet": "fleet", "foods": "food company", "force": "force (armed or police)", "forces": "armed forces",
    "front": "front (a political or armed group)", "galleries": "galleries", "globe": "newspaper",
    "govt": "government", "guardian": "newspaper", "guards": "guards (a unit)", "images": "picture agency",
    "industries": "company", "inquirer": "newspaper", "insurance": "insurer", "investments": "investment firm",
    "lab": "laboratory", "labs": "laboratory", "logistics": "logistics company", "mail": "newspaper",
    "media": "media company", "ministries": "ministries", "monitor": "news outlet or monitoring group",
    "motors": "carmaker", "observer": "newspaper", "oil": "oil company", "organisation": "organisation",
    "organization": "organisation", "parties": "parties", "partners": "partnership (a firm)",
    "petroleum": "oil company", "pharma": "drug company", "pharmaceuticals": "drug company",
    "productions": "production company", "rail": "railway", "railway": "railway", "railways": "railway",
    "review": "periodical", "securities": "securities firm", "solutions": "company", "squadron": "squadron",
    "star": "newspaper", "steel": "steelmaker", "sun": "newspaper", "systems": "company",
    "technologies": "technology company", "telecom": "telecom company", "transit": "transit agency",
    "tv": "television channel", "unit": "unit", "ventures": "venture firm", "weekly": "weekly (a periodical)",
}
#: Words that say what a body is as its first word: names in French, Spanish, Italian or
#: Portuguese put the kind first ("Théâtre National Populaire"); "Team Estonia" too.
ORG_FIRST_WORDS = {
    "théâtre": "theatre", "teatro": "theatre", "conservatoire": "conservatory", "conservatorio": "conservatory",
    "université": "university", "universidad": "university", "universidade": "university",
    "università": "university", "universität": "university", "orchestre": "orchestra", "orquesta": "orchestra",
    "banco": "bank", "banque": "bank", "museo": "museum", "musée": "museum", "instituto": "institute",
    "institut": "institute", "istituto": "institute", "partido": "political party", "parti": "political party",
    "partito": "political party", "ministerio": "government ministry", "ministère": "government ministry",
    "ministero": "government ministry", "école": "school", "escuela": "school", "escola": "school",
    "fondation": "foundation", "fundación": "foundation", "fondazione": "foundation", "fundação": "foundation",
    "société": "company or society", "sociedad": "company or society", "groupe": "group", "grupo": "group",
    "agence": "agency", "agencia": "agency", "comité": "committee", "comisión": "commission",
    "conseil": "council", "consejo": "council", "conselho": "council", "consiglio": "council",
    "autorité": "public authority", "autoridad": "public authority", "autoridade": "public authority",
    "autorità": "public authority", "comissão": "commission", "commissione": "commission",
    "tribunale": "court",
    "team": "team", "assemblée": "assembly", "asamblea": "assembly", "tribunal": "court", "cour": "court",
}
#: What a work, a law or a prize is, by its name's last word ("Clean Air Act", "Nobel Peace Prize").
OTHER_KINDS = {
    "act": "law", "bill": "bill (a proposed law)", "law": "law", "prize": "prize", "award": "award",
    "medal": "medal", "trophy": "trophy", "symphony": "symphony", "concerto": "concerto", "sonata": "sonata",
    "quartet": "quartet", "program": "programme", "programme": "programme", "project": "project",
    "study": "study", "index": "index", "plan": "plan", "system": "system", "series": "series",
    "awards": "awards", "dictionary": "dictionary", "encyclopedia": "encyclopedia", "report": "report",
    "survey": "survey", "agreement": "agreement", "accord": "agreement", "accords": "agreement",
    "convention": "convention (a treaty or a meeting)", "protocol": "protocol", "declaration": "declaration",
    "constitution": "constitution", "amendment": "amendment", "doctrine": "doctrine", "strategy": "strategy",
    "initiative": "initiative", "album": "album", "film": "film", "novel": "novel", "opera": "opera",
}
#: What an event is, by its name's last word or the word before its "of" ("Battle of Hastings").
EVENT_KINDS = {
    "festival": "festival", "olympics": "Olympic Games", "games": "games", "championship": "championship",
    "championships": "championship", "cup": "cup (a competition)", "tournament": "tournament",
    "war": "war", "battle": "battle", "siege": "siege", "revolution": "revolution", "uprising": "uprising",
    "rebellion": "rebellion", "massacre": "massacre", "summit": "summit", "conference": "conference",
    "election": "election", "elections": "election", "referendum": "referendum", "marathon": "marathon",
    "expo": "exhibition", "exhibition": "exhibition", "fair": "fair", "ceremony": "ceremony", "strike": "strike",
    "crisis": "crisis", "pandemic": "pandemic", "epidemic": "epidemic", "earthquake": "earthquake",
    "hurricane": "hurricane", "typhoon": "typhoon", "cyclone": "cyclone", "storm": "storm", "flood": "flood",
    "meeting": "meeting", "forum": "forum", "congress": "congress", "week": "week (an observance)",
    "day": "day (an observance or a holiday)",
    "race": "race", "rally": "rally", "protests": "protests", "protest": "protest", "treaty": "treaty",
    "trial": "trial", "scandal": "scandal", "attack": "attack", "attacks": "attacks", "bombing": "bombing",
    "invasion": "invasion", "occupation": "occupation", "campaign": "campaign", "series": "series (a contest)",
    "operation": "military operation", "draft": "draft (of players)", "contest": "contest", "carnival": "carnival",
    "jubilee": "jubilee", "pageant": "pageant", "gala": "gala", "symposium": "symposium", "cavalcade": "cavalcade",
}
#: Words that say what an event is as its first word too ("Hurricane Katrina", "Operation Overlord").
EVENT_FIRST_WORDS = {word: EVENT_KINDS[word] for word in "hurricane typhoon cyclone storm battle siege treaty "
                      "operation".split()}
#: Kinds named only by a name's last word ("The Washington Post", never "Post To Twitter"), or
#: before its "of" ("Journal of Medicine", "Times of India"; not "Band of Brothers", a series).
LAST_WORD_ONLY = frozenset("times post herald gazette tribune chronicle telegraph journal news band network "
                            "union guard office holdings radio television".split())
#: Words that make a paper's name only after a place's ("Toronto Star", "Edmonton Sun").
PAPER_AFTER_A_PLACE = frozenset({"star", "sun"})
#: Words of bodies that belong to a state: a country named first is that state's.
STATE_BODIES = frozenset("""government ministry department army navy police court tribunal parliament senate
assembly agency bureau authority embassy consulate council committee commission guard secretariat office
force air-force""".split())
#: The word that says what a place is (the last one of its name, or the first before "of").
PLACE_KINDS = {
    "island": "island", "islands": "islands", "isles": "islands", "river": "river", "lake": "lake",
    "mountain": "mountain", "mountains": "mountain range", "mount": "mountain", "valley": "valley", "bay": "bay",
    "gulf": "gulf", "sea": "sea", "strait": "strait", "peninsula": "peninsula", "desert": "desert",
    "beach": "beach", "coast": "coast", "cape": "cape", "street": "street", "st": "street", "road": "road",
    "avenue": "avenue", "ave": "avenue", "boulevard": "boulevard", "blvd": "boulevard", "lane": "street",
    "square": "square", "park": "park", "bridge": "bridge", "airport": "airport", "station": "station",
    "stadium": "stadium", "arena": "arena", "hall": "hall", "museum": "museum", "tower": "tower",
    "hotel": "hotel", "mosque": "mosque", "cathedral": "cathedral", "temple": "temple", "palace": "palace",
    "castle": "castle", "canal": "canal", "harbour": "harbour", "harbor": "harbor", "dam": "dam",
    "county": "county", "province": "province", "district": "district", "region": "region",
    "prefecture": "prefecture", "village": "village", "town": "town", "city": "city", "memorial": "memorial",
    "base": "base", "prison": "prison", "cemetery": "cemetery", "forest": "forest", "glacier": "glacier",
    "volcano": "volcano", "canyon": "canyon", "reservoir": "reservoir", "archipelago": "archipelago",
    "turnpike": "road", "highway": "road", "freeway": "road", "expressway": "road", "parkway": "road",
    "abbey": "abbey", "monastery": "monastery", "church": "church", "zoo": "zoo", "garden": "garden",
    "gardens": "gardens", "plaza": "square", "campus": "campus", "empire": "empire", "kingdom": "kingdom",
    "republic": "republic", "shrine": "shrine", "falls": "waterfall", "hills": "hills", "heights": "heights",
    "creek": "creek", "fjord": "fjord", "lagoon": "lagoon", "reef": "reef", "atoll": "atoll", "marsh": "marsh",
    "swamp": "swamp", "estuary": "estuary", "cove": "cove", "inlet": "inlet", "headland": "headland",
    "gorge": "gorge", "rapids": "rapids", "passage": "sea passage", "locks": "canal locks", "basin": "basin",
    "delta": "river delta", "center": "centre (a building or a site)", "centre": "centre (a building or a site)",
    "complex": "complex (buildings)", "library": "library", "terrace": "street", "rd": "road", "dr": "drive",
    "drive": "drive", "way": "road", "mall": "shopping centre", "pier": "pier", "wharf": "wharf",
    "trail": "trail", "lighthouse": "lighthouse", "ridge": "ridge", "peak": "peak", "pass": "mountain pass",
    "plains": "plains", "plain": "plain", "plateau": "plateau", "steppe": "steppe", "oasis": "oasis",
    "quarter": "quarter (of a town)", "borough": "borough", "municipality": "municipality", "state": "state",
    "territory": "territory", "territories": "territories", "colony": "colony", "constituency": "constituency",
    # the other endings the recogniser types a place by (``wordlists.ENDINGS``)
    "building": "building", "districts": "districts", "hwy": "road", "pkwy": "road", "pl": "street",
    "jail": "jail", "lakes": "lakes", "marina": "marina", "minster": "minster (a great church)",
    "monument": "monument", "ocean": "ocean", "planetarium": "planetarium", "port": "port",
    "provinces": "provinces", "quay": "quay", "reserve": "reserve (protected land)", "seas": "seas",
    "statue": "statue", "straits": "straits", "terminal": "terminal",
    "towers": "towers", "township": "township",
}
#: Words that say what a place is as its first word: names in French, Spanish, Italian or
#: Portuguese put the kind first ("Catedral de San Ildefonso", "Rue de Rivoli").
PLACE_FIRST_WORDS = {
    "catedral": "cathedral", "cathédrale": "cathedral", "cattedrale": "cathedral", "palacio": "palace",
    "palais": "palace", "palazzo": "palace", "palácio": "palace", "iglesia": "church", "église": "church",
    "chiesa": "church", "igreja": "church", "calle": "street", "rue": "street", "via": "street", "rua": "street",
    "avenida": "avenue", "plaza": "square", "piazza": "square", "praça": "square", "praia": "beach",
    "playa": "beach", "plage": "beach", "isla": "island", "île": "island", "isola": "island", "ilha": "island",
    "lago": "lake", "lac": "lake", "monte": "mountain", "mont": "mountain", "río": "river", "rio": "river",
    "puerto": "port", "porto": "port", "castillo": "castle", "château": "castle", "castello": "castle",
    "museo": "museum", "musée": "museum", "parque": "park", "parc": "park", "parco": "park",
    "puente": "bridge", "pont": "bridge", "ponte": "bridge", "porte": "gate", "puerta": "gate",
}
