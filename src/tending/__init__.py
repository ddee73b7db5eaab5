"""Tending: look after your mental health and your connection, together."""

__version__ = "0.1.0"
