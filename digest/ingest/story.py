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
    wanted_text: bytes  # the file under the wanted slug: made in the workers, the only bulk sent back

    def text(self, slug: str) -> bytes:
        """The file under `slug`: the `slug:` line is the only one that changes."""
        if slug == self.slug:
            return self.wanted_text
        old, new = (f"\nslug: {frontmatter.value(s)}\n".encode() for s in (self.slug, slug))
        assert old in self.wanted_text  # dump() writes every field on its own line
        return self.wanted_text.replace(old, new, 1)

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
                        story.date.astimezone(dt.timezone.utc).isoformat() + " " + raw,
                        frontmatter.dump(fields, body).encode("utf-8"))
