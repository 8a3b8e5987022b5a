import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.continuum.infoscale.plugins.filter.storage_problems import storage_problems


def group(name='dbdg', disks=('emc0_0', 'emc0_1'), volumes=(), **extra):
    return dict(name=name, disks=list(disks), volumes=list(volumes), **extra)


def test_a_sound_request_has_no_problem():
    request = [group(volumes=[{'name': 'v1', 'size': '10g', 'layout': 'mirror'},
                              {'name': 'v2', 'size': '2048', 'layout': 'stripe', 'ncol': 2}]),
               group('appdg', ['emc0_2'], [{'name': 'app', 'size': '1t'}])]
    assert storage_problems(request) == []


@pytest.mark.parametrize('volume, problem', [
    ({'name': 'my vol', 'size': '1g'}, "volume dbdg/my vol: volume name 'my vol' contains white space"),
    ({'name': '-v', 'size': '1g'}, 'volume dbdg/-v: volume name \'-v\' starts with "-" and would be read as an option'),
    ({'name': 'v', 'size': '10x'}, "volume dbdg/v: size '10x' is not a VxVM length"),
    ({'name': 'v', 'size': '-5g'}, "volume dbdg/v: size '-5g' is not a VxVM length"),
    ({'name': 'v', 'size': '0'}, "volume dbdg/v: size '0' must be greater than zero"),
    ({'name': 'v', 'size': '1g', 'layout': 'raid7'}, "volume dbdg/v: layout 'raid7' is not one of"),
    ({'name': 'v', 'size': '1g', 'layout': 'stripe', 'ncol': 3},
     'volume dbdg/v: layout stripe with ncol=3 needs 3 disks, but the disk group has only 2'),
    ({'name': 'v', 'size': '1g', 'ncol': 2}, 'volume dbdg/v: ncol applies to striped layouts'),
])
def test_each_bad_volume_is_named(volume, problem):
    problems = storage_problems([group(volumes=[volume])])
    assert len(problems) == 1 and problems[0].startswith(problem), problems


def test_groups_and_disks_listed_twice():
    problems = storage_problems([group(), group(disks=['emc0_1', 'emc0_2']),
                                 group('x y', ['emc0_3'], [{'name': 'v'}, {'name': 'v'}])])
    assert problems == [
        'disk group dbdg is listed twice',
        "disk group name 'x y' contains white space",
        'volume x y/v is listed twice',
        'disk emc0_1 is listed in more than one disk group',
    ]


def test_volumes_of_an_absent_group_are_not_checked():
    assert storage_problems([group(state='absent', volumes=[{'name': 'v', 'size': 'bad'}])]) == []


def test_without_disks_the_disk_count_is_not_checked():
    assert storage_problems([group(disks=(), volumes=[{'name': 'v', 'layout': 'stripe', 'ncol': 8}])]) == []


def test_not_a_list_is_an_error():
    with pytest.raises(AnsibleFilterError, match='expects the list storage_diskgroups'):
        storage_problems({'name': 'dbdg'})
