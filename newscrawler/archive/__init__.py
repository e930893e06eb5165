"""The JSON Lines archive: where records are written, how files are named and recovered."""
