"""Intake: what it accepts, what it refuses and why, and that nothing lands outside scratch."""

import json
import zipfile

import pytest

from autograder.intake import IntakeError, IntakeLimits, find_submissions, open_submission, submission_id


def _zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_is_unpacked_with_its_manifest(tmp_path):
    source = _zip(tmp_path / "alice.zip", {"models/NN.p": b"x", "manifest.json": json.dumps({"assignment": "a1"})})
    submission = open_submission(source, tmp_path / "scratch", "alice")
    assert (submission.directory / "models" / "NN.p").read_bytes() == b"x"
    assert submission.declared_assignment == "a1" and submission.notes == []


def test_zip_of_a_single_folder_is_unwrapped(tmp_path):
    source = _zip(tmp_path / "bob.zip", {"exercise05/models/NN.p": b"x"})
    submission = open_submission(source, tmp_path / "scratch", "bob")
    assert (submission.directory / "models" / "NN.p").is_file()


def test_names_written_as_utf8_without_the_flag_are_accepted(tmp_path):
    source = _zip(tmp_path / "c.zip", {"models/caf\u00e9.p": b"x"})
    data = source.read_bytes().replace(b"\x00\x08", b"\x00\x00")  # clear the UTF-8 flag bit
    source.write_bytes(data)
    submission = open_submission(source, tmp_path / "scratch", "c")
    assert (submission.directory / "models" / "caf\u00e9.p").is_file()


def test_lying_sizes_cannot_exceed_the_byte_limit(tmp_path):
    """Is the limit enforced on the bytes actually inflated, not only on the declared sizes?"""
    source = _zip(tmp_path / "big.zip", {"a.bin": bytes(3 * 1024 * 1024)})
    limits = IntakeLimits(max_bytes=2 * 1024 * 1024, max_ratio=10**9)
    with pytest.raises(IntakeError, match="more than 2 MB"):
        open_submission(source, tmp_path / "scratch", "big", limits)


def test_folder_with_a_symlink_is_refused(tmp_path):
    folder = tmp_path / "sub"
    (folder / "models").mkdir(parents=True)
    (folder / "models" / "NN.p").symlink_to("/etc/passwd")
    with pytest.raises(IntakeError, match="symbolic link"):
        open_submission(folder, tmp_path / "scratch", "sub")


def test_notebook_alone_is_accepted_and_checked(tmp_path):
    (tmp_path / "nb.ipynb").write_text("not json")
    submission = open_submission(tmp_path / "nb.ipynb", tmp_path / "scratch", "nb")
    assert (submission.directory / "nb.ipynb").is_file()
    assert submission.notes == ["nb.ipynb is not a valid notebook and was not read (NotJSONError)."]


def test_unknown_file_kind_is_refused(tmp_path):
    (tmp_path / "essay.docx").write_bytes(b"\x00\x01")
    with pytest.raises(IntakeError, match="neither a zip file"):
        open_submission(tmp_path / "essay.docx", tmp_path / "scratch", "essay")


def test_invalid_manifest_is_noted_and_ignored(tmp_path):
    source = _zip(tmp_path / "m.zip", {"manifest.json": b"{oops", "models/NN.p": b"x"})
    submission = open_submission(source, tmp_path / "scratch", "m")
    assert submission.manifest is None and "manifest.json is not valid JSON" in submission.notes[0]


def test_folder_of_zips_expands_and_ids_are_unique(tmp_path):
    batch = tmp_path / "batch"
    (batch / "carol" / "exercise_code").mkdir(parents=True)
    for name in ("alice.zip", "bob.zip", "notes.txt", "x.ipynb"):
        (batch / name).write_bytes(b"")
    found = find_submissions([batch])
    assert [p.name for p in found] == ["alice.zip", "bob.zip", "carol", "x.ipynb"]
    assert submission_id(batch / "alice.zip", {"alice"}) == "alice-2"
    assert submission_id(tmp_path / "we ird/../na me!.zip") == "na_me"
