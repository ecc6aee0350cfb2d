"""Reusable widgets: Jalali date input, month grid, week agenda."""
