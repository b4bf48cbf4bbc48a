"""Study: cards, their schedule, practice against the clock, progress, trends and timelines."""
