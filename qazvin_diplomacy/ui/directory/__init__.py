"""The directory module (فهرست‌ها): countries, organizations and people."""
