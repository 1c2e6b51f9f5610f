"""Display widgets: they show what they are given and post messages up; no storage, search or network."""
