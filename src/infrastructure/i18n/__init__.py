"""The bot's languages: gettext catalogs made with babel, and numbers, amounts and dates per language."""
