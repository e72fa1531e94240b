"""Topics that learn from the curator: the site's own stories, filed under the topics the
curator set or kept, train a naive Bayes model that votes with the keywords.

The model is word counts per topic, kept as JSON in .digest/topic-model.json (data only:
nothing read back runs code) with the fingerprint of the stories it was trained on; it is
trained again only when those change, and only when a raw file needs filing.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from digest.errors import Problem
from digest.state import TOPIC_MODEL, ignored, write_atomic

MIN_EXAMPLES = 100         # stories the curator filed, all topics together, before the model votes
MIN_PER_TOPIC = 3          # a topic with fewer examples gets no vote
MODEL_VERSION = 1
# A day's new stories barely change what a big site's model knows, and training on 10,000
# stories takes about 2 s: the model is trained again when the stories grew or shrank by this share.
RETRAIN_SHARE = 0.1
_TOKEN = re.compile(r"[^\W\d_]{3,}")
_TEXT_CHARS = 3000         # the headline and the first paragraphs say what a story is about


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text[:_TEXT_CHARS].lower())


@dataclass(frozen=True, slots=True)
class TopicModel:
    """Multinomial naive Bayes over words, with add-one smoothing."""

    counts: dict[str, dict[str, int]]   # topic -> word -> count
    stories: dict[str, int]             # topic -> examples

    @classmethod
    def train(cls, examples: Iterable[tuple[str, str]]) -> TopicModel:
        counts: dict[str, dict[str, int]] = {}
        stories: dict[str, int] = {}
        for topic, text in examples:
            stories[topic] = stories.get(topic, 0) + 1
            words = counts.setdefault(topic, {})
            for word in tokens(text):
                words[word] = words.get(word, 0) + 1
        return cls(counts, stories)

    @property
    def ready(self) -> bool:
        return sum(self.stories.values()) >= MIN_EXAMPLES and \
            sum(n >= MIN_PER_TOPIC for n in self.stories.values()) >= 2

    def probabilities(self, text: str) -> dict[str, float]:
        """P(topic | words) for each topic with enough examples."""
        topics = [t for t, n in self.stories.items() if n >= MIN_PER_TOPIC]
        vocabulary = {w for t in topics for w in self.counts[t]}
        total = sum(self.stories[t] for t in topics)
        words = [w for w in tokens(text) if w in vocabulary]
        scores = {}
        for topic in topics:
            counts = self.counts[topic]
            size = sum(counts.values()) + len(vocabulary)
            scores[topic] = math.log(self.stories[topic] / total) + sum(
                math.log((counts.get(w, 0) + 1) / size) for w in words)
        top = max(scores.values(), default=0.0)
        exp = {t: math.exp(s - top) for t, s in scores.items()}
        norm = sum(exp.values()) or 1.0
        return {t: v / norm for t, v in exp.items()}

    def to_json(self, fingerprint: str, files: int = 0) -> str:
        return json.dumps({"version": MODEL_VERSION, "fingerprint": fingerprint, "files": files,
                           "counts": self.counts, "stories": self.stories}, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str, fingerprint: str, files: int = -1) -> TopicModel | None:
        """The model in `text` if it was trained on the stories with `fingerprint`, or on nearly
        as many stories as `files` (within RETRAIN_SHARE); None for anything else (stale,
        foreign, corrupt)."""
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.get("version") != MODEL_VERSION:
            return None
        trained_on = data.get("files")
        if data.get("fingerprint") != fingerprint and not (
                isinstance(trained_on, int) and trained_on > 0 and abs(files - trained_on) <= RETRAIN_SHARE * trained_on):
            return None
        counts, stories = data.get("counts"), data.get("stories")
        if not isinstance(counts, dict) or not isinstance(stories, dict) or set(counts) != set(stories):
            return None
        if not all(type(n) is int and n > 0 for n in stories.values()) or not all(
                isinstance(c, dict) and all(isinstance(k, str) and type(v) is int and v > 0 for k, v in c.items())
                for c in counts.values()):
            return None
        return cls(counts, stories)


def site_model(articles_dir: Path, state_dir: Path, topics: set[str], default_topic: str,
               files: list[tuple[str, int, int]], problems: list[Problem] | None = None) -> TopicModel | None:
    """The model trained on the site's stories (`files`: the Markdown files and their stats),
    from the cache when they are as it was trained on; None while there are too few. A model
    file that is no model (corrupt, foreign) is a warning in `problems`, and trained again."""
    if len(files) < MIN_EXAMPLES:
        return None
    fingerprint = hashlib.sha1("\n".join(f"{n}\0{s}\0{m}" for n, s, m in sorted(files)).encode(
        "utf-8", "surrogateescape")).hexdigest()
    path = state_dir / TOPIC_MODEL
    text: str | None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = None if not path.exists() else ""
    cached = TopicModel.from_json(text, fingerprint, len(files)) if text else None
    if text is not None and cached is None and problems is not None and not _stale_model(text):
        problems.append(ignored(path, "not a topic model this digest wrote"))
    if cached is not None:
        return cached if cached.ready else None
    model = TopicModel.train(_examples(files, topics, default_topic))
    try:
        write_atomic(path, model.to_json(fingerprint, len(files)).encode("utf-8"))
    except OSError:
        pass  # a cache that cannot be written is trained again next time
    return model if model.ready else None


def _stale_model(text: str) -> bool:
    """A model this digest wrote, for other stories or another version (no warning: retrained)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and isinstance(data.get("version"), int) and \
        (data["version"] != MODEL_VERSION or TopicModel.from_json(text, data.get("fingerprint", ""), -1) is not None)


def _examples(files: list[tuple[str, int, int]], topics: set[str], default_topic: str) -> Iterable[tuple[str, str]]:
    """(topic, headline and text) of each story filed under a real topic."""
    from digest.frontmatter import read, split

    for name, _, _ in files:
        try:
            text = Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        parts = split(text)
        if parts is None:
            continue
        meta = read(parts[0])
        if meta is None:  # front matter a curator wrote by hand: YAML reads it
            import yaml

            try:
                meta = yaml.safe_load(parts[0])
            except yaml.YAMLError:
                continue
            if not isinstance(meta, dict):
                continue
        topic = meta.get("topic")
        if isinstance(topic, str) and topic in topics and topic != default_topic:
            yield topic, f"{meta.get('title', '')}\n{parts[1]}"
