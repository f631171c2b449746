"""Text analysis: normalisation, framework aliases and misspellings, stop words, stemming."""
import pytest

from index.analyzer import analyze, find_frameworks, normalize, words


@pytest.mark.parametrize("text, expected", [
    ("Which is faster, PyTorch or Keras?", ["PyTorch", "Keras"]),
    ("tf vs torch", ["TensorFlow", "PyTorch"]),
    ("tf2 and tf.keras", ["TensorFlow", "Keras"]),
    ("Tensor Flow or Py-Torch", ["TensorFlow", "PyTorch"]),
    ("Microsoft Cognitive Toolkit", ["CNTK"]),
    ("jax, jaxlib and theano", ["JAX", "Theano"]),
    ("pytroch vs kears vs tensorflw", ["PyTorch", "Keras", "TensorFlow"]),
    ("teano is old", ["Theano"]),
])
def test_frameworks_are_found_through_aliases_and_misspellings(text, expected):
    assert find_frameworks(text) == expected


@pytest.mark.parametrize("text", ["python is great", "the torchlight parade", "kernels and layers", "a theory", "relax"])
def test_ordinary_words_are_not_taken_for_frameworks(text):
    assert find_frameworks(text) == []


def test_normalize_folds_unicode_case_and_quotes():
    assert normalize("ＰｙＴｏｒｃｈ’s “API”") == 'pytorch "api"'


def test_words_keep_cpp_and_dotted_names_whole():
    assert words("Written in C++ with tf.function") == ["written", "in", "c++", "with", "tf.function"]


def test_analyze_drops_stop_words_and_stems_but_keeps_framework_tokens():
    assert analyze("Which of the frameworks is the most popular? Keras!") == ["framework", "most", "popular", "keras"]
    assert analyze("GPUs and GPU") == ["gpu", "gpu"]


def test_analyze_handles_other_scripts_and_empty_text():
    assert analyze("") == []
    assert analyze("深度学习 框架") == ["深度学习", "框架"]
