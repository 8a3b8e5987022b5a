"""Estate files: load, validate, normalise.

An estate file (YAML) describes sites, clusters, nodes, shared disks and replication links:

    name: two-site
    speed: 1.0                      # simulated seconds per real second (> 0)
    sites:
      - name: primary
        clusters:
          - name: prodclus
            nodes: [prod-n1, prod-n2]
            disks: {count: 8, size: 100g, enclosure: emc0}
    replication_links:
      - {from: prodclus, to: drclus, bandwidth: 1gbps, latency_ms: 5}
    vcs:                            # optional: agent times, initial service groups
      online_times: {Application: 8}       # see vcs/settings.py

Disk sizes take k/m/g/t suffixes (binary units) or a plain number of 512-byte sectors.
Bandwidth takes kbps/mbps/gbps suffixes or a plain number of bits per second.
The normalised estate (a plain dict) is stored in the state database, so simulated
commands never need to parse YAML.
"""
import os
import re

from .errors import EstateError
from .sizes import UNITS

NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,30}$")
ENCLOSURE = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,15}$")
SIZE = re.compile(r"^([0-9]+)([kKmMgGtT]?)$")
BANDWIDTH = re.compile(r"^([0-9]+)\s*([kmg]?)(bps)?$", re.IGNORECASE)
MIN_DISK_SECTORS = 2 * 1024 * 1024  # 1 GiB: room for the 65536-sector private region
MAX_DISKS = 1024

DEFAULT_ESTATE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                              "estates", "two-site.yml")


def load(path):
    """Read and validate an estate file; returns the normalised dict."""
    import yaml  # only the admin CLI loads estates

    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except FileNotFoundError:
        raise EstateError(f"estate file not found: {path}") from None
    except yaml.YAMLError as exc:
        raise EstateError(f"{path}: not valid YAML: {exc}") from None
    return validate(data, source=path)


def validate(data, source="estate"):
    """Check an estate given as plain data; raise EstateError naming the bad field."""
    where = _Where(source)
    _mapping(data, where, required={"name", "sites"}, optional={"speed", "replication_links", "vcs"})
    name = _name(data["name"], where.at("name"))
    speed = data.get("speed", 1.0)
    if isinstance(speed, bool) or not isinstance(speed, (int, float)) or speed <= 0:
        raise where.at("speed").error("must be a number greater than 0")
    sites_data = data["sites"]
    if not isinstance(sites_data, list) or not sites_data:
        raise where.at("sites").error("must be a non-empty list of sites")
    seen_sites, seen_clusters, seen_nodes, seen_enclosures = set(), set(), set(), set()
    sites = []
    for i, site in enumerate(sites_data):
        w = where.at(f"sites[{i}]")
        _mapping(site, w, required={"name", "clusters"})
        site_name = _name(site["name"], w.at("name"))
        _unique(site_name, seen_sites, w.at("name"), "site")
        clusters_data = site["clusters"]
        if not isinstance(clusters_data, list) or not clusters_data:
            raise w.at("clusters").error("must be a non-empty list of clusters")
        clusters = []
        for j, cluster in enumerate(clusters_data):
            cw = w.at(f"clusters[{j}]")
            clusters.append(_cluster(cluster, cw, seen_clusters, seen_nodes, seen_enclosures))
        sites.append({"name": site_name, "clusters": clusters})
    names = seen_sites | seen_clusters
    clash = names & seen_nodes or seen_sites & seen_clusters
    if clash:
        raise where.error(f"names must be unique across sites, clusters and nodes: {sorted(clash)[0]}")
    links = []
    links_data = data.get("replication_links", []) or []
    if not isinstance(links_data, list):
        raise where.at("replication_links").error("must be a list")
    for i, link in enumerate(links_data):
        links.append(_link(link, where.at(f"replication_links[{i}]"), seen_clusters))
    result = {"name": name, "speed": float(speed), "sites": sites, "replication_links": links}
    if data.get("vcs") is not None:
        from .vcs.settings import validate as validate_vcs

        nodes = {c["name"]: c["nodes"] for s in sites for c in s["clusters"]}
        result["vcs"] = validate_vcs(data["vcs"], nodes, source)
    return result


def _cluster(cluster, w, seen_clusters, seen_nodes, seen_enclosures):
    _mapping(cluster, w, required={"name", "nodes", "disks"})
    name = _name(cluster["name"], w.at("name"))
    _unique(name, seen_clusters, w.at("name"), "cluster")
    nodes = cluster["nodes"]
    if not isinstance(nodes, list) or not nodes:
        raise w.at("nodes").error("must be a non-empty list of node names")
    for k, node in enumerate(nodes):
        _unique(_name(node, w.at(f"nodes[{k}]")), seen_nodes, w.at(f"nodes[{k}]"), "node")
    disks = cluster["disks"]
    dw = w.at("disks")
    _mapping(disks, dw, required={"count", "size", "enclosure"})
    count = disks["count"]
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_DISKS:
        raise dw.at("count").error(f"must be an integer from 1 to {MAX_DISKS}")
    sectors = _size(disks["size"], dw.at("size"))
    enclosure = disks["enclosure"]
    if not isinstance(enclosure, str) or not ENCLOSURE.match(enclosure):
        raise dw.at("enclosure").error("must be a short alphanumeric name starting with a letter")
    _unique(enclosure, seen_enclosures, dw.at("enclosure"), "enclosure")
    return {"name": name, "nodes": list(nodes),
            "disks": {"count": count, "sectors": sectors, "enclosure": enclosure}}


def _link(link, w, clusters):
    _mapping(link, w, required={"from", "to"}, optional={"bandwidth", "latency_ms"})
    ends = []
    for key in ("from", "to"):
        value = link[key]
        if not isinstance(value, str) or value not in clusters:
            raise w.at(key).error(f"unknown cluster {value!r}")
        ends.append(value)
    if ends[0] == ends[1]:
        raise w.error("a replication link needs two different clusters")
    bandwidth = link.get("bandwidth", "1gbps")
    bps = _bandwidth(bandwidth, w.at("bandwidth"))
    latency = link.get("latency_ms", 0)
    if isinstance(latency, bool) or not isinstance(latency, (int, float)) or latency < 0:
        raise w.at("latency_ms").error("must be a number >= 0")
    return {"from": ends[0], "to": ends[1], "bandwidth_bps": bps, "latency_ms": latency}


def _size(value, w):
    if isinstance(value, bool):
        raise w.error("must be a size such as 100g")
    if isinstance(value, int):
        sectors = value
    elif isinstance(value, str) and SIZE.match(value.strip()):
        number, unit = SIZE.match(value.strip()).groups()
        sectors = int(number) * UNITS[unit.lower() or "s"]
    else:
        raise w.error(f"invalid size {value!r} (use e.g. 100g, 512m, 2t or sectors)")
    if sectors < MIN_DISK_SECTORS:
        raise w.error("disks must be at least 1g")
    if sectors % 16:
        raise w.error("disk size must be a multiple of 8 KiB")
    return sectors


def _bandwidth(value, w):
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        match = BANDWIDTH.match(value.strip())
        if match and int(match.group(1)) > 0:
            factor = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[match.group(2).lower()]
            return int(match.group(1)) * factor
    raise w.error(f"invalid bandwidth {value!r} (use e.g. 100mbps, 1gbps or bits per second)")


def _mapping(value, w, required, optional=frozenset()):
    if not isinstance(value, dict):
        raise w.error("must be a mapping")
    missing = sorted(required - value.keys())
    if missing:
        raise w.error(f"missing key {missing[0]!r}")
    unknown = sorted(set(value) - required - set(optional), key=str)
    if unknown:
        raise w.error(f"unknown key {unknown[0]!r}")


def _name(value, w):
    if not isinstance(value, str) or not NAME.match(value):
        raise w.error(f"invalid name {value!r} (letters, digits, '_', '.', '-'; "
                      "starts with a letter; at most 31 characters)")
    return value


def _unique(value, seen, w, kind):
    if value in seen:
        raise w.error(f"duplicate {kind} name {value!r}")
    seen.add(value)


class _Where:
    """Where a value sits in the estate, for messages like 'f.yml: sites[0].name: ...'."""

    def __init__(self, source, path=""):
        self.source = source
        self.path = path

    def at(self, key):
        if key.startswith("[") or not self.path:
            return _Where(self.source, self.path + key)
        return _Where(self.source, f"{self.path}.{key}")

    def error(self, message):
        prefix = f"{self.source}: {self.path}" if self.path else self.source
        return EstateError(f"{prefix}: {message}")
