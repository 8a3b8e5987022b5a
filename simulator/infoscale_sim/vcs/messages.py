"""VCS messages and exit codes in one place.

Exact texts known from captures (samples vcs_cli_session_1, vcs_error_messages_1, LITP
fixtures quoted in reference §0.2/§6): V-16-1-10136, 10242 (NOTICE, stdout), 10364, 10369,
10805, 50031, 50034, 50035, 40131 ("Group <g> does not exist in the local cluster", rc 1),
10286, 10267, 40202, 40209, 10600 ("Cannot connect to VCS engine"), 11046 (rc 33).
V-numbers known with their meaning but not their exact wording are phrased after that
meaning; everything else is [recon]. All failures print on stderr.
"""
from ..errors import CommandFailed

RC_FAIL = 1          # [recon] the ha* commands' exit code on refusal
RC_HAD_DOWN = 33     # hastatus -sum with HAD stopped (LITP fixture); [recon] for other commands


def warning(code, text, rc=RC_FAIL):
    return CommandFailed(rc, "VCS WARNING V-16-1-%d %s" % (code, text))


def error(code, text, rc=RC_FAIL):
    return CommandFailed(rc, "VCS ERROR V-16-1-%d %s" % (code, text))


# ------------------------------------------------------------------ stdout notices
GROUP_ADDED = ("VCS NOTICE V-16-1-10136 Group added; populating SystemList and setting the "
               "Parallel attribute recommended before adding resources")
RESOURCE_ADDED = "VCS NOTICE V-16-1-10242 Resource added. Enabled attribute must be set before agent monitors"


def attempting_online(group, system):
    # [recon] wording, with the system as the line's 10th word: ERIClitpvcs (vcs_cmd_api.py,
    # _prepare_hagrp_online_output) reads the system there from real hagrp -online -any output.
    return "VCS NOTICE V-16-1-50735 Attempting to online group %s on %s" % (group, system)


# ------------------------------------------------------------------ engine / configuration
def had_down(command):
    if command == "hastatus":
        return warning(11046, "Local system not available", RC_HAD_DOWN)
    return error(10600, "Cannot connect to VCS engine", RC_HAD_DOWN)


def already_writable():
    return warning(10364, "Cluster already writable")


def not_writable():
    return warning(10369, "Cluster not writable")


def must_be_rw():
    return warning(10016, "Configuration must be ReadWrite : Use haconf -makerw")  # [recon]


def timed_out():
    return warning(10805, "Connection timed out")


# ------------------------------------------------------------------ lookups
def no_groups():
    return warning(50031, "No Groups are configured")


def no_resources():
    return warning(50032, "No Resources are configured")  # [recon] V-number by analogy with 50031


def group_not_in_cluster(group):
    return warning(40131, "Group %s does not exist in the local cluster" % group)


def group_missing(group):
    return warning(12130, "Group %s does not exist" % group)  # [recon] wording


def group_missing_dep(group):
    return warning(10133, "Group does not exist: %s" % group)  # [recon] wording


def resource_missing(resource):
    return warning(10260, "Resource %s does not exist" % resource)  # [recon] wording


def resource_not_in_cluster(resource):
    return warning(40130, "Resource %s does not exist in the local cluster" % resource)  # [recon] wording


def system_missing(system):
    return warning(51051, "System %s does not exist in the cluster" % system)  # [recon] wording


def system_not_in_list(group, system):
    return warning(10135, "Group %s is not configured to run on system %s" % (group, system))  # [recon]


def system_unavailable(system):
    return warning(10200, "System %s is not available" % system)  # [recon] wording


def type_missing(type_name):
    return warning(10212, "Resource type %s does not exist" % type_name)  # [recon]


def attribute_missing(attr_name, what):
    return warning(10325, "Attribute %s does not exist for %s" % (attr_name, what))  # [recon]


def bad_value(text):
    return warning(10328, "Invalid value: %s" % text)  # [recon]


def not_modifiable(attr_name):
    return warning(10327, "Attribute %s cannot be modified" % attr_name)  # [recon]


def attribute_is_local(attr_name):
    return warning(10551, "Attribute %s is local; specify the system with -sys" % attr_name)  # [recon]


def attribute_is_global(attr_name):
    return warning(10550, "Attribute %s is global; -sys cannot be used" % attr_name)  # [recon]


def already_local(attr_name):
    return warning(10552, "Attribute %s is already local" % attr_name)  # [recon]


def keylist_has(value):
    return warning(10563, "Entry %s already exists in the keylist" % value)  # [recon] wording


def keylist_lacks(value):
    return warning(10566, "Entry %s does not exist in the keylist" % value)  # [recon] wording


def systemlist_delete_refused(group, system):
    return warning(10180, "System %s is not defined in the SystemList of group %s or the group is not "
                   "offline on it" % (system, group))  # [recon] wording


def invalid_name(kind, name):
    return warning(10145, "Invalid %s name: %s" % (kind, name))  # [recon]


# ------------------------------------------------------------------ group objects
def group_exists(group):
    return warning(10131, "Group %s already exists" % group)  # [recon]


def group_has_resources(group):
    return warning(10164, "Group %s has resources; delete them first" % group)  # [recon]


def group_has_dependencies(group):
    return warning(10166, "Group %s has dependencies; unlink them first" % group)  # [recon]


def group_not_offline(group):
    return warning(10163, "Group %s is not offline on every system" % group)  # [recon]


def link_invalid(text):
    return warning(10144, "Invalid group dependency: %s" % text)  # [recon]


def link_exists(parent, child):
    return warning(10148, "Group %s already depends on group %s" % (parent, child))  # [recon]


def link_cycle(parent, child):
    return warning(10149, "Linking %s to %s would create a dependency cycle" % (parent, child))  # [recon]


def unlink_failed(parent, child):
    return warning(10146, "Could not unlink groups %s and %s: no such dependency" % (parent, child))  # [recon] wording


def parallel_has_resources(group):
    return warning(10179, "Cannot change attribute Parallel of group %s: the group is not offline"
                   % group)  # [recon]


def no_group_deps():
    return warning(50035, "No Group dependencies are configured")


# ------------------------------------------------------------------ group operations
def frozen(group):
    return warning(10158, "Group %s is frozen" % group)  # [recon]


def already_online(group, system):
    return warning(40229, "Group %s is already online on system %s" % (group, system))  # [recon] wording


def not_offline_elsewhere(group, system, other):
    return warning(10165, "Cannot online failover group %s on system %s: the group is not offline on "
                   "system %s" % (group, system, other))  # [recon] wording


def group_faulted(group, system):
    return warning(10167, "Group %s is faulted on system %s; clear the fault first" % (group, system))  # [recon]


def no_enabled_resources(group):
    return warning(10159, "Group %s has no enabled resources; cannot be brought online" % group)  # [recon]


def deps_not_met(group, system):
    return warning(10206, "Group dependencies are not met for group %s on system %s" % (group, system))  # [recon] wording


def parents_online(group, system):
    return warning(10207, "Cannot offline group %s on system %s: dependent parent groups are online"
                   % (group, system))  # [recon]


def not_online(group, system):
    return warning(10162, "Group %s is not online on system %s" % (group, system))  # [recon]


def failover_any_online(group, system):
    return warning(50997, "Failover group %s is already online on system %s" % (group, system))  # [recon] wording


def parallel_any_online(group):
    return warning(50996, "Parallel group %s is already online on every possible system" % group)  # [recon] wording


def no_target(group):
    return warning(40156, "Cannot online group %s. No target system found" % group)  # [recon] wording


def switch_inactive(group):
    return warning(10191, "Cannot switch group %s: the group is not active anywhere in the cluster" % group)  # [recon] wording


def switch_own(group, system):
    return warning(10192, "Cannot switch group %s to system %s: the group is online there" % (group, system))  # [recon] wording


def switch_unable(group):
    return warning(51055, "Unable to switch group %s: no system can take it" % group)  # [recon] wording


def switch_parallel(group):
    return warning(10193, "Cannot switch parallel group %s" % group)  # [recon]


def systemlist_empty(group):
    return warning(50837, "SystemList of group %s is empty" % group)  # [recon] wording


def already_frozen(persistent):
    if persistent:
        return warning(40209, "Group is already persistently frozen")
    return warning(40208, "Group is already temporarily frozen")  # wording after 40209


def not_frozen(persistent):
    if persistent:
        return warning(40202, "Group is not persistently frozen")
    return warning(40201, "Group is not temporarily frozen")  # wording after 40202


# ------------------------------------------------------------------ resources
def resource_exists(resource):
    return warning(10257, "Resource %s already exists" % resource)  # [recon]


def resource_online_somewhere(resource):
    return warning(10237, "Resource %s is not offline on every system" % resource)  # [recon]


def resource_has_links(resource):
    return warning(10249, "Resource %s has dependencies; unlink them first" % resource)  # [recon]


def resource_link_invalid(text):
    return warning(10253, "Cannot link resources: %s" % text)  # [recon]


def resource_unlink_failed(parent, child):
    return warning(10254, "Resource %s does not depend on resource %s" % (parent, child))  # [recon]


def no_resource_deps():
    return warning(50034, "No Resource dependencies are configured")


def resource_group_elsewhere():
    return warning(10286, "Cannot online: resource's group is not offline elsewhere")


def resource_not_faulted():
    return warning(10267, "Resource not faulted or group in the process of failing over")


def resource_disabled(resource):
    return warning(10278, "Resource %s is not enabled" % resource)  # [recon]


def resource_children_offline(resource, system):
    return warning(10279, "Cannot online resource %s on system %s: its children are not online"
                   % (resource, system))  # [recon]


def resource_parents_online(resource, system):
    return warning(10280, "Cannot offline resource %s on system %s: its parents are online"
                   % (resource, system))  # [recon]


def resource_already(resource, system, state):
    return warning(10281, "Resource %s is already %s on system %s" % (resource, state.lower(), system))  # [recon]


# ------------------------------------------------------------------ global clusters (GCO)
# None of these texts is from a capture: V-numbers and wording are [recon].
def cluster_missing(cluster):
    return warning(50030, "Cluster %s does not exist" % cluster)  # [recon]


def remote_exists(cluster):
    return warning(50101, "Remote cluster %s already exists" % cluster)  # [recon]


def remote_is_local(cluster):
    return warning(50102, "Cluster %s is the local cluster" % cluster)  # [recon]


def remote_in_use(cluster, what):
    return warning(50103, "Cannot delete remote cluster %s: it is in the ClusterList of %s" % (cluster, what))  # [recon]


def bad_address(address):
    return warning(50104, "Invalid ClusterAddress %s" % address)  # [recon]


def cluster_attr_not_modifiable(attr_name):
    return warning(50105, "Attribute %s of the cluster cannot be modified" % attr_name)  # [recon]


def declare_running(cluster):
    return warning(50106, "Cluster %s is in RUNNING state; cannot declare its failure" % cluster)  # [recon]


def declare_local():
    return warning(50107, "Cannot declare the state of the local cluster")  # [recon]


def declare_disconnect_failover():
    return warning(50108, "Option -failover cannot be used with disconnect")  # [recon]


def not_global(group):
    return warning(50810, "Group %s is not a global group" % group)  # [recon]


def not_in_cluster_list(cluster, group):
    return warning(50811, "Cluster %s is not in the ClusterList of group %s" % (cluster, group))  # [recon]


def remote_not_running(cluster, state):
    return warning(50812, "Remote cluster %s is not in RUNNING state (%s)" % (cluster, state))  # [recon]


def group_not_in_remote(group, cluster):
    return warning(50813, "Group %s does not exist in cluster %s" % (group, cluster))  # [recon]


def global_active_elsewhere(group, cluster):
    # Related real text, for a group mid-operation in another cluster (supportinfoscale article
    # 100021690): "VCS WARNING V-16-1-51042 Cannot online group <g>. Group is in the middle of a
    # group operation in cluster <c>". Not used: this check also covers a group ONLINE there.
    return warning(50814, "Global group %s is online or in transition in cluster %s" % (group, cluster))  # [recon]


def authority_elsewhere(group, cluster, state):
    return warning(50815, "Global group %s is owned by cluster %s, which is in %s state; declare the cluster's "
                   "failure with haclus -declare first" % (group, cluster, state))  # [recon]


def global_parallel_switch(group):
    return warning(50816, "Cannot switch parallel group %s between clusters" % group)  # [recon]


def cluster_list_unknown(cluster):
    return warning(50817, "Cluster %s is neither the local cluster nor a remote cluster" % cluster)  # [recon]


def heartbeat_exists(name):
    return warning(50901, "Heartbeat %s already exists" % name)  # [recon]


def heartbeat_missing(name):
    return warning(50902, "Heartbeat %s does not exist" % name)  # [recon]


def heartbeat_type(name):
    return warning(50903, "Heartbeat type %s is not supported (Icmp, IcmpS)" % name)  # [recon]


def heartbeat_needs_cluster(attr_name):
    return warning(50904, "Attribute %s is local to each cluster; specify the cluster with -clus" % attr_name)  # [recon]


def heartbeat_cluster_not_listed(name, cluster):
    return warning(50905, "Cluster %s is not in the ClusterList of heartbeat %s" % (cluster, name))  # [recon]


def heartbeat_attr_global(attr_name):
    return warning(50906, "Attribute %s is global; -clus cannot be used (hahb -local first)" % attr_name)  # [recon]


def no_heartbeats():
    return warning(50907, "No Heartbeats are configured")  # [recon] after V-16-1-50031
