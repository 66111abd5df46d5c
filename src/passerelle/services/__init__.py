"""Use cases: the only place where the pure core meets the store.

One module per use case (``people``, ``network``, ``asks``, ``learnings``, ``review``,
``backup``…). Each function takes a ``Session`` (or a ``Store``), plain values, and returns
plain values or models; the CLI and the web call these and nothing below.
"""
