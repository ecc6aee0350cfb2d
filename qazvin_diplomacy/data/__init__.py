"""Reference and demo data shipped with the application."""
