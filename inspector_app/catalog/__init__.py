"""The checklist library: TOML templates in forms/, validated and hashed."""

from inspector_app.catalog.loader import FormProblem, Library, load_library, load_template, validate_paths

__all__ = ["FormProblem", "Library", "load_library", "load_template", "validate_paths"]
