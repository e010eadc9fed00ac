"""The demo workspace (`inspector demo`, screenshots, benchmarks): a fictional roster, plans, leads and sample
inspections built through the services' public use cases, as a user would.

It sits above `services` (it may import them; services never import it) and beside `ui` (neither imports the
other): import-linter's "Layers" contract in pyproject.toml. `workspace.create_demo` is the entry point.
"""
