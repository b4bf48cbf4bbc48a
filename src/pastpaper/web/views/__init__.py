"""The pages, one module for each part of the URL tree."""
