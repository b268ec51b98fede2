"""Benchmark inputs, made at run time and never committed.

- A scale corpus of article files cut from ANERcorp (real Arabic newswire, read from
  ``../shared/data/anercorp/``): runs of consecutive sentences the size of the seed articles,
  a headline line first, paragraphs of two to four sentences.
- Articles of a named corpus (``corpus_files``): those cut from ANERcorp, real ANT articles
  drawn from ``../shared/data/ant/`` (words recur across them as in a real archive; sentences
  hardly ever), or the seeds and ``../shared/eval/dev2``.
- A dump shaped like a grown Isnad graph: typed entities with Arabic and English labels, an
  Arabic alternative label, affiliations, locations and dates, ten triples per entity.
"""

from __future__ import annotations

import random
from pathlib import Path

from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.model import ENTITY_TYPES
from kg.rdf import ISNAD, RES
from kg.tagger import join_tokens

ROOT = Path(__file__).resolve().parent.parent
ANERCORP = ROOT.parent / "shared" / "data" / "anercorp"
SEEDS = ROOT / "seeds"
DEV2 = ROOT.parent / "shared" / "eval" / "dev2"
#: The corpora ``corpus_files`` writes.
CORPORA = ("anercorp", "ant", "eval")

#: Triples per entity in ``write_dump``.
TRIPLES_PER_ENTITY = 10


def anercorp_sentences(files: tuple[str, ...] = ("train.txt", "test.txt")) -> list[tuple[str, list[tuple[str, str]]]]:
    """ANERcorp as (sentence text, [(token, tag)...]) in corpus order, from ``files``.

    Raises:
        FileNotFoundError: the corpus is not next to the repository.
    """
    sentences, tokens = [], []
    for name in files:
        for line in (ANERCORP / name).read_text(encoding="utf-8").splitlines():
            token, _, tag = line.rpartition(" ")
            if not token:
                continue
            tokens.append((token, tag))
            if token == ".":
                sentences.append((join_tokens(t for t, _ in tokens)[0], tokens))
                tokens = []
    return sentences


def write_corpus(folder: Path, count: int, seed: int = 1) -> int:
    """Write ``count`` article files of seed size cut from ANERcorp into ``folder``.

    Article *i* starts at an evenly spaced sentence and runs until it reaches the size of a
    seed article picked at random, so neighbouring articles share some sentences once the
    corpus is used up, but no two files are the same.

    Returns:
        The total size of the files in bytes.
    """
    rng = random.Random(seed)
    sentences = [text for text, _ in anercorp_sentences()]
    sizes = [len(p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(count):
        position = index * len(sentences) // count
        target = rng.choice(sizes)
        paragraphs, paragraph, size = [], [], 0
        while size < target:
            sentence = sentences[position % len(sentences)]
            position += 1
            paragraph.append(sentence)
            size += len(sentence.encode("utf-8")) + 1
            if len(paragraph) >= rng.randint(2, 4):
                paragraphs.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            paragraphs.append(" ".join(paragraph))
        headline = " ".join(paragraphs[0].split()[:12])
        data = (headline + "\n\n" + "\n\n".join(paragraphs) + "\n").encode("utf-8")
        (folder / f"{index:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def corpus_files(name: str, count: int, folder: Path, seed: int = 17) -> list[Path]:
    """The article files of corpus ``name`` (``CORPORA``), in order: ``count`` articles written
    into ``folder`` (``anercorp``: cut by ``write_corpus``; ``ant``: drawn at random from the
    ANT corpus, as ``benchmarks.ant_articles`` writes them), or for ``eval`` the seeds and
    dev2 as they are (``count`` is not read).

    Raises:
        FileNotFoundError: the shared corpus is missing.
    """
    if name == "eval":
        return sorted(SEEDS.glob("*.txt")) + sorted(DEV2.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    if name == "ant":
        from benchmarks import ant_articles

        if not ant_articles.CORPUS.is_file():
            raise FileNotFoundError(f"{ant_articles.CORPUS}: no such file (the shared ANT corpus).")
        for index, record in enumerate(random.Random(seed).sample(ant_articles.records(), count)):
            (folder / f"{index:05d}.txt").write_text(ant_articles.article_text(record), encoding="utf-8")
    else:
        write_corpus(folder, count, seed=seed)
    return sorted(folder.glob("*.txt"))


def _names() -> dict[str, list[str]]:
    """Real Arabic names from ANERcorp, by tag class (PERS, LOC, ORG)."""
    names: dict[str, set[str]] = {"PERS": set(), "LOC": set(), "ORG": set()}
    for _, tokens in anercorp_sentences():
        current, kind = [], None
        for token, tag in [*tokens, (".", "O")]:
            if tag.startswith("I-") and current:
                current.append(token)
                continue
            if current and kind in names:
                names[kind].add(" ".join(current))
            current, kind = ([token], tag[2:]) if tag.startswith("B-") else ([], None)
    return {kind: sorted(found) for kind, found in names.items()}


def entity_iri(index: int) -> str:
    """The IRI of dump entity ``index`` (its type cycles through the contract's types)."""
    kind = ENTITY_TYPES[index % len(ENTITY_TYPES)].lower()
    return f"{RES}{kind}/bench-{index}"


def write_dump(path: Path, entities: int, seed: int = 1) -> int:
    """Write an N-Triples dump of ``entities`` entities, ``TRIPLES_PER_ENTITY`` triples each.

    Returns:
        The number of triples written.
    """
    rng = random.Random(seed)
    names = _names()
    pools = {"Person": names["PERS"], "Place": names["LOC"], "Country": names["LOC"]}
    label, alt, typ = f"<{RDFS.label}>", f"<{SKOS.altLabel}>", f"<{RDF.type}>"
    affiliation, location, participant = (f"<{ISNAD[p]}>" for p in ("affiliation", "location", "participant"))
    start, role = f"<{ISNAD.startDate}>", f"<{ISNAD.role}>"
    date_type = f"<{XSD.date}>"
    with path.open("w", encoding="utf-8") as out:
        for index in range(entities):
            kind = ENTITY_TYPES[index % len(ENTITY_TYPES)]
            node = f"<{entity_iri(index)}>"
            pool = pools.get(kind, names["ORG"])
            arabic = rng.choice(pool)
            out.write(
                f"{node} {typ} <{ISNAD[kind]}> .\n"
                f'{node} {label} "{arabic}"@ar .\n'
                f'{node} {label} "{kind} {index}"@en .\n'
                f'{node} {alt} "{arabic} {rng.choice(pool)}"@ar .\n'
                f'{node} {role} "{rng.choice(names["ORG"])}"@ar .\n'
                f"{node} {affiliation} <{entity_iri(rng.randrange(entities))}> .\n"
                f"{node} {affiliation} <{entity_iri(rng.randrange(entities))}> .\n"
                f"{node} {location} <{entity_iri(rng.randrange(entities))}> .\n"
                f"{node} {participant} <{entity_iri(rng.randrange(entities))}> .\n"
                f'{node} {start} "20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"^^{date_type} .\n'
            )
    return entities * TRIPLES_PER_ENTITY


def two_hop_query(index: int) -> str:
    """A 2-hop query with a FILTER from one dump entity: its affiliations' locations, Arabic names.

    Written with full IRIs so that every engine gets the same text.
    """
    return (
        "SELECT ?org ?place ?name WHERE { "
        f"<{entity_iri(index)}> <{ISNAD.affiliation}> ?org . ?org <{ISNAD.location}> ?place . "
        f'?place <{RDFS.label}> ?name FILTER(lang(?name) = "ar") }}'
    )


#: The simple SELECT every endpoint answers in the throughput test.
SIMPLE_SELECT = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 10"
