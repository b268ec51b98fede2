"""Verbs written with their object pronoun attached (أجراها، يجريها): a relative clause that tells
an event made by who made it ("زيارة أجراها الوزير"). Their forms are derived by rule from the
verb lexicon's inflection, a defective verb's (final alef maqsura) spelled as before a suffix.
"""

from __future__ import annotations

from kg import resources
from kg.lexicon import affix, word_set
from kg.matcher import inflect
from kg.text import fold

#: The object pronouns a verb may carry (ها، ه، هم، هما).
_PRONOUNS = word_set("function_words", "pronoun_suffix")
#: A defective verb's final letter (أجرى), and its past before an object pronoun by the ending of
#: its past form: أجرا-ها، أجرت-ها، أجرو-ها (affixes.jsonl).
_DEFECTIVE_ENDING = next(r["pattern"] for r in resources.load("affixes") if r["label"] == "defective_ending")
_DEFECTIVE_PAST = {
    fold(r["ending"]): fold(r["pattern"]) for r in resources.load("affixes") if r["label"] == "defective_before_pronoun"
}
#: A present's plural ending (يجرون) after a defective verb's final ya is dropped (يجريون).
_PLURAL_PRESENT = affix("present_plural")
#: A past's plural ending (أجروا), whose final alef drops before a pronoun.
_PLURAL_PAST = affix("past_plural")


def carrying_object(label: str) -> frozenset[str]:
    """The folded written forms, an object pronoun attached, of the verbs of ``label`` in
    event_words: "أجراها"، "أجرتها"، "يجريها"، "سيجريها"، "أجروها". Their forms are derived by
    rule (``inflect``), a defective verb's (final alef maqsura) past and plural present spelled as
    before a suffix, and a plural's final alef dropped, as it is before a pronoun."""
    forms = set()
    for record in resources.load("event_words"):
        if record["label"] != label:
            continue
        stem = fold(record["pattern"])
        defective = record["pattern"].endswith(_DEFECTIVE_ENDING)
        for form in inflect(record):
            if defective and form.startswith(stem) and form[len(stem) :] in _DEFECTIVE_PAST:
                form = stem[:-1] + _DEFECTIVE_PAST[form[len(stem) :]]
            elif defective and form.endswith(stem[-1] + _PLURAL_PRESENT):
                form = form[: -len(_PLURAL_PRESENT) - 1] + _PLURAL_PRESENT
            form = form[:-1] if form.endswith(_PLURAL_PAST) else form
            forms |= {form + pronoun for pronoun in _PRONOUNS}
    return frozenset(forms)
