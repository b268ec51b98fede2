"""The statistical rules: names the tagger finds, Latin-script names, and names found before written again."""

from __future__ import annotations

from collections.abc import Iterator

from kg import clean
from kg.lexicon import LATIN_RE, WORD_RE
from kg.mentions.base import LATIN_NAME_RE, NAME_GAP_RE, Proposal, TokenView
from kg.model import Mention, Source
from kg.tagger import TYPE_OF_CLASS


class TaggerRules(TokenView):
    """What the statistical tagger finds where no rule did, Latin-script names, and names found
    before written again."""

    def match_tagged(self) -> None:
        """Names the tagger finds where no rule claimed a word (``kg.tagger``; skipped without its model)."""
        for first, last, kind in self.tagged.names if self.tagged else ():
            claimed = [i for i in range(first, last + 1) if i in self.claimed]
            if claimed and self._extend_name(first, last):
                continue
            if claimed or not self.tagged.sure_name(first, last):
                continue
            # A personal name opens with a given name (no article) and holds no function word,
            # title or head noun: what the model calls a person otherwise is a common noun.
            if kind == "PERS" and (
                self.written_definite(first) or not all(self.name_word(i) for i in range(first, last + 1))
            ):
                continue
            self.add(TYPE_OF_CLASS[kind], first, last, Source.TAGGER, self._article_clitic(first))

    def propose_latin_names(self) -> Iterator[Proposal]:
        """A lone word in Latin script amid Arabic words (قالت شبكة CNN، إعلان IBM، من Apple وDell)
        is an organisation: Arabic news writes outlets, companies and brands so, and people in
        Arabic letters. A run of Latin words (a quotation, a title, a person's name) is left alone."""

        def clitic(k: int) -> str | None:
            """The Arabic clitic of a Latin name at token k ("" for none), None when it is no such name."""
            match = LATIN_NAME_RE.fullmatch(self.text, self.tokens[k].start, self.tokens[k].end)
            return None if match is None else match.group("clitic")

        def latin(k: int) -> bool:
            return bool(LATIN_RE.match(self.tokens[k].folded))

        for i in range(len(self.tokens)):
            own = clitic(i)
            if own is None or i in self.claimed:
                continue
            before = i > 0 and self.joined(i - 1)
            after = i + 1 < len(self.tokens) and self.joined(i)
            # "Apple وDell": a clitic و starts a new name, not a run of Latin words
            in_run = (before and not own and latin(i - 1)) or (after and latin(i + 1) and not clitic(i + 1))
            if (before or after) and not in_run:
                yield Proposal("Organization", i, i, Source.LATIN, len(own))

    def _extend_name(self, first: int, last: int) -> bool:
        """Grow a name the rules found to the tagger's longer one around it ("حسين" of "صدام حسين",
        "عبدالله ... العبدالله" of "عبدالله علي العبدالله"); True when a name was grown.

        The words added are name words, or a function word the tagger is sure is part of the name
        (علي folds to على, the preposition); names the rules found in pieces become one. The
        tagger's class does not matter (the rules' title said it is a person), nor words at either
        end that another mention claimed ("سفير العراق لدى واشنطن نزار الخير الله" tagged as one place).
        """
        while first < last and self.claimed.get(first, "Person") != "Person":
            first += 1
        while last > first and self.claimed.get(last, "Person") != "Person":
            last -= 1
        inside = [
            m
            for m in self.found
            if m.type == "Person"
            and m.source in (Source.TITLE, Source.GIVEN_NAME, Source.SURNAME)
            and self.tokens[first].start <= m.start
            and m.end <= self.tokens[last].end
        ]
        if not inside:
            return False
        covered = {i for i in range(first, last + 1) for m in inside if m.start < self.tokens[i].end <= m.end}
        rest = [i for i in range(first, last + 1) if i not in covered]
        if not rest or any(i in self.claimed or not (self.name_word(i) or self._sure_name_word(i)) for i in rest):
            return False
        mention, *pieces = sorted(inside, key=lambda m: (m.source != Source.TITLE, m.start))
        for piece in pieces:
            self.found.remove(piece)
        # the grown name takes the place of the rules' one (a title's name keeps its title)
        start, end = min(mention.start, self.tokens[first].start), self.tokens[last].end
        source = Source.TITLE if mention.source == Source.TITLE else Source.TAGGER
        grown = Mention(mention.type, self.text[start:end], start, end, None, source, mention.role)
        self.found[self.found.index(mention)] = grown
        for i in rest:
            self.claimed[i] = "Person"
        return True

    def propose_recurring(self) -> Iterator[Proposal]:
        """A name found once names the same thing wherever it recurs in the article (one sense per
        discourse): every unclaimed occurrence of a person's, body's or place's name, and of a
        person's family name alone, becomes a ``recurring`` mention of its type.

        The tagger reads one sentence at a time and misses a name in a sentence that gives it no
        context ("رد عليه مكاوي"), and the rules' surnames follow only a titled name.
        """
        names: dict[tuple[str, ...], str] = {}
        for mention in self.found:
            named = mention.source in (Source.TITLE, Source.GIVEN_NAME, Source.TAGGER)
            if not named or mention.type not in TYPE_OF_CLASS.values():
                continue
            words = tuple(clean.fold(w) for w in WORD_RE.findall(mention.text))
            names.setdefault(words, mention.type)
            family = words[-1]
            if mention.type == "Person" and len(words) > 1 and len(family) > 2 and family not in self.lex.stopwords:
                names.setdefault((family,), "Person")
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, kind in sorted(names.items(), key=lambda item: -len(item[0])):
            by_first.setdefault(words[0], []).append((words, kind))
        i = 0
        while i < len(self.tokens):
            found = self._recurring_at(i, by_first)
            if found is not None:
                yield found
            i = found.last + 1 if found else i + 1

    def _recurring_at(self, i: int, by_first: dict[str, list[tuple[tuple[str, ...], str]]]) -> Proposal | None:
        """The longest known name starting at token i (``by_first``: first word -> names, longest
        first), else None."""
        if i in self.claimed:
            return None
        for skip, stem in self.tokens[i].readings:
            for words, kind in by_first.get(stem, ()):
                last = i + len(words) - 1
                if last >= len(self.tokens) or any(k in self.claimed for k in range(i + 1, last + 1)):
                    continue
                if all(
                    self.tokens[i + k].folded == words[k] and self.joined(i + k - 1, NAME_GAP_RE)
                    for k in range(1, len(words))
                ):
                    return Proposal(kind, i, last, Source.RECURRING, skip)
        return None
