"""The events module (رویدادها): events, guests, precedence, seating and check-in.

``ui.registry`` registers its page (``page.EventsPage``) and dashboard cards (``cards``).
"""
