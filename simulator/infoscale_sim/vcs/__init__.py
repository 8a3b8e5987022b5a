"""Cluster Server (VCS): one domain document per cluster ('vcs:<cluster>'), the ha* commands,
a time engine without a daemon (vcs/engine.py) and the agents that act on VxVM."""
