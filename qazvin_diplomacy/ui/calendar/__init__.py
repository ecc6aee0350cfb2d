"""The office calendar: month, week and day views of every dated thing (issue 15 item 6)."""
