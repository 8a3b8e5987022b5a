"""Who is where: nodes, clusters and sites of the stored (normalised) estate."""


class Topology:
    def __init__(self, estate):
        self.estate = estate
        self.node_cluster = {}
        self.cluster_site = {}
        self.clusters = {}
        for site in estate["sites"]:
            for cluster in site["clusters"]:
                self.clusters[cluster["name"]] = cluster
                self.cluster_site[cluster["name"]] = site["name"]
                for node in cluster["nodes"]:
                    self.node_cluster[node] = cluster["name"]

    def nodes(self):
        return list(self.node_cluster)

    def cluster_of(self, node):
        return self.node_cluster.get(node)

    def site_of(self, node):
        return self.cluster_site[self.node_cluster[node]]

    def cluster_nodes(self, cluster):
        return list(self.clusters[cluster]["nodes"])


def disk_names(cluster):
    """Device names of a cluster's shared disks: <enclosure>_<n>."""
    disks = cluster["disks"]
    return [f"{disks['enclosure']}_{i}" for i in range(disks["count"])]
