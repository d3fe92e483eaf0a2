"""The words of pages: how a status, a review, a summary and a verdict are written. The
catalogue, formatting and typography they use live in :mod:`pipelines.language`."""
