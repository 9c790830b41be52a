"""Extraction: articles in, mentions and facts out. The only layer that knows spaCy."""

from kg.extract.pipeline import PIPELINE_VERSION, extract, nlp

__all__ = ["extract", "nlp", "PIPELINE_VERSION"]
