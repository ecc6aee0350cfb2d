"""The visits module (دیدارها): list, month grid, week agenda, archive, the visit form."""
