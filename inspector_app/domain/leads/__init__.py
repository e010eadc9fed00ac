"""Data leads (数据比对线索): settlement/monitoring extracts mapped to known fields, parsed, and screened by rules.

Pure: no files, no database. The readers and the import live in services/leads_*.py.
"""
