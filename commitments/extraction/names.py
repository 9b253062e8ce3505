"""Names: what a name looks like, titles to strip, first names that tell a gender.

Mostly plain data, so it can be read, extended and tested on its own.
"""

from __future__ import annotations

import functools

from commitments.fastmatch.trie import alternation

__all__ = [
    "CLASSES",
    "FEMALE",
    "LEADING",
    "MALE",
    "NAME_SEQ",
    "ORG_AND",
    "ORG_HEADS",
    "PARTICLES",
    "TITLES",
    "TOKEN_TEMPLATE",
    "UPPER",
    "clean_name",
    "gender_of",
    "is_name",
]

PARTICLES = "de da van von der den al bin la le du del di dos ter of for".split()
ORG_HEADS = frozenset(
    """Administration Agency Airlines Association Authority Bank Board Bureau Centre Center
    Command Commission Committee Company Corporation Council Court Department Exchange Forces
    Foundation Fund Group Industries Institute Ministry Office Organisation Organization Party
    Railways Service Services Society Trust Tribunal Union""".split()
)
"""The last words of organisations' names ("Food and Drug Administration", "Health Department"):
an "and" between capitalised words joins them into one name only before one of these."""
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽĿŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# A capitalised name token ("Zelenskyy", "O'Brien", "Jean-Claude", "St.") or a particle inside a
# name ("Ursula von der Leyen", "Ministry of Health").
# "and" or "&" joins capitalised words into one name only when an organisation's head follows
# within three words ("Food and Drug Administration", "Securities and Exchange Commission").
_ORG_AND = (
    "(?:and|&)(?=(?:%(space)s+%(upper)s%(inner)s*){0,2}%(space)s+"
    + alternation(sorted(ORG_HEADS))
    + "(?![\\w’'-]))"
)
_PARTICLE = alternation(PARTICLES)
# a particle before a capital or before another particle and a capital ("von der Leyen")
TOKEN_TEMPLATE = (
    f"(?:%(upper)s%(inner)s*|{_PARTICLE}"
    f"(?=%(space)s+(?:%(upper)s|{_PARTICLE}%(space)s+%(upper)s))|{_ORG_AND})"
)
_NAME_TEMPLATE = f"(?:{TOKEN_TEMPLATE}%(space)s+){{0,6}}{TOKEN_TEMPLATE}"
_PLAIN = {"upper": f"[{UPPER}]", "inner": r"[\w'’.&-]", "space": r"\s"}
NAME_SEQ = _NAME_TEMPLATE % _PLAIN
ORG_AND = _ORG_AND % _PLAIN
LEADING = frozenset(
    """the a an but and however meanwhile also so yet still later now on in at when after
    before if while although as then thus instead separately earlier last this that there
    here on,""".split()
)

# The character classes of the name and word patterns (``%(upper)s`` …).
CLASSES = {
    "upper": f"[{UPPER}]",
    "space": r"\s",
    "wordish": r"[\w’'-]",
    "inner": r"[\w'’.&-]",
    "non_word": r"[^\w’'-]",  # what the look-behind `(?<![\w’'-])` allows before a word
}

TITLES = frozenset(
    """president vice prime minister secretary governor gov gov. mayor senator sen sen.
    representative rep rep. congressman congresswoman chancellor premier king queen prince
    princess pope coach manager chairman chairwoman chair ceo cfo coo cto chief executive
    director commissioner ambassador spokesman spokeswoman spokesperson leader speaker judge
    justice attorney general gen gen. admiral colonel col col. captain capt capt. lieutenant
    sergeant officer inspector detective superintendent councillor councilor councilman
    councilwoman alderman deputy foreign finance health defence defense interior trade economy
    energy education home treasury treasurer labour labor transport environment agriculture
    culture mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame lord lady baroness viscount
    earl miss sheikh emir
    sultan ayatollah rabbi reverend rev rev. father bishop cardinal archbishop founder
    co-founder owner analyst economist editor reporter correspondent striker midfielder
    defender goalkeeper quarterback opposition station head boss mp mep gm cio ombudsman
    envoy diplomat chairperson dean provost principal superintendent sheriff marshal
    commander commander-in-chief secretary-general president-elect cllr cllr. councillor""".split()
)
"""Words that are titles or office names, stripped from the front of a speaker's name."""

MALE_TITLES = frozenset(
    "mr mr. king prince sir lord father congressman chairman spokesman councilman".split()
)
FEMALE_TITLES = frozenset(
    "mrs mrs. ms ms. queen princess dame lady congresswoman chairwoman spokeswoman "
    "councilwoman".split()
)

FEMALE = frozenset(
    """anna ana ann anne clara maria marie mary sarah sara emma olivia sophia sophie isabella
    mia charlotte amelia harper evelyn abigail emily elizabeth ella grace chloe victoria lucy
    hannah lena rosa rose laura julia giulia elena helena helen ingrid astrid freya nora hanna
    kate katherine catherine kathryn karen susan linda barbara patricia jennifer jessica
    nicole rachel rebecca ruth margaret theresa teresa angela ursula kamala hillary nancy
    giorgia marine yuki aiko mei li priya aisha fatima leila layla amina zara nadia olga
    irina natalia tatiana svetlana yulia oksana marta agnieszka katarzyna ewa beata lisa
    alice claire chiara francesca paola carmen lucia sofia camila valentina gabriela
    martina noa maya ines jo jenny amy ellen diane denise janet joan judith kim jana ewa iveta
    elodie élodie mariam miriam sofia carla greta heidi karin birgit petra monika eva zuzana
    alena lenka dana veronika simone nathalie sandrine isabelle amelie céline celine ayesha
    sana yasmin noor samira lina dina rania hiba elif zeynep ayse aylin mei-ling xiaoming
    keiko yoko sakura hana jiwoon minji priyanka sunita anita kavya deepa lakshmi chiamaka
    ngozi amara zainab thandiwe precious grace""".split()
)
"""First names read as female when a pronoun ("she said") has to find its speaker."""

MALE = frozenset(
    """donald joe joseph vladimir volodymyr xi emmanuel olaf keir rishi boris justin narendra
    recep benjamin mark daniel david michael john james robert william richard thomas charles
    christopher matthew anthony paul steven andrew kenneth george edward brian ronald kevin
    jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott frank
    brandon raymond gregory samuel sam benjamin patrick jack dennis jerry tyler aaron adam
    henry nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger
    noah gerald carl terry sean austin arthur lawrence jesse dylan bryan bruce jordan ralph
    roy eugene russell bobby mason philip louis lucas luca marco giuseppe antonio carlos jose
    juan luis miguel pedro pablo diego javier ahmed mohammed muhammad ali omar hassan ivan
    sergei dmitry andrii andriy oleksandr piotr pawel tomasz jan lars erik nils hans klaus
    friedrich wolfgang jurgen pierre jean francois yuki hiroshi kenji takeshi ravi raj arjun
    rahul dan tom tim jim bob bill ben max leo felix oscar hugo victor viktor martin tobias
    pierre paulo jorge declan mikhail alexei nikolai andrzej krzysztof marek milan petr jiri
    stefan matthias andreas florian sebastian johannes kai sven olav magnus bjorn rui joao
    tiago rafael fernando alejandro andres mateo santiago emeka chinedu kwame kofi tunde
    yusuf ibrahim mustafa mehmet emre kemal hamid reza karim tariq bilal imran vikram suresh
    anil sanjay kenji haruto hiroki wei jun hao ming chen""".split()
) - {"yuki", "jo", "kim"}
"""First names read as male when a pronoun ("he said") has to find its speaker."""


def gender_of(name: str, titles: list[str] | None = None) -> str | None:
    """ "m", "f" or ``None`` from a name's titles or first name."""
    for title in titles or []:
        t = title.casefold()
        if t in MALE_TITLES:
            return "m"
        if t in FEMALE_TITLES:
            return "f"
    first = name.split(maxsplit=1)[0].casefold() if name.split() else ""
    if first in FEMALE:
        return "f"
    if first in MALE:
        return "m"
    return None


_CALENDAR_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight
    christmas easter""".split()
)


def is_name(name: str) -> bool:
    """Whether ``name`` can name a party: not a month, a weekday or a holiday."""
    words = name.casefold().split()
    return bool(words) and words[0] not in _CALENDAR_WORDS


def clean_name(phrase: str) -> tuple[str, list[str]]:
    """A name without leading function words and titles, and the titles removed."""
    name, titles = _cleaned(phrase)
    return name, list(titles)


@functools.lru_cache(maxsize=4096)
def _cleaned(phrase: str) -> tuple[str, tuple[str, ...]]:
    """:func:`clean_name`, kept for phrases seen again (a name is cleaned many times)."""
    words = phrase.replace("’", "'").split()
    for i, word in enumerate(words[:-1] if "." in phrase else ()):
        if (  # a sentence ended inside the phrase ("Congress. DHS", "United States. And")
            word.endswith(".")
            and "." not in word[:-1]
            and (len(word) > 4 or words[i + 1].casefold() in LEADING)
            and word.casefold() not in ("corp.", "univ.", "bros.", "assn.", "dept.")
        ):
            after = words[i + 1].casefold()
            joins = after in LEADING and after not in ("the", "a", "an", "this", "that")
            keep_before = joins or after in _CALENDAR_WORDS  # "…. And it", "…. Today the"
            words = words[: i + 1] if keep_before else words[i + 1 :]
            break
    while words and words[0].casefold().rstrip(",") in LEADING and len(words) > 1:
        words = words[1:]
    if words[-1:] and words[-1].rstrip(",.") in ORG_HEADS:  # "Health Department": no title in it
        return " ".join(words).strip(" ,.'"), ()
    titles: list[str] = []
    last_title = -1
    for i, word in enumerate(words[:-1]):
        if word.casefold() in TITLES:
            last_title = i
    if last_title >= 0:
        titles = words[: last_title + 1]
        words = words[last_title + 1 :]
    elif len(words) > 1 and words[0].casefold() in TITLES:
        titles, words = words[:1], words[1:]
    # the rest of an office's name: "Secretary of State Antony Blinken", "Chancellor of the
    # Exchequer Rachel Reeves" (a name of two words or more must remain)
    while titles and len(words) > 3 and words[0] in ("of", "for"):
        cut = 3 if words[1] == "the" else 2
        if len(words) - cut < 2 or not words[cut - 1][:1].isupper():
            break
        titles, words = titles + words[:cut], words[cut:]
    if titles and words[:1] in (["of"], ["for"]):  # an office without a name: "Secretary of State"
        titles, words = [], titles + words
    name = " ".join(words).strip(" ,.'")
    if name.endswith("'s"):
        name = name[:-2]
    return name, tuple(titles)
