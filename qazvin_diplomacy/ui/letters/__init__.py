"""The outgoing-letters register page (اندیکاتور دبیرخانه), its letter form and the letter settings."""
