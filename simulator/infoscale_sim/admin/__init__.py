"""The `infoscale-sim` administration command (not part of the simulated product)."""
