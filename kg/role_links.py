"""Which role mentions introduce which names (the resolve stage, ``kg.resolve``).

A role is its name's when the mentions stage paired them ("وزير الخارجية فؤاد حسين"), when only
titles and ranks stand between the role and a name after it, or when a comma alone stands
between a name and the role after it ("ديوك بيراك، نائب مدير القيادة ..."). A name may have two:
an honorific or title before it and a role in apposition after it ("الشيخ X، مدير مكتب ..."),
both written as his once the name is resolved.
"""

from __future__ import annotations

from collections.abc import Collection

from kg.lexicon import Lexicon
from kg.mentions import RANK_GRADES
from kg.model import Article, Mention, Source
from kg.text import fold, strip_article

#: Most words of rank between a role and its name: "رئيس أركان الجيش الفريق أول ركن عبد الأمير".
_MAX_RANK_WORDS = 3


def link_roles(
    lex: Lexicon, article: Article, mentions: list[Mention], naming: Collection[Source]
) -> dict[int, list[Mention]]:
    """Map id(name mention) -> the role mentions set around it, the one right before it
    first, and id(role) -> [role]. ``naming``: the sources of the person mentions that name."""
    links: dict[int, list[Mention]] = {}
    names = [m for m in mentions if m.type == "Person" and m.source in naming]
    for name in names:
        if name.role is not None:  # the mentions stage found the pair
            links[id(name)] = links[id(name.role)] = [name.role]
    for role in (m for m in mentions if m.source == Source.ROLE and id(m) not in links):
        after = next((n for n in names if n.start >= role.end), None)
        if after is not None and _title_gap(lex, article.text[role.end : after.start]):
            links.setdefault(id(after), []).append(role)
            links[id(role)] = [role]
            continue
        before = next((n for n in reversed(names) if n.end <= role.start), None)
        if before is not None and _comma(article.text[before.end : role.start]):
            # after "رئيس الوزراء، X،" the apposition is closed, and a role after it is the
            # verb's object: "أقال الرئيس، X، قائد الشرطة"
            if not any(_comma(article.text[held.end : before.start]) for held in links.get(id(before), ())):
                links.setdefault(id(before), []).append(role)
            links[id(role)] = [role]
    return links


def _comma(gap: str) -> bool:
    """Whether only a comma stands between two mentions."""
    return gap.strip() in ("\u060c", ",")


def _title_gap(lex: Lexicon, gap: str) -> bool:
    """Whether only titles, ranks and commas stand between a role and a name."""
    words = [fold(w).strip("\u060c,") for w in gap.split()]
    return len(words) <= _MAX_RANK_WORDS and all(
        not w or lex.titles.get(w) or lex.titles.get(strip_article(w)) or w in RANK_GRADES for w in words
    )
