"""The province capacity catalogue page (issue 17, item 4)."""
