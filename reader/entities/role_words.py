"""The words that name what a person or a body is: occupations and offices, bodies' kinds,
titles of address, and the words a role may not start with. Shared by the role shapes
(``roles``, ``role_shapes``); plain data and one test, no rules of where a role stands."""

from __future__ import annotations

from reader.entities.wordlists import ROLES, is_role

#: Occupations and offices beyond the recogniser's role words (which are mostly titles).
OCCUPATIONS = frozenset("""
sculptor painter poet novelist composer musician pianist violinist guitarist drummer conductor
mathematician physicist chemist biologist economist historian philosopher engineer architect
inventor explorer astronomer botanist geologist linguist psychologist sociologist surgeon physician
nurse pharmacist dentist farmer merchant banker entrepreneur businessman businesswoman investor
designer photographer filmmaker director screenwriter playwright dramatist comedian dancer
choreographer athlete footballer cricketer boxer swimmer cyclist runner golfer jockey
soldier general officer pilot astronaut sailor navigator missionary priest monk nun saint
chief ruler monarch emperor king queen prince princess regent tsar shah pharaoh caliph
statesman stateswoman diplomat politician lawmaker activist campaigner organiser organizer
founder owner publisher broadcaster commentator critic curator librarian archivist scholar
academic lecturer professor teacher student researcher scientist doctor lawyer judge
spokesperson spokesman spokeswoman minister secretary president chairman chairwoman chair
director manager executive official administrator governor mayor senator congressman
representative ambassador envoy consul commissioner inspector detective constable sheriff
coach captain striker midfielder defender goalkeeper player singer songwriter rapper actor
actress presenter host anchor reporter journalist correspondent editor columnist writer author
blogger analyst consultant adviser advisor aide assistant deputy head leader member candidate
volunteer worker employee technician mechanic electrician carpenter builder miner fisherman
chef cook baker waiter driver guide translator interpreter clerk cashier accountant auditor
brother sister son daughter wife husband father mother cousin uncle aunt nephew niece grandson
granddaughter grandfather grandmother widow widower friend partner colleague rival opponent mentor
pupil apprentice star co-star successor instructor skipper referee umpire tutor trainer manager fellow
economist ceo chief-executive owner-operator photographer artist illustrator cartoonist pastor predecessor heir fiance fiancee girlfriend boyfriend spouse
laureate winner champion victim suspect defendant plaintiff witness survivor refugee hostage prisoner inmate
patient resident veteran guest celebrity co-star protester demonstrator
woman man citizen native fan mom dad child baby toddler infant teenager
earl baron baroness tsarevna archduke archduchess infanta marquis marquess viscount viscountess countess duke duchess god goddess deity
teammate classmate coauthor co-author collaborator cosplayer prophet restaurateur youtuber
nominee appointee interviewee trainee inductee retiree detainee honoree draftee
counsel character pitcher catcher infielder outfielder baseman shortstop quarterback linebacker halfback fullback
winger batsman wicketkeeper goalie goaltender
democrat republican nonpartisan
""".split())
"""The last line: what news stories call people in their story ("victim Sherri Papini",
"the suspect, John Roe", "a transgender woman"): not occupations, but what the reader
needs to place them. Then
who a person is to another ("his Rice teammate"), players' positions, party membership."""

#: What a body is: "an American esports team", "the ruling party".
BODY_WORDS = frozenset("""team company party group agency organisation organization firm club union ministry
charity band newspaper network university college school institute council committee corporation
bank court movement alliance coalition association federation league broadcaster publisher startup
manufacturer retailer airline carrier regulator watchdog body department authority magazine journal paper
newspaper tabloid website site channel station brand chain label studio outlet publication think-tank
nonprofit brokerage insurer supermarket carmaker automaker operator platform app service provider
orchestra choir""".split())

#: More kinds of body an apposition may name ("Coresight Research, a retail consultancy"; "XVim,
#: an experimental plugin"): only for what follows a body's name, where the story says what it
#: is; not for the recogniser, which reads ``BODY_WORDS`` as evidence of a name.
APPOSITION_BODY_KINDS = BODY_WORDS | frozenset("""consultancy laboratory lab hospital clinic museum gallery
foundation fund trust society institution academy commission bureau office tribunal assembly parliament
caucus lobby faction militia army police exchange cooperative co-op collective consortium venture utility
refiner miner builder wholesaler grocer franchise restaurant cafe café hotel store shop bakery pub brewery
winery distillery theatre theater zoo library church mosque temple monastery tribe clan daily weekly
broadsheet newswire newsletter blog podcast portal forum marketplace plugin framework toolkit extension
ensemble troupe duo trio quartet syndicate cartel gang tank subsidiary affiliate unit division
conglomerate maker producer developer distributor supplier contractor lender investor""".split())

#: Titles of address: they mark a person but say nothing of what the person does.
HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady madam rev prof".split())

_ROLE_ENDINGS = ("ist", "ian", "ologist", "eer", "ster", "smith", "wright", "iste", "ista")
"""(-iste and -ista: the -ist of French, Italian, Spanish and Portuguese, "l'écologiste", "o jornalista".)"""
_NOT_ROLES_BY_ENDING = frozenset("""resist insist assist persist consist desist subsist register monster cluster
bolster sinister roster oyster toaster blister lobster hamster holster canister semester sequester filibuster
muster disaster plaster career veneer median meridian
liste piste triste existe insiste resiste assiste consiste persiste subsiste desiste
lista pista vista revista entrevista conquista arista autopista insista resista assista consista persista
esista desista exista""".split())
"""Verbs and things with a role's ending: "declared his intention to resist Obama" gave Obama the role "resist"."""

NOT_ROLE_START = frozenset("""who whom whose which that said says told and or but as at in on of for from with
when where while after before because if since than then so to by its his her their our my your
is was were are has have had became becomes will would
except including especially despite unlike like he she it they we i you though although unless whereas
during under amid amidst among between against about across behind beyond through throughout toward towards
within without upon into onto around near following via
""".split())

def job_nouns() -> frozenset[str]:
    """Faker's English job nouns ("broker", "paramedic"), from the knowledge cache."""
    global _JOB_NOUNS
    if _JOB_NOUNS is None:
        from reader.entities.knowledge import shared_knowledge  # noqa: PLC0415 - read once, on first use

        _JOB_NOUNS = shared_knowledge().job_nouns
    return _JOB_NOUNS

_JOB_NOUNS: frozenset[str] | None = None

def is_role_word(word: str) -> bool:
    """True for a word that names an office or occupation ("spokesperson", "sculptor",
    "Attorney-General", "paramedic")."""
    folded = word.casefold().strip(".’'")
    if folded in HONORIFICS:
        return False
    if folded in ROLES or folded in OCCUPATIONS or is_role(folded) or folded in job_nouns():
        return True
    plurals = (folded[:-1], folded[:-3] + "y") + ((folded[:-2],) if folded.endswith(("sses", "ches", "shes", "xes")) else ())
    for singular in plurals if folded.endswith("s") else ():
        if singular in OCCUPATIONS or singular in ROLES or singular in job_nouns():  # "actresses", "deputies"
            return True
    if "-" in folded.strip("-") and is_role_word(word.rsplit("-", 1)[1]):
        return True  # "singer-songwriter", "actor-director"
    return len(folded) > 5 and word[:1].islower() and folded.isalpha() and folded.endswith(_ROLE_ENDINGS) \
        and folded not in _NOT_ROLES_BY_ENDING


#: Title words that may stand before a role without being a name ("Foreign Minister", "press secretary").
TITLE_MODIFIERS = frozenset("""
foreign defence defense interior home finance health education trade justice economy economic environment
energy transport agriculture labour labor culture security intelligence information communications press
former acting senior junior assistant associate managing executive deputy vice chief general first
state federal national regional local supreme grand principal opposition party military affairs division
prime lead head then current incoming outgoing minority majority high district circuit magistrate appellate""".split())
ROLE_MODIFIERS = frozenset("""former acting deputy vice press security foreign defence defense interior finance health
education trade justice energy transport intelligence communications senior junior assistant associate managing
executive chief""".split())
"""The lower-case ``TITLE_MODIFIERS`` a role written before a name runs on through ("former
security chief", "press secretary"); not "first" or "local", which describe the person."""
