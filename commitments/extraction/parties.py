"""Whether a phrase can name the party that made a commitment.

A speaker is someone who can undertake something: a person, a body, a role ("the minister", "the
company", "officials"). The subject of a sentence often is not ("The comment period will remain
open", "The closure of the plant will cost 115 jobs", "Shortly there will be a Statement"), and a
phrase cut from a sentence may hold no name at all ("Okay. On Monday", "of Atlantis", "the
parties seek to"). Such a phrase is no speaker: the commitment then belongs to the document's own
voice (:mod:`.voice`), or to nobody we can name.

The word lists are English grammar (function words, time words) and the heads of nouns that name
things, events and periods, not parties; none is taken from a particular document.
"""

from __future__ import annotations

import functools
import re

__all__ = ["is_party"]

_FUNCTION_WORDS = frozenset(
    """a an the this that these those of in on at by for from with to into onto over under after
    before during until since about as than then there here when where while who whom whose which
    what why how if unless because although though so and or but nor yet also however meanwhile
    moreover furthermore therefore thus hence okay ok yes no well now today tonight tomorrow
    yesterday shortly soon later earlier currently recently finally first next last again already
    still just only even proposed written according said says saying told asked added noted it its
    is are was were be been being has have had do does did will would shall should can could may
    might must not seek seeks sought skip menu share print search home navigation close show
    expand results""".split()
)
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december week weekend month year morning afternoon
    evening night day days weeks months years""".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty hundred".split()
)
_THINGS = frozenset(
    """period periods rule rules regulation regulations meeting meetings briefing briefings
    conference hearing hearings session sessions debate debates reading flight flights launch
    mission shuttle census closure closures reception dinner ceremony event events summit visit
    trip tour facility facilities plant plants factory site building project projects programme
    program programs scheme schemes plan plans policy policies report reports review reviews
    consultation consultations bill bills act acts law laws order orders amendment amendments
    proposal proposals application applications deal deals merger mergers acquisition sale
    transaction production operations operation service services system systems process
    procedure procedures schedule timetable deadline deadlines date dates vote votes election
    elections result results decision decisions judgment judgement sentence sentencing trial
    appeal case cases matter issue issues statement statements announcement letter letters
    document documents guidance data information figures price prices cost costs funding fund
    payment payments budget money tax taxes rate rates work works construction road roads
    railway line lines bridge station network scheme portal website site page product products
    storm hurricane weather rain game games match matches season race talks negotiations share
    shares stock stocks dividend dividends bond bonds notes offering trading motion motions notice
    notices""".split()
)
_NAMED_THINGS = frozenset(
    """period rule meeting briefing conference hearing session debate reading flight
    launch mission census closure reception dinner ceremony summit visit trip tour report review
    consultation bill act amendment proposal statement announcement storm hurricane remarks
    releases""".split()
)
"""Heads that end a capitalised name of a thing, not of a party ("Press Briefing"); surnames
and bodies ("Price", "International Monetary Fund") end others."""
_THING_NAMES = frozenset(
    """shuttle spacecraft rocket satellite hurricane storm typhoon cyclone tornado flight mission
    operation project programme program bill act""".split()
)
"""Words that make a capitalised name the name of a thing ("Shuttle Discovery", "Tropical Storm
Adrian", "Operation Sea Lion")."""
_LAST_ONLY = frozenset({"bill", "act"})
"""Thing words that end a thing's name ("Finance Bill", "Clean Air Act") but may start a
person's ("Bill Clinton")."""
_PARTY_NOUNS = frozenset(
    """government ministry department agency council committee commission board court tribunal
    company firm group bank airline carrier retailer regulator union club team manufacturer maker
    lender insurer operator authority authorities administration office bureau service police
    army military navy force forces parliament assembly senate congress house chamber cabinet
    party parties coalition alliance organisation organization association federation society
    institute university school college hospital trust foundation charity fund network
    consortium partnership venture utility county city state province region district
    municipality town village mayor minister secretary president chairman chairwoman chair chief
    head spokesman spokeswoman spokesperson spokespeople official officials officer officers
    leader leadership premier governor senator judge justice prosecutor prosecution attorney
    lawyer counsel defendant plaintiff petitioner respondent applicant claimant employer workers
    staff member members management executive owner shareholder investor buyer seller landlord
    tenant contractor developer builder supplier provider publisher broadcaster station
    newspaper sources aides diplomat envoy ambassador delegation negotiator rebels troops
    militants protesters residents campaigners activists citizens voters players coach captain
    king queen prince princess crown embassy consulate mission secretariat presidency
    directorate inspectorate commissioner ombudsman clerk registrar treasury exchequer firm
    business businesses corporation conglomerate subsidiary unit division agencies governments
    ministries departments councils committees companies banks airlines unions clubs teams
    states countries country nation nations people family families couple pair duo trio side
    lawmakers legislators legislature assembly council junta regime administration staff crew
    commander general admiral colonel captain sheriff marshal warden mayoralty militia militias
    watchdog panel jury opposition campaign movement inquiry palace""".split()
)
"""The heads of lower-case noun phrases that name parties ("the county", "the lender"); a
phrase with another lower-case head ("the database", "the remarks") names a thing. Nouns for
agents ("the regulator", "the organiser", "the applicant") are told by their endings."""
_AGENT = re.compile(r"(?:er|or|ist|ian|ant|ent|ee)s?$")
_NOT_AGENT = re.compile(
    r"(?:ments?|ever|over|under|after|ther|ster|ber|ower|ater|aper|etter|enter|apter|arter|order"
    r"|orner|iver|atter|ummer|inter)$"
)
_COMMON_SHAPE = re.compile(r"(?:ses|ces|ions|ments?|ed|ing|ness|ity|ities|als|ives)$")
"""How a capitalised word that only starts a sentence ("Responses", "Proposed") looks: a
name of a party rarely ends so."""
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@functools.lru_cache(maxsize=4096)
def is_party(phrase: str) -> bool:
    """Whether ``phrase`` can name a party that undertakes something."""
    words = _WORD.findall(phrase)
    if not words or "." in phrase.rstrip(".").split(" ", 1)[0][1:-1]:
        return bool(words) and _ok(words)
    return _ok(words)


def _ok(words: list[str]) -> bool:
    first, last = words[0].casefold(), words[-1].casefold()
    if first in _TIME_WORDS or first in _NUMBER_WORDS:
        return False
    if (
        first in _FUNCTION_WORDS
        and first not in ("the", "a", "an", "this", "its")
        and not (
            first == "will" and len(words) > 1 and words[0][0] == "W" and words[1][0].isupper()
        )
    ):
        return False  # (but "Will Smith" is a name)
    named = len(words) > 1 and words[-1][:1].isupper() and words[-2][:1].isupper()
    if not named and (last in _FUNCTION_WORDS or last in _TIME_WORDS):
        return False  # (a capitalised last name may be a word too: "Theresa May", "Nick Will")
    if len(words) > 1 and any(
        w.casefold() in _THING_NAMES and (i == len(words) - 1 or w.casefold() not in _LAST_ONLY)
        for i, w in enumerate(words)
        if w[:1].isupper()
    ):
        return False  # ("Finance Bill", "Shuttle Discovery"; not "Bill Clinton")
    # A capitalised head is a name ("Price", "Monetary Fund") unless it is one word, which may be
    # capitalised only because it starts a sentence ("Production is expected to cease").
    # (a heading in capitals is read as lower-case words: "ORDER AND ORDER", "NOTICE OF MOTION")
    capitals = all(w.isupper() for w in words)
    things = (
        _NAMED_THINGS if words[-1][:1].isupper() and len(words) > 1 and not capitals else _THINGS
    )
    if last in things or last.removesuffix("s") in things:
        return False
    if words[-1][:1].islower() or (len(words) == 1 and _COMMON_SHAPE.search(first)):
        return _party_noun(last)
    return True


def _party_noun(word: str) -> bool:
    if word in _PARTY_NOUNS or word.removesuffix("s") in _PARTY_NOUNS:
        return True
    return bool(_AGENT.search(word)) and not _NOT_AGENT.search(word)
