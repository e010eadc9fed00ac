"""Offline-first field-inspection client for medical-insurance fund supervision."""

__version__ = "0.1.0"
