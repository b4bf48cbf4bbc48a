"""The application layer: what the CLI and the web call."""
