"""See ../shared/architecture.md; filled in by the issue that builds this layer."""
