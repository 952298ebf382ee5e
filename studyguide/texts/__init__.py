"""The texts: seed files and their metadata sidecars, read and checked, in book order."""
