"""Topics that learn from the curator: the site's own stories, filed under the topics the
curator set or kept, train a classifier that votes with the keywords.

The classifier is a logistic regression over TF-IDF word weights (scikit-learn trains it,
imported only then). What it learned is kept as JSON in .digest/topic-model.json (each
word's IDF and weight per topic: data only, nothing read back runs code) with the
fingerprint of the stories it was trained on, and applied in plain Python; it is trained
again only when those stories changed enough, and only when a raw file needs filing.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from digest.errors import Problem
from digest.state import TOPIC_MODEL, ignored, write_atomic

MIN_EXAMPLES = 100         # stories the curator filed, all topics together, before the model votes
MIN_PER_TOPIC = 3          # a topic with fewer examples gets no vote
# The newest stories only: how the curator files now says most, and a model of 20,000 stories
# trains in about 6 s where 100,000 take 24 s (reading their files is half of it).
MAX_EXAMPLES = 20_000
MODEL_VERSION = 2
# A day's new stories barely change what a big site's model knows, and training on 10,000
# stories takes seconds: the model is trained again when the stories grew or shrank by this share.
RETRAIN_SHARE = 0.1
REGULARISATION = 10.0      # scikit-learn's C: little, the words of a few hundred stories are all evidence
_DIGITS = 5                # weights kept to this many decimals (the JSON stays small; votes do not move)
_TOKEN = re.compile(r"[^\W\d_]{3,}")
_TEXT_CHARS = 3000         # the headline and the first paragraphs say what a story is about


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text[:_TEXT_CHARS].lower())


@dataclass(frozen=True, slots=True)
class TopicModel:
    """Multinomial logistic regression over sublinear TF-IDF, L2-normalised (as scikit-learn's
    TfidfVectorizer(sublinear_tf=True) and LogisticRegression compute them)."""

    stories: dict[str, int]             # topic -> examples (every topic filed, voting or not)
    topics: tuple[str, ...]             # the topics that vote, in the order of the weights
    words: dict[str, tuple[float, ...]]  # word -> (IDF, weight for each voting topic)
    intercepts: tuple[float, ...]

    @classmethod
    def train(cls, examples: Iterable[tuple[str, str]]) -> TopicModel:
        examples = list(examples)
        stories = dict(Counter(topic for topic, _ in examples))
        voting = sorted(t for t, n in stories.items() if n >= MIN_PER_TOPIC)
        kept = [(topic, text) for topic, text in examples if topic in voting]
        if len(voting) < 2:
            return cls(stories, (), {}, ())
        from sklearn.feature_extraction.text import TfidfVectorizer  # heavy: only when training
        from sklearn.linear_model import LogisticRegression

        # a word of one story only says nothing of a topic (and would fill the JSON)
        vectorizer = TfidfVectorizer(analyzer=tokens, sublinear_tf=True, min_df=2)
        try:
            matrix = vectorizer.fit_transform([text for _, text in kept])
        except ValueError:  # no word two stories share: nothing to learn from
            return cls(stories, (), {}, ())
        fitted = LogisticRegression(C=REGULARISATION, max_iter=1000).fit(matrix, [topic for topic, _ in kept])
        rows, intercepts = fitted.coef_.tolist(), fitted.intercept_.tolist()
        if len(voting) == 2:  # one row, for the second topic: a softmax over -z/2, z/2 is sigmoid(z)
            rows = [[-w / 2 for w in rows[0]], [w / 2 for w in rows[0]]]
            intercepts = [-intercepts[0] / 2, intercepts[0] / 2]
        idf = vectorizer.idf_.tolist()
        words = {word: tuple(round(v, _DIGITS) for v in (idf[column], *(row[column] for row in rows)))
                 for word, column in vectorizer.vocabulary_.items()}
        return cls(stories, tuple(str(t) for t in fitted.classes_), words,
                   tuple(round(b, _DIGITS) for b in intercepts))

    @property
    def ready(self) -> bool:
        return sum(self.stories.values()) >= MIN_EXAMPLES and len(self.topics) >= 2

    def probabilities(self, text: str) -> dict[str, float]:
        """P(topic | words) for each topic with enough examples."""
        if not self.topics:
            return {}
        counts = Counter(w for w in tokens(text) if w in self.words)
        weights = {w: (1 + math.log(n)) * self.words[w][0] for w, n in counts.items()}
        norm = math.sqrt(math.fsum(v * v for v in weights.values())) or 1.0
        scores = list(self.intercepts)
        for word, weight in weights.items():
            row = self.words[word]
            for index in range(len(scores)):
                scores[index] += weight / norm * row[index + 1]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = math.fsum(exp)
        return {topic: v / total for topic, v in zip(self.topics, exp, strict=True)}

    def to_json(self, fingerprint: str, files: int = 0) -> str:
        return json.dumps({"version": MODEL_VERSION, "fingerprint": fingerprint, "files": files,
                           "stories": self.stories, "topics": self.topics, "intercepts": self.intercepts,
                           "words": self.words}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

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
                type(trained_on) is int and 0 < trained_on < 1 << 53 and abs(files - trained_on) <= RETRAIN_SHARE * trained_on):
            return None
        stories, topics, intercepts, words = (data.get(k) for k in ("stories", "topics", "intercepts", "words"))
        if not (isinstance(stories, dict) and all(isinstance(k, str) and type(n) is int and n > 0 for k, n in stories.items())
                and isinstance(topics, list) and all(isinstance(t, str) and t in stories for t in topics)
                and len(set(topics)) == len(topics) != 1 and isinstance(intercepts, list)
                and len(intercepts) == len(topics) and all(map(_finite, intercepts)) and isinstance(words, dict)):
            return None
        width = len(topics) + 1
        if not all(isinstance(row, list) and len(row) == width and all(map(_finite, row)) and row[0] > 0
                   for row in words.values()) or (not topics and words):
            return None
        return cls(stories, tuple(topics), {w: tuple(row) for w, row in words.items()}, tuple(intercepts))


def _finite(value: object) -> bool:
    """A weight as the model writes it: a float, finite and not absurd (a planted 1e308 would
    overflow a vote)."""
    return type(value) is float and abs(value) < 1e6


def site_model(articles_dir: Path, state_dir: Path, topics: set[str], default_topic: str,
               files: list[tuple[str, int, int]], problems: list[Problem] | None = None) -> TopicModel | None:
    """The model trained on the site's stories (`files`: the Markdown files and their stats),
    from the cache when they are as it was trained on; None while there are too few. A model
    file that is no model (corrupt, foreign) is a warning in `problems`, and trained again."""
    if len(files) < MIN_EXAMPLES:
        return None
    # the topics are in it: a model of other topics (site.yaml changed) is trained again
    fingerprint = hashlib.sha1("\n".join([" ".join(sorted(topics)), default_topic, *(
        f"{n}\0{s}\0{m}" for n, s, m in sorted(files))]).encode("utf-8", "surrogateescape")).hexdigest()
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
    newest = sorted(files)[-MAX_EXAMPLES:]  # content/articles/YYYY/MM/DD-slug.md: by path is by date
    model = TopicModel.train(_examples(newest, topics, default_topic))
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
    """(topic, headline and text) of each story filed under a topic; the default one too: what
    the curator keeps there teaches the model what belongs to no topic (it gets no vote)."""
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
        if isinstance(topic, str) and (topic in topics or topic == default_topic):
            yield topic, f"{meta.get('title', '')}\n{parts[1]}"
