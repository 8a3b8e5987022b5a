"""VCS module cases: module_cases.run_case plus the configuration folder a case needs.

A case may give the files of ``$VCS_CONF/conf/config``::

    main_cf: {fixture: vcs_main_prod.cf}     # or the text itself
    conf_files: {types.cf: "type X (...)"}   # other files of the folder (text or {fixture: name})

VCS_CONF is set to a fresh folder for every case (empty when the case gives no file), so no
test ever reads the machine's /etc/VRTSvcs.
"""

from .module_cases import _resolve, run_case


def run_vcs_case(module_main, case, monkeypatch, tmp_path):
    root = tmp_path / 'vcs'
    folder = root / 'conf' / 'config'
    folder.mkdir(parents=True)
    files = dict(case.get('conf_files') or {})
    if case.get('main_cf') is not None:
        files['main.cf'] = case['main_cf']
    for name, content in files.items():
        (folder / name).write_text(_resolve(content))
    monkeypatch.setenv('VCS_CONF', str(root))
    return run_case(module_main, case, monkeypatch)
