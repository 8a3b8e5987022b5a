"""Volume Replicator (VVR): RVGs, RLINKs, SRL and DCM, replication over the estate's links."""
