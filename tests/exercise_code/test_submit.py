"""``save_pickle`` and ``submit_exercise``: the homework's files, lines and manifest."""

import hashlib
import json
import pickle
import zipfile

import pytest

import exercise_code
from exercise_code.networks.layer import Relu, affine_forward
from exercise_code.submit import save_pickle, submit_exercise


@pytest.fixture
def exercise_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "neural_networks.ipynb").write_text("{}")
    return tmp_path


def test_save_pickle_writes_models_file_that_unpickles_by_module_path(exercise_dir):
    path = save_pickle({"AffineForward": affine_forward, "Relu": Relu}, "NN.p")
    assert path.resolve() == exercise_dir / "models" / "NN.p"
    loaded = pickle.loads(path.read_bytes())
    assert loaded["AffineForward"] is affine_forward and loaded["Relu"] is Relu


def test_submit_prints_the_homework_lines_and_zips_everything(exercise_dir, capsys):
    save_pickle({"Relu": Relu}, "NN.p")
    zip_path = submit_exercise("exercise05")

    assert zip_path == exercise_dir / "exercise05.zip"
    assert capsys.readouterr().out == (
        "relevant folders: ['models']\n"
        "notebooks files: ['neural_networks.ipynb']\n"
        "Adding folder models\n"
        "Adding folder exercise_code\n"
        f"Zipping successful! Zip is stored under: {zip_path}\n"
    )
    with zipfile.ZipFile(zip_path) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        assert {"models/NN.p", "neural_networks.ipynb", "exercise_code/networks/layer.py"} <= names
        assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)
        assert manifest["assignment"] == "exercise05"
        assert manifest["kit_version"] == exercise_code.__version__
        assert set(manifest["files"]) == names - {"manifest.json"}
        for name, entry in manifest["files"].items():
            assert entry["sha256"] == hashlib.sha256(archive.read(name)).hexdigest()
    assert not list(exercise_dir.glob("*.partial"))


def test_submit_refuses_without_the_pickle(exercise_dir, capsys):
    """Is a submission without models/NN.p refused with the file named and no zip written?"""
    assert submit_exercise("exercise05") is None
    out = capsys.readouterr().out
    assert "Submission NOT created: models/NN.p is missing" in out
    assert "save_pickle" in out
    assert not (exercise_dir / "exercise05.zip").exists()
