"""The target markets module: atlas map, market list, country cards."""
