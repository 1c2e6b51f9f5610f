"""General word lists for the rule-based recogniser.

Only general English knowledge lives here (function words, titles, name
endings, demonyms, calendar words); nothing is tied to one article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.entities.model import EVENT, ORG, OTHER, PLACE


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that start sentences or stand capitalised in headlines without naming anything.
#: Compared in lower case.
COMMON = _words("""
a about above according across after afterwards again against ago ahead all almost along already also
although always among an and another any anyone anything are around as at away back be because been
before being below besides between beyond both but by can could despite did do does doing done down
during each earlier either else even eventually ever every everyone everything except far few finally
first following for former from further furthermore had has have having he her here hers herself him
himself his how however i if in including indeed instead into is it its itself just last later latest
least less like many may me meanwhile might more moreover most much must my myself near nearly neither
never nevertheless new next no nobody none nor not nothing now of off often on once one only onto or
other others otherwise our ours ourselves out over overall perhaps please previously rather recently
regardless same second several she should similarly since so some someone something sometimes soon
still such than that the their theirs them themselves then there thereafter therefore these they third
this those though through throughout thus to today together tomorrow tonight too toward towards under
unless unlike until up upon us very via was we well were what whatever when whenever where whereas
whether which while who whoever whom whose why will with within without would yes yesterday yet you
your yours yourself
additionally again asked according besides currently here instead later likewise
everybody anybody somebody
mr mrs ms dr
breaking update updated exclusive photo photos image images picture pictures caption credit file map graphic video watch read related analysis opinion editorial
comment comments report reports sources source police officials authorities experts analysts critics
residents people witnesses observers many some
""")

#: Days of the week: never the last word of a name ("in Denver Monday").
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday "
                  "mondays tuesdays wednesdays thursdays fridays saturdays sundays")

#: Days and months (never people), and other calendar words.
CALENDAR = WEEKDAYS | _words("""
mon tue tues wed thu thur thurs fri sat sun
weekdays weekends
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""")

#: Words for a person's role or title; a name right after one is a person.
ROLES = _words("""
mr mrs ms miss mx dr prof sir dame lord lady madam mademoiselle monsieur mlle mme
president vice-president vice premier chancellor minister secretary undersecretary deputy
prime spokesperson spokesman spokeswoman spokespeople representative rep sen senator congressman
congresswoman congressperson governor gov mayor councillor councilor councilman councilwoman
ambassador envoy consul diplomat commissioner administrator director chairman chairwoman chairperson
chair ceo cfo coo cto founder co-founder cofounder executive manager head chief leader
general gen lieutenant lt colonel col major maj captain capt sergeant sgt admiral commander
corporal private marshal brigadier officer detective inspector superintendent constable sheriff agent
judge justice magistrate attorney lawyer prosecutor advocate barrister solicitor counsel
king queen prince princess emperor empress sultan sheikh shaikh emir crown duke duchess pope
tsar czar tsarina tsarevich tsarevna tsaritsa kaiser shah caliph pharaoh khan archduke archduchess baroness viscount
marquess margrave countess
cardinal bishop archbishop reverend rev father pastor imam rabbi ayatollah
professor lecturer researcher scientist doctor dean principal student teacher
coach striker midfielder defender goalkeeper player captain manager
reporter journalist correspondent editor columnist author writer analyst
activist campaigner candidate lawmaker legislator politician official aide adviser advisor
actor actress singer artist director producer presenter host anchor
golfer sprinter swimmer cyclist skier jockey quarterback batsman footballer cricketer wrestler gymnast
athlete rapper drummer guitarist comedian filmmaker novelist painter sculptor photographer architect
entrepreneur billionaire businessman businesswoman economist historian physicist tycoon playwright composer
pianist violinist astronaut
chairman speaker whip ombudsman auditor treasurer mp mep msp mla mpp
""") | _words("""
presidente presidenta président présidente präsident präsidentin ministro ministra ministre ministerpräsident
ministerpräsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin senador senadora sénateur sénatrice senatore
deputado deputada diputado diputada député députée deputato deputata abgeordneter abgeordnete prefeito prefeita
alcalde alcaldesa maire sindaco bürgermeister bürgermeisterin governador governadora gobernador gobernadora
gouverneur governatore secretário secretária secretario secrétaire segretario porta-voz portavoz porte-parole
juiz juíza juez jueza juge giudice técnico tecnico treinador entrenador entraîneur allenatore trainer
jogador jogadora jugador jugadora joueur joueuse giocatore atacante goleiro portero comandante
cantor cantora cantante chanteur chanteuse ator atriz actriz acteur actrice attore attrice escritor escritora
écrivain écrivaine scrittore scrittrice jornalista periodista journaliste giornalista rei rey roi rainha reina reine
""")
"""(The second part: the same words in Portuguese, Spanish, French, Italian and German, for the
person's stories in those languages: "o técnico Tite", "le député Christian Paul".)"""

_ROLE_PREFIXES = _words("ex vice co deputy acting former")
_ROLE_SUFFIXES = _words("elect designate general in-chief at-large")


@lru_cache(maxsize=16384)
def is_role(folded: str) -> bool:
    """A title or role word: "minister", "Minister's", "President-elect", "Vice-President", "Attorney-General"."""
    word = folded.rstrip(".")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if word in ROLES:
        return True
    head, dash, rest = word.partition("-")
    return bool(dash) and ((head in ROLES and rest in _ROLE_SUFFIXES | ROLES) or (head in _ROLE_PREFIXES and rest in ROLES))


#: Role words that are only titles before a name (never part of an organisation name).
HONORIFICS = _words("mr mrs ms miss mx dr prof sir dame lord lady rev sen rep gov gen lt col maj capt sgt st mlle mme")

#: Abbreviations written with a full stop inside a name ("St. Louis", "Mt. Fuji", "Mr. Bashir").
ABBREVIATIONS = HONORIFICS | _words("mt ft pt")

#: Connectors allowed inside a name between capitalised words.
CONNECTORS = _words("of for on the de da das do dos du del della der den di van von ten ter zu la le al el bin ibn bint y &")
#: Connectors that may only follow a head word ("University of Texas", "Treaty of Shimonoseki").
OF_CONNECTORS = _words("of for on")

#: The last word of a name (or the word before "of") that tells its kind.
ENDINGS: dict[str, str] = {}
for _kind, _text in (
    (ORG, """party parties ministry army navy guard guards times post news gazette journal herald tribune sun
        daily press agency agencies association associations council committee commission department
        office bureau institute institution university college school academy church company companies
        corporation corp inc ltd llc plc co group bank club society union league federation foundation
        organization organisation administration authority board court police force forces service
        services division parliament congress senate assembly government cabinet network team airlines
        airways motors labs laboratory laboratories centers centres systems technologies media magazine coalition alliance front
        movement brigade corps fund trust broadcasting radio television tv studios records
        entertainment productions initiative caucus conference? ministries embassy consulate
        telegraph observer guardian chronicle examiner star mail globe monitor inquirer courier bulletin
        review weekly industries holdings partners enterprises consortium
        cooperative commissions nations images united gallery galleries
        international electric energy petroleum oil pharmaceuticals pharma capital ventures securities
        financial insurance bancorp investments brands foods steel telecom solutions consulting logistics
        railways railway rail transit music regiment battalion squadron fleet command police department
        hospital? unit agency bureau secretariat tribunal dept govt lab conservatory conservatoire archive
        archives seminary""".replace("?", "")),
    (PLACE, """islands island isles sea seas strait straits ocean river lake lakes mountains mountain
        mount valley bay gulf peninsula desert coast province provinces county city state states
        region street st road avenue ave boulevard square park bridge airport station stadium arena
        hall museum centre center tower towers building hotel mosque cathedral temple palace castle
        base plaza canal harbor harbour beach hills heights falls village town township kingdom
        republic territory territories prefecture memorial complex planetarium library zoo garden
        gardens district districts highway freeway lane drive way port shrine church? cemetery
        campus prison jail reservoir dam canyon forest glacier volcano cape empire minster abbey trail reserve statue monument turnpike expressway parkway blvd hwy pkwy terrace plateau terminal wharf pier quay marina rd pl
        creek fjord lagoon reef atoll springs marsh swamp estuary cove inlet headland gorge rapids passage locks
        basin delta""".replace("church? ", "")),
    (EVENT, """war wars treaty summit olympics olympic games cup championship championships festival
        fair expo conference revolution battle crisis incident massacre accord accords agreement
        tournament marathon awards olympiad challenge uprising rebellion pandemic epidemic earthquake
        storm hurricane typhoon mission referendum election elections protests protest convention
        ceremony talks dialogue dialogues race rally parade week games grand-prix prix open
        celebration anniversary year fire wildfire flood floods shooting bombing bombings attack attacks
        riots paralympics paralympic day draft contest carnival jubilee pageant gala symposium meeting cavalcade"""),
    (OTHER, """prize award medal trophy symphony quartet concerto sonata overture requiem oratorio cantata
        system systems program programme project study series show act bill law policy plan
        strategy index survey version edition standard standards disorder disorders syndrome disease
        virus vaccine app software browser explorer phone console telescope satellite spacecraft"""),
):
    for _word in _text.split():
        ENDINGS.setdefault(_word, _kind)

#: Event words that name an event on their own ("the Olympics").
STANDALONE_EVENTS = _words("olympics paralympics olympiad hajj")

#: Party names used as nouns: "the Democrats", "the Tories", "Labour" are organisations
#: ("a Democrat", "Republican senators" are not entities).
PARTY_NOUNS = _words("democrats republicans conservatives liberals tories socialists communists greens labour "
                     "nationalists unionists")

#: Institutions named by one capitalised word ("Parliament passed the bill").
STANDALONE_ORGS = _words("parliament congress senate knesset duma bundestag bundesrat politburo nato commons")
#: Words before "District" that make it a body running a service, not an area ("the Lake District").
SERVICE_DISTRICTS = _words("school water fire hospital transit sanitation utility park irrigation library sewer "
                           "conservation")
#: Words that name a body alone after "the", capitalised mid-sentence: "asserted by the Crown",
#: "the Administration's decision" (in lower case, a hat and any administration), "summoned the
#: Army", "through the Academy", "a piece the Times quoted" (unless the story named it in full).
THE_BODIES = _words("crown administration army navy academy cabinet treasury fed judiciary times guardian telegraph economist")

_NEVER_SURNAMES = _words("prize award awards medal trophy")


def surname_like(kind: str, last: str) -> bool:
    """Whether a name's last word ``last``, of the name ending ``kind``, is more likely a family
    name after a given name: the kind words of works and laws ("Law", "Act", "Bill") and "Day"
    are family names too ("Nathan Law", "Doris Day"); "Award" is not ("Booker Prize")."""
    return (kind == OTHER and last not in _NEVER_SURNAMES) or last == "day"


#: Endings that name a kind only with another capitalised word before them.
WEAK_ENDINGS = _words("post star mail globe monitor observer guardian review times daily open year week way drive lane "
                      "sun")

#: First words of organisation names in other languages ("Instituto Gonzaga", "Banco Santander").
ORG_STARTS = _words("""instituto institut istituto universidad universidade università universite université
universität universitat colegio collège escuela école scuola banco banque banca partido parti partito ministerio
ministère ministero compañía compagnie compagnia fundación fondation fondazione conseil consejo conselho consiglio
autorité autoridad autoridade autorità comisión comissão commissione tribunale""")

#: Nationality and group adjectives (NORP): not entities on their own (and the second words
#: of two-word nationalities: "New Zealander", "Sri Lankan", "Puerto Rican").
DEMONYMS = _words("""
afghan african albanian algerian american andorran angolan argentine argentinian armenian asian
australian austrian azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian brazilian
british bulgarian burmese cambodian cameroonian canadian chilean chinese colombian congolese croatian
cuban cypriot czech danish dutch ecuadorian egyptian emirati english eritrean estonian ethiopian
european filipino finnish french georgian german ghanaian greek guatemalan haitian honduran
hongkonger hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican
japanese jordanian kazakh kenyan korean kosovar kurdish kuwaiti kyrgyz lao laotian latvian lebanese
liberian libyan lithuanian macedonian malagasy malawian malaysian maldivian malian maltese mexican
moldovan mongolian montenegrin moroccan mozambican namibian nepalese nepali nigerian nigerien
norwegian omani pakistani palestinian panamanian paraguayan persian peruvian polish portuguese
qatari romanian russian rwandan saudi scottish senegalese serbian singaporean slovak slovenian
somali south-african spanish sri-lankan sudanese swedish swiss syrian taiwanese tajik tanzanian thai
tibetan tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh
yemeni zambian zimbabwean
lankan leonean rican salvadoran zealander
alabamian alaskan arizonan arkansan californian coloradan connecticuter delawarean floridian hawaiian idahoan
illinoisan indianan iowan kansan kentuckian louisianan mainer marylander michigander minnesotan mississippian
missourian montanan nebraskan nevadan pennsylvanian texan utahn vermonter
virginian wisconsinite wyomingite
western eastern northern southern central arab arabic latin latino latina latinx hispanic asian african nordic
balkan baltic caucasian slavic celtic
muslim muslims christian christians jewish jew jews catholic catholics protestant buddhist hindu
sikh sunni shia shiite islamic islamist orthodox evangelical mormon scientologist scientologists
mennonite mennonites amish presbyterian presbyterians pentecostal
soviet olympic paralympic tatar tatars
roman byzantine ottoman safavid mughal viking vikings norse moorish
democrat democrats democratic republican republicans communist communists socialist socialists liberal liberals
conservative conservatives labour tory tories nazi nazis fascist fascists
rohingya uighur uyghur pashtun tamil maori māori aboriginal indigenous
""")
_DEMONYM_PREFIXES = _words("afro anglo franco sino indo italo greco russo austro judeo euro pan")


@lru_cache(maxsize=16384)
def is_demonym(folded: str) -> bool:
    """A nationality or group adjective, also joined by hyphens ("African-American",
    "Sino-Japanese", "Anglo-Irish")."""
    if folded in DEMONYMS:
        return True
    parts = folded.split("-")
    return len(parts) > 1 and all(p in DEMONYMS or p in _DEMONYM_PREFIXES for p in parts)


#: A word that is a sound, not a name, when punctuation follows it: "Ahh, if only", "Hmm," "Shh!"
#: (a vowel and a drawn-out h, m or w; no vowel at all; a few fixed ones).
INTERJECTION = re.compile(r"(?i)(?:[aeiou]+h{2,}|a+w{2,}|o+h+|u+h+|u+m+|e+r+m+|[aeiou]*h+m+|m{2,}|s+h+|p+s+t+|g+r{2,}|b+r{2,}|"
                          r"p+f+t+|u+g+h+|a+r+g+h+|e+w{2,}|w+h+o+a+|y+a+y+|a+h+a+|(?:ha){2,}|oops|phew|huh)")
INTERJECTION_AFTER = re.compile(r"\s*[,!?…—-]")

#: Words that greet or address someone, before the name of the one addressed: "'Hey John, my
#: name is Frank'", "Dear Mary,", "Goodbye Peter."
GREETINGS = _words("hey hi hello hiya howdy dear welcome goodbye bye farewell congratulations congrats thanks "
                   "bravo cheers greetings morning evening")

#: Words for one's family that a person capitalises as a name ("Dad's car").
KIN_WORDS = _words("dad daddy mom mommy mum mummy grandma grandpa granny gran nana papa mama")

#: The quarter written after a street's name ("4125 Albemarle St. NW"): no name, nor a name's end.
STREET_QUARTERS = _words("nw ne sw se")

#: Capitalised words that are not names of our four kinds.
NOT_NAMES = STREET_QUARTERS | _words("""
i i'm i'll i've i'd god internet web english french spanish arabic mandarin cantonese chinese japanese german latin
christmas easter ramadan eid halloween thanksgiving
bible koran quran torah talmud gospel gospels christianity judaism buddhism hinduism sikhism catholicism islam
taoism jainism shinto protestantism hebrew yiddish ph phd dphil mba op
ok okay tv dvd cd pdf usb gps ai ceo cfo gdp dna hiv aids covid covid-19 sars ufo ps pm am
vip iq faq diy rsvp asap fyi lol omg tba tbd aka ipo cto coo mri cpr icu atm mvp rbi rbis
html css json xml svg jpeg jpg png gif url uri http https api sdk dns vpn smtp ldap mime sms mms rgb ansi
gpu cpu ram ssd lan wifi eof utf ascii midi rss ttf otf ftp ssh ssl tls tcp ip
ad bc ce bce
usd eur gbp jpy cny rmb aud nzd chf inr mxn brl krw hkd sgd dkk zar pln aed
ext
gmt utc bst cet cest est edt cst cdt mst mdt pst pdt aest aedt jst ist hkt
""")

#: Common given names from many languages: a capitalised run that starts with one is a person.
GIVEN_NAMES = _words("""
aaron abby abdul abdullah abe abigail abraham adam adrian ahmad ahmed aisha akira alan albert alberto alex
alexander alexandra alexandre alexis alfred ali alice alicia alison allen alyssa amanda amber amelia amir
amit amy ana anders andrea andreas andrew andy angela angelo anita ann anna anne annie anthony antonio
april arthur ashley aziz barack barbara barry ben benjamin bernard beth betty bill billy bob bobby boris
brad bradley brandon brenda brian bruce bryan carl carla carlos carol caroline carolyn catherine charles
charlie charlotte cheryl chris christian christina christine christopher cindy claire claudia colin
connor craig cynthia dale dan daniel danielle danny david dean deborah debra denis dennis diana diane
diego dmitry dominic don donald donna doris dorothy doug douglas dylan ed eddie edward elena eli elizabeth
ellen emily emma emmanuel eric erik erin ethan eugene eva evan fatima felix fernando fiona frank frederick
gabriel gary george gerald gloria gordon grace graham greg gregory hamid hannah harold harry hassan heather
helen henry hillary howard hugh hussein ian igor isaac ivan jack jackie jacob jacqueline james jamie jan
jane janet jason jean jeff jeffrey jennifer jeremy jerry jessica jim jimmy joan joe joel johan john johnny
jon jonathan jordan jorge jose joseph josh joshua joyce juan judith judy julia julian julie justin karen
karl kate katherine kathleen kathy katie keith kelly ken kenneth kevin khalid kim kimberly kyle larry
laura lauren lawrence lee leo leonard lily linda lisa liz louis louise lucas lucy luis luke lynn
madison mahmoud manuel marc marco margaret maria marie marilyn mario mark martha martin mary matt matthew
maria megan melissa michael michelle miguel mike mikhail mohamed mohammad mohammed muhammad nancy natalie
nathan neil nicholas nick nicole nikolai noah norman oliver olivia omar oscar pablo pamela patricia
patrick paul paula pedro peter philip phillip pierre rachel ralph ramon randy raymond rebecca richard
rick rita rob robert roberto robin roger ronald rosa rose roy russell ruth ryan sally sam samantha samuel
sandra sara sarah scott sean sergei sergey sharon shirley simon sophia sophie stanley stephanie stephen
steve steven susan suzanne tamara tanya teresa terry thomas tim timothy tina todd tom tommy tony tracy
travis tyler valerie vanessa victor victoria vincent virginia vladimir walter wang wayne wendy william
willie yasmin yusuf zachary
akbar akhtar amal amina ayesha bilal farah farid habib hamza hana hani hasan hussain
ibrahim imran jamal karim khaled layla leila mahmood malik mariam mohsen mona mustafa nabil nadia
nasser noor omar osama rashid reza saeed salem salman sami samir sara tariq yasser youssef zaid zainab
akio hiroshi kenji koji makoto naoko shinzo taro yoshihide yuki yukio yoko fumio
chen hua jiang li liu wei xi zhang zhou jun ming hong ying yi hsieh tsai
jae-in kim lee choi
""")

#: Lower-case nouns that make the name right before them a place's: "Kaupokonui district", "the
#: Amazon rainforest" (evidence for a guessed name; a note's name there is not the note's).
PLACE_NOUNS_AFTER = frozenset("""province county prefecture district island islands river valley region village
rainforest basin delta estuary jungle forest""".split())

#: Words for a vehicle or a product before its name: "the cruise ship Freewinds", "the browser Chrome".
THING_NOUNS = frozenset("""ship vessel yacht boat ferry schooner trawler freighter tanker submarine warship carrier
frigate destroyer shuttle spacecraft spaceship rocket probe satellite orbiter lander rover aircraft airliner jet
helicopter drone locomotive browser console smartphone handset headset""".split())

#: Prefixes that name a ship ("HMS Belfast", "USS Potomac") or a spacecraft ("Space Shuttle
#: Columbia"), and what they say it is.
VESSEL_PREFIXES = {"hms": "ship (Royal Navy)", "uss": "ship (US Navy)", "usns": "ship (US Navy)",
                   "hmc": "ship (UK Border Force or customs)", "hmas": "ship (Royal Australian Navy)",
                   "hmcs": "ship (Royal Canadian Navy)", "hmnzs": "ship (Royal New Zealand Navy)",
                   "rms": "ship (a Royal Mail ship)", "ins": "ship (Indian Navy)",
                   "space shuttle": "space shuttle orbiter"}


def vessel_kind(words: list[str]) -> str | None:
    """What a name's first words say it is when they are a ship's or a spacecraft's prefix
    ("USS Potomac": a prefix in capitals; "Space Shuttle Columbia"), else None."""
    if len(words) < 2:
        return None
    if f"{words[0]} {words[1]}".casefold() in VESSEL_PREFIXES:
        return VESSEL_PREFIXES[f"{words[0]} {words[1]}".casefold()]
    return VESSEL_PREFIXES.get(words[0].casefold()) if words[0].isupper() else None

#: A work's year in brackets after its title, the year as group 1: "Chasing Liberty (2004)" (a
#: person's years say "born", "b.", "m." or give two dates).
WORK_YEAR = re.compile(r" ?\(((?:1[5-9]|20)\d\d)\)")


#: Words of sport (a story that uses one speaks of sport: a plural that plays is a team).
SPORT_WORDS = frozenset("""game games season seasons coach scored score points goal goals match league playoff
playoffs innings inning quarterback pitcher striker goalkeeper midfielder halftime half-time overtime touchdown
basket rebounds roster stadium rookie ballpark batting""".split())
#: The words of a football or cricket match report (stricter: ``teams.is_match_report`` wants several).
MATCH_REPORT_WORDS = frozenset("""goalkeeper striker midfielder penalty kick-off kickoff scored equaliser equalizer
halftime half-time match coach referee semi-final quarter-final innings wicket touchdown""".split())


def singular(word: str) -> str:
    """ "writers" → "writer", "deputies" → "deputy", "actresses" → "actress"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes")):
        return word[:-2]
    return word[:-1]
