"""A parsed raw story -> the Markdown file ingest writes for it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from digest import frontmatter
from digest.ingest.classify import Classifier, summarize
from digest.ingest.escape import escape_markdown
from digest.ingest.wire import DATELINE_RE, RawStory
from digest.slugs import stable_slug


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """What ingest would write for one raw file, before its final slug is known."""

    raw: str            # the raw file, relative to the site folder
    day: str            # YYYY/MM/DD, from the story's date
    slug: str           # wanted slug; `-2`, `-3` are added on collision
    sort_key: str       # deterministic order among stories of one day
    fields: tuple[tuple[str, object], ...]
    body: str
    wanted_text: bytes  # the file as written under the wanted slug (made where the work is parallel)

    def text(self, slug: str) -> bytes:
        if slug == self.slug:
            return self.wanted_text
        fields = [(k, slug if k == "slug" else v) for k, v in self.fields]
        return frontmatter.dump(fields, self.body).encode("utf-8")

    def relpath(self, slug: str) -> str:
        year, month, day = self.day.split("/")
        return f"{year}/{month}/{day}-{slug}.md"


def draft(story: RawStory, raw: str, classifier: Classifier) -> ArticleDraft:
    """Classify the story and lay out its front matter and escaped body."""
    lede = DATELINE_RE.sub("", story.paragraphs[0], count=1) if story.dateline else story.paragraphs[0]
    body_text = "\n\n".join(story.paragraphs)
    slug = stable_slug(story.title, "story")
    fields: list[tuple[str, object]] = [("title", story.title), ("date", story.date)]
    if story.updated:
        fields.append(("updated", story.updated))
    fields += [("authors", list(story.authors)), ("source", story.source)]
    if story.dateline:
        fields.append(("dateline", story.dateline))
    fields += [
        ("topic", classifier.topic(story.title, body_text)),
        ("tags", classifier.tags(story.title, story.paragraphs, [story.dateline, story.source, *story.authors])),
        ("summary", summarize(lede)),
        ("slug", slug),
        ("raw", raw),
        ("credits", list(story.credits)),
        ("draft", False),
    ]
    body = "\n\n".join(escape_markdown(p) for p in story.paragraphs)
    return ArticleDraft(raw, story.date.strftime("%Y/%m/%d"), slug,
                        story.date.astimezone(dt.timezone.utc).isoformat() + " " + raw, tuple(fields), body,
                        frontmatter.dump(fields, body).encode("utf-8"))
