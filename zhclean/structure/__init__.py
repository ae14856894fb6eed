"""Structure stages: documents out of a file's text, then sections and sentences."""
