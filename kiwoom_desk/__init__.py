"""Kiwoom Desk: a desktop practice desk for Kiwoom Securities' REST API."""

__version__ = "0.1.0"
