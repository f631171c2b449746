"""Text analysis and the BM25 index over the corpus chunks."""
from index.analyzer import FRAMEWORKS, analyze, find_frameworks, normalize, words
from index.bm25 import BM25Index, Hit

__all__ = ["FRAMEWORKS", "BM25Index", "Hit", "analyze", "find_frameworks", "normalize", "words"]
