"""The agreements module (موافقت‌نامه‌ها): register, form with workflow, dashboard cards."""
