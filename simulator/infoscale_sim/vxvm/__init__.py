"""Simulated Veritas Volume Manager: disks, disk groups, volumes (one domain per cluster)."""
