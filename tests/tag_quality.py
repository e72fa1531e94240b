"""Tags and topics measured against editors' labels (tests/tag_corpus/NAME.yaml: `topic`, the
`tags` an editor requires, the `acceptable` others, the `forbidden` junk).

    python3 -m tests.tag_quality        # prints precision, recall, topic accuracy and each miss

A predicted tag is right when it is required or acceptable (any case); recall counts the
required ones found.
"""
from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CORPUS = Path(__file__).parent / "tag_corpus"


@dataclass
class Quality:
    stories: int = 0
    predicted: int = 0
    right: int = 0
    required: int = 0
    found: int = 0
    topics_right: int = 0
    forbidden: list[tuple[str, str]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def topic_accuracy(self) -> float:
        return self.topics_right / self.stories if self.stories else 1.0


def cross_validate(folder: Path, folds: int = 5) -> tuple[float, float]:
    """Topic accuracy with the keywords alone, and with a model trained on the other folds'
    stories (the editors' topics) voting with them: what a site gains as its curator files.
    `folder` is a site `ingest_corpus` filled."""
    from digest.config import load_config
    from digest.frontmatter import split
    from digest.ingest.classify import Classifier
    from digest.ingest.learn import TopicModel

    config = load_config(folder)
    stories = []
    for md in sorted((folder / "content/articles").rglob("*.md")):
        meta_text, body, _ = split(md.read_text(encoding="utf-8"))
        meta = yaml.safe_load(meta_text)
        label = yaml.safe_load((CORPUS / (Path(meta["raw"]).stem + ".yaml")).read_text(encoding="utf-8"))
        stories.append((label["topic"], meta["title"], body))
    alone = Classifier.from_config(config)
    right = [0, 0]
    for index, (topic, title, body) in enumerate(stories):
        rest = [(t, f"{ti}\n{b}") for i, (t, ti, b) in enumerate(stories) if i % folds != index % folds]
        with_model = Classifier.from_config(config, TopicModel.train(rest))
        right[0] += alone.topic(title, body) == topic
        right[1] += with_model.topic(title, body) == topic
    return right[0] / len(stories), right[1] / len(stories)


def ingest_corpus(folder: Path) -> dict[str, dict]:
    """Ingest every story of the corpus into a site in `folder`: front matter by story name."""
    from digest.cli import main
    from digest.frontmatter import split

    (folder / "content/raw").mkdir(parents=True)
    (folder / "content/articles").mkdir()
    shutil.copyfile(CORPUS / "site.yaml", folder / "site.yaml")
    for path in sorted(CORPUS.glob("*.txt")):
        shutil.copyfile(path, folder / "content/raw" / path.name)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(["ingest", "--site", str(folder)]) == 0
    found = {}
    for md in (folder / "content/articles").rglob("*.md"):
        meta = yaml.safe_load(split(md.read_text(encoding="utf-8"))[0])
        found[Path(meta["raw"]).stem] = meta
    return found


def measure(found: dict[str, dict]) -> Quality:
    q = Quality()
    for label_path in sorted(CORPUS.glob("*.yaml")):
        if label_path.name == "site.yaml":
            continue
        label = yaml.safe_load(label_path.read_text(encoding="utf-8"))
        meta = found[label_path.stem]
        q.stories += 1
        required = {t.casefold() for t in label["tags"]}
        fine = required | {t.casefold() for t in label["acceptable"]}
        forbidden = set(label["forbidden"])  # as written: `OTTAWA` is junk where `Ottawa` is not
        tags = [t.casefold() for t in meta["tags"]]
        q.predicted += len(tags)
        q.right += sum(t in fine for t in tags)
        q.required += len(required)
        q.found += len(required & set(tags))
        q.topics_right += meta["topic"] == label["topic"]
        q.forbidden += [(label_path.stem, t) for t in meta["tags"] if t in forbidden]
        wrong = [t for t in meta["tags"] if t.casefold() not in fine]
        missed = [t for t in label["tags"] if t.casefold() not in tags]
        topic = "" if meta["topic"] == label["topic"] else f" topic {meta['topic']} (editor: {label['topic']})"
        if wrong or missed or topic:
            q.misses.append(f"{label_path.stem}:{topic} wrong {wrong} missed {missed}")
    return q


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        quality = measure(ingest_corpus(Path(tmp)))
        alone, learned = cross_validate(Path(tmp))
    print("\n".join(quality.misses))
    print(f"{quality.stories} stories: tag precision {quality.precision:.3f}, recall {quality.recall:.3f}, "
          f"forbidden {len(quality.forbidden)}, topic accuracy {quality.topic_accuracy:.3f}")
    print(f"topic accuracy, 5-fold: keywords alone {alone:.3f}, keywords and a model trained on the rest {learned:.3f}")
