"""Extraction: articles in, mentions and facts out. The only layer that knows spaCy.

spaCy and the pipeline are imported when first used (``kg.extract.extract``, ``nlp``): a build
that redoes a few articles extracts them in a process of their own, and its own process does
not pay for the import."""

PIPELINE_VERSION = "1"

__all__ = ["extract", "nlp", "PIPELINE_VERSION"]


def __getattr__(name: str):
    if name in ("extract", "nlp"):
        from kg.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kg.extract' has no attribute {name!r}")
