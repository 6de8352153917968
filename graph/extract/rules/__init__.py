"""The rule-based Indonesian extractor (see :mod:`.doc` for the shared document)."""
