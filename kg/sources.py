"""Reading article files: find them, decode them, turn HTML and Markdown into plain text.

Arabic archives come in UTF-8 and in Windows-1256; pages come as HTML. Everything past this
module sees plain ``str`` text. A file that cannot be an article (missing, empty, binary,
undecodable) raises ``InputError`` with one line saying which and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from kg.errors import InputError

#: File endings read as articles when a folder is given.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md")

#: Elements whose text is never article text: code, navigation, forms, and what a page sets beside
#: the story (``aside``: related links, teasers) or under its pictures (``figcaption``: captions).
_SKIPPED_TAGS = {
    "script", "style", "noscript", "template", "svg", "head", "nav", "footer", "form", "iframe", "aside", "figcaption",
}
#: Elements that end a line of text.
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "blockquote", "figure", "pre", "hr", "title", "main",
}

#: Signatures that open binary files (image, document, archive, executable), as (bytes, kind):
#: such a file is refused even when what follows its signature would decode as text.
_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP, WAV or AVI)"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX, XLSX, ODT or EPUB)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an ELF executable"),
)

# Characters that never occur in text files: C0 controls but tab, newline, carriage return, form feed.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
# Link text and targets are bounded and stay on one line, so an unclosed "[" or "](" costs a
# bounded look-ahead instead of a rescan to the end of the text (quadratic on "[a](" * 100k).
_MD_IMAGE_RE = re.compile(r"!\[([^[\]\n]{0,300})\]\([^)\n]{0,300}\)")
_MD_LINK_RE = re.compile(r"\[([^[\]\n]{1,300})\]\([^)\n]{0,300}\)")
_MD_MARKUP_RE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)|[*_`]{1,3}", re.MULTILINE)
_BLANK_RUN_RE = re.compile(r"\n\s*\n\s*\n+")


@dataclass
class Source:
    """One article file, read and turned into plain text."""

    path: Path
    text: str

    @property
    def origin(self) -> str:
        """A stable IRI for where the text came from (rebuilding it replaces its graphs)."""
        return self.path.resolve().as_uri()


def find_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders into their article files (sorted); files are yielded as given."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            yield path


def decode(data: bytes, name: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else Windows-1256.

    Raises:
        InputError: the bytes are empty, binary (a NUL, control characters, or a binary file
            signature at the start), or neither encoding.
    """
    if not data.strip():
        raise InputError(f"{name}: the file is empty.")
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{name}: the file is binary (it starts with the signature of {kind}), not an article.")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: the file is binary, not an article.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError:
            raise InputError(f"{name}: the file is neither UTF-8 nor Windows-1256 text.") from None
    if len(_CONTROL_RE.findall(text[:8192])) > 8:
        raise InputError(f"{name}: the file is binary, not an article.")
    return text


class _TextExtractor:
    """An lxml parser target collecting the visible text of a page, one line per block element."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._skip_depth = 0

    def start(self, tag: str, attrib: object) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def end(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)

    def comment(self, text: str) -> None:
        """Comments are no text."""

    def close(self) -> str:
        return "".join(self.parts)


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, block elements on their own lines.

    libxml2's HTML parser (through lxml) reads malformed markup in linear time; Python's
    html.parser before 3.12.11/3.13.5 rescans every unterminated '<' (CVE-2025-6069), minutes
    for a 500 kB page of them.
    """
    parser = etree.HTMLParser(target=_TextExtractor(), recover=True, huge_tree=True, no_network=True)
    parser.feed(html)
    text = parser.close()
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def markdown_to_text(markdown: str) -> str:
    """Markdown without its markup: link and image text kept, headings and emphasis marks dropped."""
    text = _MD_IMAGE_RE.sub(r"\1", markdown)
    text = _MD_LINK_RE.sub(r"\1", text)
    return _MD_MARKUP_RE.sub("", text)


def read_source(path: Path, data: bytes | None = None) -> Source:
    """Read one article file into plain text (``data``: its bytes, when already read elsewhere).

    Raises:
        InputError: missing, unreadable, empty, binary or undecodable, or no text left.
    """
    try:
        data = path.read_bytes() if data is None else data
    except FileNotFoundError:
        raise InputError(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder with no article files.") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None
    text = decode(data, str(path))
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        text = html_to_text(text)
    elif suffix == ".md":
        text = markdown_to_text(text)
    text = _BLANK_RUN_RE.sub("\n\n", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        raise InputError(f"{path}: no text left after removing markup.")
    return Source(path=path, text=text)
