"""Passerelle: the working tool of a CTO who bridges technology and the business."""

__version__ = "0.1.0"
