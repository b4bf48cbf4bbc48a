"""Points and schemes: notes cut into creditable points, and the mark scheme each question gets."""
