"""The Categories tab: the default one shipped in sheet_templates/, and a tab's rows read as categories."""
