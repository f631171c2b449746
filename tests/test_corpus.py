"""The knowledge files: the article, chart, claims and facts load, agree with each other, and chunk well;
a malformed file is refused with a message naming the file, the entry and the problem."""
import shutil
from pathlib import Path

import pytest

from corpus import DATA_DIR, CorpusError, load_corpus
from corpus.sentences import split_sentences

FRAMEWORKS = {"PyTorch", "TensorFlow", "Keras", "Theano", "JAX", "CNTK"}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_the_article_keeps_its_sections_and_leaves_out_the_ads(corpus):
    titles = [s.title for s in corpus.article.sections]
    assert titles[:2] == ["Introduction", "What is Deep Learning?"]
    assert {"PyTorch vs TensorFlow", "PyTorch vs Keras", "TensorFlow vs Keras", "Theano vs TensorFlow"} <= set(titles)
    prose = corpus.article.prose
    for ad in ("Enroll Now", "Explore Program", "Ziprecruiter", "USD 18.16 billion", "Leave a Reply", "Simplilearn offers"):
        assert ad not in prose


def test_the_chart_is_restored(corpus):
    chart = corpus.article.chart
    assert chart.columns == ("Keras", "PyTorch", "TensorFlow")
    assert chart.rows["Speed"] == {"Keras": "Slow, low performance", "PyTorch": "Fast, high-performance",
                                   "TensorFlow": "Fast, high-performance"}
    assert chart.rows["Written In"]["PyTorch"] == "Lua"
    assert {r.attribute for r in corpus.chart_rows} >= {"speed", "debugging", "api_level", "ease", "datasets", "popularity"}


def test_chunks_are_whole_sentences_with_stable_unique_ids(corpus):
    ids = [c.id for c in corpus.chunks]
    assert len(ids) == len(set(ids))
    assert ids == [c.id for c in load_corpus().chunks]
    prose = corpus.article.prose
    for chunk in corpus.chunks:
        assert 1 <= len(chunk.sentences) <= 3
        if chunk.document == "article":
            assert chunk.text in prose
            assert all(split_sentences(s) == [s] for s in chunk.sentences)


def test_every_claim_quotes_the_article_verbatim(corpus):
    for claim in corpus.claims:
        assert claim.quote in corpus.article.prose
        assert corpus.chunk_of(claim.quote).text.find(claim.quote) >= 0


def test_facts_cover_every_framework_with_a_source_and_date(corpus):
    for framework in FRAMEWORKS:
        attributes = {f.attribute for f in corpus.facts if f.framework == framework}
        assert {"definition", "developer", "released", "language", "license", "platforms", "maintenance"} <= attributes
    for fact in corpus.facts:
        assert fact.source.startswith("http") and fact.as_of[:2] == "20"


def test_the_known_outdated_claims_are_corrected(corpus):
    corrected = {ref for f in corpus.facts for ref in f.corrects}
    assert "chart:Written In:PyTorch" in corrected
    assert any("PyTorch offers no such framework" in ref for ref in corrected)
    assert any("CNTK, TensorFlow, and Theano" in ref for ref in corrected)


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("file, old, new, message", [
    ("facts.toml", 'framework = "PyTorch"', 'framework = "Torch7"', "facts.toml: fact 'pytorch-definition': 'framework' is 'Torch7'"),
    ("facts.toml", 'source = "https://', 'source = "ftp://', "'source' must be an http(s) URL"),
    ("facts.toml", 'as_of = "2026-09-01"', 'as_of = "last year"', "'as_of' must be a date"),
    ("facts.toml", 'corrects = ["chart:Written In:PyTorch"]', 'corrects = ["chart:Written In:JAX"]', "names no chart cell"),
    ("facts.toml", "[[fact]]", "[[fact]]\nnonsense = 1", "unknown field(s) ['nonsense']"),
    ("claims.toml", 'quote = "', 'quote = "Keras was invented on the Moon. ', "quote is not found verbatim in the article"),
    ("claims.toml", 'attribute = "', 'attribute = "vibes', "'attribute' is 'vibes"),
    ("chart.toml", 'label = "Speed"', 'label = "Velocity"', "chart.toml: row 'Velocity': no chart row is labelled 'Velocity'"),
    ("facts.toml", "[[fact]]", "[[fact]\n", "facts.toml: file: not valid TOML"),
])
def test_a_malformed_data_file_is_refused_with_a_clear_message(data, file, old, new, message):
    replace(data / file, old, new)
    with pytest.raises(CorpusError) as error:
        load_corpus(data)
    assert message in str(error.value)


def test_the_article_must_have_its_front_matter(data):
    (data / "article.md").write_text("# just a title\n\nSome text.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="article.md: front matter"):
        load_corpus(data)


def test_fact_statements_state_facts_rather_than_answer_a_question():
    # An answer's own "Yes"/"No" comes from the question; a statement starting with one would say it twice.
    from corpus import load_corpus
    assert not [f.id for f in load_corpus().facts if f.statement.split()[0].rstrip(":,.") in ("Yes", "No")]


def test_a_relation_citing_a_missing_fact_or_framework_is_refused(data):
    replace(data / "relations.toml", 'facts = ["keras-backends", "keras-integration-single-keras"]', 'facts = ["keras-nothing"]')
    with pytest.raises(CorpusError, match="names no fact in facts.toml: 'keras-nothing'"):
        load_corpus(data)


def test_a_relation_of_an_unknown_kind_is_refused(data):
    replace(data / "relations.toml", 'kind = "wraps"', 'kind = "likes"')
    with pytest.raises(CorpusError, match="'kind' is 'likes'"):
        load_corpus(data)
