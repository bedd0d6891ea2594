"""What changed in the sheet by hand: the rows the bot wrote kept, compared with the months as they stand."""
