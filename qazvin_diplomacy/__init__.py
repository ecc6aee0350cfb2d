"""Qazvin Diplomacy Desk (میز دیپلماسی استانی قزوین)."""

__version__ = "0.1.0"
APP_NAME = "QazvinDiplomacy"
APP_TITLE_FA = "میز دیپلماسی استانی قزوین"
APP_TITLE_EN = "Qazvin Diplomacy Desk"
