"""Read the status page back: its items, their statuses and texts, its links (html.parser only,
so what is checked is what a browser builds from the bytes)."""

from __future__ import annotations

from html.parser import HTMLParser

import attrs

_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@attrs.define
class Item:
    attrs: dict[str, str]
    text: list[str] = attrs.field(factory=list)
    """The words inside ``.item-text``."""
    links: list[tuple[str, str]] = attrs.field(factory=list)
    """(class, href) of each link in the item."""

    @property
    def words(self) -> str:
        return " ".join("".join(self.text).split())


class PageReader(HTMLParser):
    """Items (``li.item``), every tag and attribute, and the text of the whole page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[Item] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self._stack: list[str] = []
        self._item_depth: int | None = None
        self._text_depth: int | None = None

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attributes}
        self.tags.append((tag, found))
        classes = found.get("class", "").split()
        if tag in _VOID:
            return
        self._stack.append(tag)
        depth = len(self._stack)
        if tag == "li" and "item" in classes:
            self.items.append(Item(attrs=found))
            self._item_depth = depth
        elif self._item_depth is not None and "item-text" in classes:
            self._text_depth = depth
        if tag == "a" and self._item_depth is not None:
            self.items[-1].links.append((found.get("class", ""), found.get("href", "")))

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {key: value or "" for key, value in attributes}))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self._stack:
            return
        depth = len(self._stack)
        while self._stack and self._stack.pop() != tag:
            depth -= 1
        if self._text_depth is not None and depth <= self._text_depth:
            self._text_depth = None
        if self._item_depth is not None and depth <= self._item_depth:
            self._item_depth = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._text_depth is not None:
            self.items[-1].text.append(data)


def read_page(html: str) -> PageReader:
    reader = PageReader()
    reader.feed(html)
    reader.close()
    return reader


def find(reader: PageReader, words: str) -> Item:
    """The one item whose text holds ``words``."""
    (item,) = [item for item in reader.items if words in item.words]
    return item
