"""The trade delegations module: list page, table model, form."""
