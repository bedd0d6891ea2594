"""Questions: /ask in words, answered from the sheet; changes asked for are confirmed first."""
