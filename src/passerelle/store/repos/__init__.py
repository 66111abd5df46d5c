"""Repositories: every query of the workspace, one module per noun. Services call these."""
