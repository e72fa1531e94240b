"""A parsed raw story -> the Markdown file ingest writes for it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from digest import frontmatter
from digest.ingest.classify import Classifier, summarize
from digest.ingest.escape import escape_markdown
from digest.ingest.families import all_source_names
from digest.ingest.grouping import Features, bag_of
from digest.ingest.names import credited_names
from digest.ingest.structure import Block
from digest.ingest.wire import RawStory
from digest.slugs import stable_slug


@dataclass(frozen=True, slots=True)
class PendingArticle:
    """What ingest would write for one raw file, before its final slug is known."""

    raw: str            # the raw file, relative to the site folder
    day: str            # YYYY/MM/DD, from the story's date
    slug: str           # wanted slug; `-2`, `-3` are added on collision
    sort_key: str       # deterministic order among stories of one day
    wanted_text: bytes  # the file under the wanted slug: made in the workers, the only bulk sent back
    own_story: str      # the story id in wanted_text: its own, kept if it reports no earlier story
    story: str          # the story it is written in: its own until grouping places it
    features: Features | None = None  # what grouping compares (None: no date to place it by)
    remarks: tuple[str, ...] = ()  # what the curator should know (a topic chosen for want of evidence)
    own_id: str = ""    # the permanent id in wanted_text: minted now
    id: str = ""        # the one it is written with: its earlier file's, when it had one
    aliases: tuple[str, ...] = ()  # the paths its earlier file was published at (see run._kept)

    def text(self, slug: str, own_story: bool = False) -> bytes:
        """The file under `slug` (in its own story: as a worker wrote it before grouping):
        the `slug:`, `id:`, `aliases:` and `story:` lines are the only ones that change."""
        text = self.wanted_text
        story = self.own_story if own_story else self.story
        for key, wanted, given in (("slug", self.slug, slug), ("id", self.own_id, self.id or self.own_id),
                                   ("aliases", [], list(self.aliases)), ("story", self.own_story, story)):
            if given != wanted:
                old, new = (f"\n{key}: {frontmatter.value(s)}\n".encode() for s in (wanted, given))
                assert old in text  # dump() writes every field on its own line
                text = text.replace(old, new, 1)
        return text

    def texts(self, slug: str) -> tuple[bytes, ...]:
        """What a run of ingest may have written for it under `slug`, grouped or not."""
        return (self.text(slug), self.text(slug, own_story=True))

    def relpath(self, slug: str) -> str:
        year, month, day = self.day.split("/")
        return f"{year}/{month}/{day}-{slug}.md"


def minted_id(base_url: str, day: dt.date, raw: str) -> str:
    """A permanent id for the article of a raw file (RFC 4151 `tag:` URI): the site's host,
    the story's first day and the raw file's name, unique in the site and readable.
    Written once, in front matter; feeds use it, so a story moved by a correction is
    never a new entry to a feed reader."""
    parts = urlsplit(base_url)
    specific = parts.path.lstrip("/") + raw.removeprefix("content/raw/")
    return f"tag:{parts.hostname or 'localhost'},{day.isoformat()}:{quote(specific, safe='/-._~')}"


def draft(story: RawStory, raw: str, classifier: Classifier, site_language: str, base_url: str) -> PendingArticle:
    """Classify the story and lay out its front matter and escaped body."""
    body_text = "\n\n".join(story.paragraphs)
    slug = stable_slug(story.title, "story")
    own_id = minted_id(base_url, story.date.date(), raw)
    own_story = f"{story.date:%Y-%m-%d}-{slug}"  # readable, and unique: no two stories of a day share a slug
    date: object = story.date if story.timed else story.date.date()
    fields: list[tuple[str, object]] = [("title", story.title), ("date", date)]
    if story.updated:
        fields.append(("updated", story.updated if story.updated_timed else story.updated.date()))
    fields += [("authors", list(story.authors)), ("source", story.source)]
    if story.dateline:
        fields.append(("dateline", story.dateline))
    # never tags: the people and outlets who wrote it, and where it was filed from
    not_tags = [story.dateline, story.source, *story.authors, *all_source_names(), *credited_names(story.credits),
                *story.credited]
    language = story.language or detect_language(story) or site_language
    topic, evidenced = classifier.filing(story.title, body_text, language, story.dateline)
    tags = classifier.tags(story.title, story.paragraphs, not_tags, language, story.dateline)
    fields += [
        ("topic", topic),
        ("tags", tags),
        ("summary", summarize(story.lede)),
        ("slug", slug),
        ("raw", raw),
        ("language", language),
        ("notes", list(story.notes)),
        ("credits", list(story.credits)),
        ("id", own_id),
        ("aliases", []),
        ("story", own_story),
        ("draft", False),
    ]
    body = "\n\n".join(markdown(block) for block in story.blocks)
    remarks = () if evidenced or topic != classifier.default_topic else (
        f"no topic's keywords say enough about it; filed under {topic}",)
    # what grouping compares, from the fields as written (features_of reads the same from the file)
    noon = dt.datetime.combine(story.date.date(), dt.time(12), tzinfo=story.date.tzinfo)
    features = bag_of((story.date if story.timed else noon).timestamp(), language, story.title, body, tags,
                      story.dateline)
    return PendingArticle(raw, story.date.strftime("%Y/%m/%d"), slug,
                          story.date.astimezone(dt.UTC).isoformat() + " " + raw,
                          frontmatter.dump(fields, body).encode("utf-8"), own_story, own_story, features, remarks,
                          own_id, own_id)


def markdown(block: Block) -> str:
    """One block as Markdown that shows its words exactly as written."""
    if block.kind == "list":
        return "\n".join("- " + escape_markdown(item) for item in block.items)
    if block.kind == "quote":
        quote = escape_markdown(block.text).replace("\n", "\n> ")
        return f"> {quote}\n>\n> {escape_markdown(block.attribution)}"
    if block.kind == "subhead":  # every `#` escaped: a closing `#` sequence would be dropped
        text = escape_markdown(block.text)
        return "## " + (text[:2] + text[2:].replace("#", "\\#") if text.startswith("\\#") else text.replace("#", "\\#"))
    if block.kind == "separator":
        return "* * *"
    return escape_markdown(block.text)


def detect_language(story: RawStory) -> str | None:
    """The language of copy whose shape does not say, when a detector is sure of it."""
    from digest.ingest.language import detect

    return detect(story.title + "\n" + "\n".join(story.paragraphs[:6]))
