"""The meetings module (جلسات): working groups and councils, their sessions and minutes, and
the resolutions (مصوبات) followed until each responsible body has done its part."""
