"""Every fact cites its project's own record (an allow-list kept in sources.toml), in that record's words, with
the date it was checked; loading refuses a fact that does not, and no weak source is cited anywhere in the data."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from corpus import DATA_DIR, CorpusError, Fact, load_corpus
from corpus.primary import load_primary_sources

URL = re.compile(r"https?://[^\s\"'<>)\]]+")


@pytest.fixture(scope="module")
def primary():
    return load_primary_sources(DATA_DIR / "sources.toml")


@pytest.mark.parametrize("url", [
    "https://pytorch.org/blog/pytorch-2-0/",
    "https://www.tensorflow.org/install/pip",
    "https://TensorFlow.org/lite",
    "https://github.com/pytorch/pytorch/releases/tag/v2.0.0",
    "https://github.com/Microsoft/cntk/releases",
    "https://github.com/microsoft/CNTK",
    "https://github.com/Theano/Theano/blob/master/HISTORY.txt",
    "https://pypi.org/project/keras/",
    "http://deeplearning.net/software/theano/",
])
def test_the_projects_own_pages_are_primary(primary, url):
    assert primary.allows(url)


@pytest.mark.parametrize("url", [
    "https://en.wikipedia.org/wiki/PyTorch",
    "http://library.kiwix.org/content/wikipedia_en_all/A/Theano",
    "https://www.endlesswiki.com/wiki/PyTorch",
    "https://anaconda.org/conda-forge/keras",
    "https://github.com/someone/pytorch",  # a mirror or fork under another owner
    "https://github.com/pytorchfan/notes",  # a name that merely starts like the owner
    "https://github.com/microsoft/CNTK-fork/README.md",
    "https://github.com/microsoft/vscode/issues/1",
    "https://pytorch.org.example.com/",  # the allowed host as a subdomain of another
    "https://pytorch.org@example.com/",  # the allowed host as a user name
    "https://example.com/pytorch.org/",
    "ftp://pytorch.org/",
    "pytorch.org/blog",
])
def test_mirrors_lookalikes_and_other_repositories_are_not(primary, url):
    assert not primary.allows(url)


def test_every_url_in_the_data_is_primary_or_the_article_itself(primary):
    article_url = load_corpus().article.url
    weak = []
    for path in sorted(DATA_DIR.iterdir()):
        if path.suffix in (".toml", ".md"):
            text = path.read_text(encoding="utf-8")
            weak += [f"{path.name}: {url}" for url in URL.findall(text) if url != article_url and not primary.allows(url)]
    assert weak == []


def test_every_fact_quotes_its_source_and_says_when_it_was_checked(primary):
    facts = load_corpus().facts
    assert facts
    for fact in facts:
        assert primary.allows(fact.source), fact.id
        assert fact.source_quote.strip() and "\n" not in fact.source_quote.strip(), fact.id
        assert dt.date.fromisoformat(fact.checked) >= dt.date(2026, 1, 1), fact.id


ONE_FACT = '''
[[fact]]
id = "keras-license"
framework = "Keras"
attribute = "license"
value = "Apache 2.0"
statement = "Keras is released under the Apache License 2.0."
source = "https://github.com/keras-team/keras/blob/master/LICENSE"
source_quote = "Apache License Version 2.0, January 2004"
as_of = "2026-09-01"
checked = "2026-12-01"
'''


_ONE_RELATION = """[[relation]]
id = "keras-part-of-tensorflow"
subject = "Keras"
object = "TensorFlow"
kind = "part_of"
holds = "yes"
says = "Keras is licensed as TensorFlow is."
facts = ["keras-license"]
"""


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    """The built-in data with facts.toml replaced by a one-fact file (which loads as it is)."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    (target / "facts.toml").write_text(ONE_FACT, encoding="utf-8")
    relations = (target / "relations.toml").read_text(encoding="utf-8").split("[[relation]]")[0]
    (target / "relations.toml").write_text(relations + _ONE_RELATION, encoding="utf-8")  # on the one fact left
    assert [f.id for f in load_corpus(target).facts] == ["keras-license"]
    return target


@pytest.mark.parametrize("old, new, message", [
    ('source_quote = "Apache License Version 2.0, January 2004"\n', "", "'source_quote' must be a non-empty string"),
    ('source_quote = "Apache License Version 2.0, January 2004"', 'source_quote = "  "', "'source_quote' must be a non-empty string"),
    ('checked = "2026-12-01"\n', "", "'checked' must be a date (YYYY-MM-DD), got None"),
    ('checked = "2026-12-01"', 'checked = "recently"', "'checked' must be a date (YYYY-MM-DD), got 'recently'"),
    ("https://github.com/keras-team/keras/blob/master/LICENSE", "https://en.wikipedia.org/wiki/Keras",
     "'source' is not a primary source (not on the allow-list in sources.toml): 'https://en.wikipedia.org/wiki/Keras'"),
    ("https://github.com/keras-team/keras/blob/master/LICENSE", "https://github.com/someone/keras-notes/issues/3",
     "not a primary source"),
])
def test_a_fact_without_quote_date_or_primary_source_is_refused(data, old, new, message):
    path = data / "facts.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        load_corpus(data)
    assert str(error.value).startswith("facts.toml: fact 'keras-license': ")
    assert message in str(error.value)


def test_a_checked_date_written_as_a_toml_date_loads(data):
    path = data / "facts.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('checked = "2026-12-01"', "checked = 2026-12-01"),
                    encoding="utf-8")
    assert load_corpus(data).facts[0].checked == "2026-12-01"


@pytest.mark.parametrize("text, message", [
    ('[pytorch]\nprefixes = ["https://pytorch.org"]\n', "sources.toml: group 'pytorch': 'https://pytorch.org' is not a host"),
    ('[pytorch]\nprefixes = []\n', "sources.toml: group 'pytorch': needs exactly a non-empty 'prefixes' list"),
    ('[pytorch]\nprefix = ["pytorch.org"]\n', "needs exactly a non-empty 'prefixes' list"),
    ('[pytorch]\nprefixes = ["localhost"]\n', "'localhost' is not a host or host/path prefix"),
    ("", "sources.toml: file: expected one or more groups"),
    ("[pytorch\n", "sources.toml: file: not valid TOML"),
])
def test_a_malformed_allow_list_is_refused(data, text, message):
    (data / "sources.toml").write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        load_corpus(data)
    assert message in str(error.value)


@pytest.mark.parametrize("url, name", [
    ("https://github.com/keras-team/keras/blob/master/README.md", "github.com/keras-team/keras"),
    ("https://github.com/jax-ml/jax/releases/tag/jax-v0.4.0", "github.com/jax-ml/jax"),
    ("https://www.TensorFlow.org/install/pip", "tensorflow.org"),
    ("https://pypi.org/project/keras/", "pypi.org"),
])
def test_answers_name_a_source_by_its_host_or_github_repository(url, name):
    fact = Fact(id="x", framework="Keras", attribute="license", value="v", values=(), statement="s", source=url,
                source_quote="q", as_of="2026-09-01", checked="2026-12-01")
    assert fact.domain == name
