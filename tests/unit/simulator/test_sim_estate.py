"""Estate files: the default estate and clear errors for bad ones."""
import copy

import pytest

from infoscale_sim import estate
from infoscale_sim.errors import EstateError

GOOD = {
    "name": "lab",
    "sites": [{"name": "s1", "clusters": [{"name": "c1", "nodes": ["n1"],
                                           "disks": {"count": 2, "size": "10g", "enclosure": "emc0"}}]},
              {"name": "s2", "clusters": [{"name": "c2", "nodes": ["n2", "n3"],
                                           "disks": {"count": 1, "size": 41943040, "enclosure": "hds0"}}]}],
    "replication_links": [{"from": "c1", "to": "c2", "bandwidth": "100mbps", "latency_ms": 20}],
}


def test_default_estate_is_the_two_site_layout():
    data = estate.load(estate.DEFAULT_ESTATE)
    assert data["name"] == "two-site"
    assert data["speed"] == 1.0
    assert [s["name"] for s in data["sites"]] == ["primary", "secondary"]
    prod = data["sites"][0]["clusters"][0]
    assert prod == {"name": "prodclus", "nodes": ["prod-n1", "prod-n2"],
                    "disks": {"count": 8, "sectors": 209715200, "enclosure": "emc0"}}
    dr = data["sites"][1]["clusters"][0]
    assert dr["name"] == "drclus" and dr["nodes"] == ["dr-n1", "dr-n2"]
    assert dr["disks"]["enclosure"] == "hds0"
    assert data["replication_links"] == [{"from": "prodclus", "to": "drclus",
                                          "bandwidth_bps": 1000000000, "latency_ms": 5}]


def test_validate_normalises_sizes_and_bandwidth():
    data = estate.validate(copy.deepcopy(GOOD))
    assert data["sites"][0]["clusters"][0]["disks"]["sectors"] == 20971520
    assert data["sites"][1]["clusters"][0]["disks"]["sectors"] == 41943040
    assert data["replication_links"][0]["bandwidth_bps"] == 100000000
    assert data["speed"] == 1.0


def _broken(path, value, delete=False):
    data = copy.deepcopy(GOOD)
    target = data
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize("data, message", [
    (_broken(["name"], None, delete=True), "lab-file: missing key 'name'"),
    (_broken(["color"], "blue"), "lab-file: unknown key 'color'"),
    (_broken(["speed"], 0), "lab-file: speed: must be a number greater than 0"),
    (_broken(["sites"], []), "lab-file: sites: must be a non-empty list of sites"),
    (_broken(["sites", 0, "name"], "1bad"), "lab-file: sites[0].name: invalid name '1bad'"),
    (_broken(["sites", 1, "clusters", 0, "nodes"], ["n1"]),
     "lab-file: sites[1].clusters[0].nodes[0]: duplicate node name 'n1'"),
    (_broken(["sites", 0, "clusters", 0, "disks", "size"], "10x"),
     "lab-file: sites[0].clusters[0].disks.size: invalid size '10x'"),
    (_broken(["sites", 0, "clusters", 0, "disks", "size"], "100m"),
     "lab-file: sites[0].clusters[0].disks.size: disks must be at least 1g"),
    (_broken(["sites", 0, "clusters", 0, "disks", "count"], 0),
     "lab-file: sites[0].clusters[0].disks.count: must be an integer from 1 to 1024"),
    (_broken(["sites", 1, "clusters", 0, "disks", "enclosure"], "emc0"),
     "lab-file: sites[1].clusters[0].disks.enclosure: duplicate enclosure name 'emc0'"),
    (_broken(["sites", 0, "clusters", 0, "disks"], None, delete=True),
     "lab-file: sites[0].clusters[0]: missing key 'disks'"),
    (_broken(["replication_links", 0, "to"], "c9"), "lab-file: replication_links[0].to: unknown cluster 'c9'"),
    (_broken(["replication_links", 0, "to"], "c1"),
     "lab-file: replication_links[0]: a replication link needs two different clusters"),
    (_broken(["replication_links", 0, "bandwidth"], "fast"),
     "lab-file: replication_links[0].bandwidth: invalid bandwidth 'fast'"),
    (_broken(["sites", 0, "name"], "c1"), "lab-file: names must be unique across sites, clusters and nodes: c1"),
    ([1, 2], "lab-file: must be a mapping"),
])
def test_bad_estates_name_the_field(data, message):
    with pytest.raises(EstateError) as caught:
        estate.validate(data, source="lab-file")
    assert str(caught.value).startswith(message)


def test_load_reports_missing_file_and_bad_yaml(tmp_path):
    with pytest.raises(EstateError, match="estate file not found: .*nope.yml"):
        estate.load(str(tmp_path / "nope.yml"))
    bad = tmp_path / "bad.yml"
    bad.write_text("name: [unclosed\n")
    with pytest.raises(EstateError, match="bad.yml: not valid YAML"):
        estate.load(str(bad))
