"""Groups and settings: which groups are served, their sheet, language, settings and moves."""
