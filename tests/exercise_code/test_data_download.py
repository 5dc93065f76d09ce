"""The downloader, over a real socket: an HTTP server on 127.0.0.1 serves synthetic files.

The server honours Range requests, can cut a connection part-way through a file
and records every request, so each test can say what went over the wire. The
manifests used here point at that server; nothing leaves 127.0.0.1.
"""

import hashlib
import http.server
import io
import json
import re
import socket
import subprocess
import sys
import tarfile
import threading

import numpy as np
import pytest

from exercise_code.data import DataFormatError, DownloadError, ImageFolderDataset, MissingDataError, cifar10
from exercise_code.data import load_cifar10, load_mnist
from exercise_code.data.download import download, main
from exercise_code.data.manifest import load_manifest
from tests.conftest import KIT_ROOT
from tests.synthetic_data import write_cifar10_batches, write_mnist


class FileServer(http.server.ThreadingHTTPServer):
    """
    Serves ``files`` (name -> bytes) at ``/<name>``; 404 for other names.

    - requests: (name, Range header or None) of every request, in order
    - ranges: when False, Range headers are ignored (the whole file comes back, status 200)
    - cut_at: name -> offset: the next response for that name stops there and the connection closes
    """

    def __init__(self):
        super().__init__(("127.0.0.1", 0), RangeRequestHandler)
        self.files, self.cut_at, self.requests, self.ranges = {}, {}, [], True

    def url(self, name):
        return f"http://127.0.0.1:{self.server_port}/{name}"


class RangeRequestHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        server = self.server
        name, requested = self.path.lstrip("/"), self.headers.get("Range")
        server.requests.append((name, requested))
        if name not in server.files:
            self.send_error(404)
            return
        body = server.files[name]
        start = int(re.fullmatch(r"bytes=(\d+)-", requested).group(1)) if requested and server.ranges else 0
        self.send_response(206 if start else 200)
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        # HTTP/1.0: the connection closes after each response, cut short or not.
        self.wfile.write(body[start : server.cut_at.pop(name, len(body))])

    def log_message(self, *args):
        pass  # keep the test output quiet


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("no_proxy", "127.0.0.1")  # a proxy set in the environment must not see these requests
    server = FileServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port_url():
    """A URL on 127.0.0.1 where nobody listens: what offline looks like, quickly."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/file.gz"


def write_manifest(path, files, urls=None, name="toy", folder="toy", contents=None, unpack=False):
    """
    Writes a manifest with one data set listing ``files`` (name -> bytes) with their true sizes and checksums.

    - urls: name -> list of URLs
    - contents: what the data set provides once in place; default the file names
    """
    records = [
        {
            "name": file_name,
            "urls": urls[file_name],
            "size": len(data),
            "md5": hashlib.md5(data).hexdigest(),
            "sha256": hashlib.sha256(data).hexdigest(),
            "unpack": unpack,
        }
        for file_name, data in files.items()
    ]
    spec = {"title": name.upper(), "folder": folder, "files": records, "contents": contents or list(files)}
    path.write_text(json.dumps({"datasets": {name: spec}}))
    return path


def publish(server, tmp_path, files, **manifest_options):
    """Serves ``files`` and writes a manifest pointing at them; returns the manifest's path."""
    server.files.update(files)
    urls = {name: [server.url(name)] for name in files}
    return write_manifest(tmp_path / "manifest.json", files, urls, **manifest_options)


def tar_gz(members):
    """A .tar.gz of ``members`` (archive name -> bytes), built in memory."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@pytest.fixture(scope="module")
def mnist_files(tmp_path_factory):
    """The four synthetic MNIST files (name -> bytes) and the arrays in them."""
    folder = tmp_path_factory.mktemp("mnist-source")
    arrays = write_mnist(folder)
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}, arrays


BLOB = bytes(range(256)) * 1000  # 256,000 bytes, more than one chunk of the progress bar's reads


def test_download_fetches_verifies_and_shows_progress(server, tmp_path, mnist_files, capsys):
    """Do the files arrive whole and parse, under their own names only, with a progress bar per file?"""
    files, arrays = mnist_files
    manifest = publish(server, tmp_path, files, name="mnist", folder="mnist")

    folder = download("mnist", tmp_path / "data", manifest)

    assert folder == tmp_path / "data" / "mnist"
    assert sorted(path.name for path in folder.iterdir()) == sorted(files)  # no .part left behind
    images, labels = load_mnist(folder, "test")
    assert np.array_equal(images, arrays["test"][0]) and np.array_equal(labels, arrays["test"][1])
    progress = capsys.readouterr().err
    assert all(re.search(rf"{name}: 100%", progress) for name in files), progress


def test_a_second_download_returns_at_once_without_asking_the_server(server, tmp_path):
    manifest = publish(server, tmp_path, {"blob.bin": BLOB})
    download("toy", tmp_path, manifest)
    requests = len(server.requests)
    assert download("toy", tmp_path, manifest) == tmp_path / "toy"
    assert len(server.requests) == requests == 1


def test_a_cut_connection_is_resumed_with_a_range_request(server, tmp_path):
    """Is the rest of the file asked for from where the connection broke, and the result whole?"""
    manifest = publish(server, tmp_path, {"blob.bin": BLOB})
    server.cut_at["blob.bin"] = 100_000

    download("toy", tmp_path, manifest)

    assert server.requests == [("blob.bin", None), ("blob.bin", "bytes=100000-")]
    assert (tmp_path / "toy" / "blob.bin").read_bytes() == BLOB


def test_a_part_left_by_an_interrupted_run_is_resumed(server, tmp_path):
    manifest = publish(server, tmp_path, {"blob.bin": BLOB})
    (tmp_path / "toy").mkdir()
    (tmp_path / "toy" / "blob.bin.part").write_bytes(BLOB[:1234])

    download("toy", tmp_path, manifest)

    assert server.requests == [("blob.bin", "bytes=1234-")]
    assert (tmp_path / "toy" / "blob.bin").read_bytes() == BLOB


def test_a_server_that_ignores_ranges_gives_the_whole_file_once(server, tmp_path):
    """Is a 200 answer to a Range request written from the start, not appended to the part?"""
    manifest = publish(server, tmp_path, {"blob.bin": BLOB})
    server.ranges = False
    (tmp_path / "toy").mkdir()
    (tmp_path / "toy" / "blob.bin.part").write_bytes(BLOB[:1234])

    download("toy", tmp_path, manifest)

    assert (tmp_path / "toy" / "blob.bin").read_bytes() == BLOB


def test_a_part_that_is_not_the_start_of_the_file_is_downloaded_again(server, tmp_path):
    manifest = publish(server, tmp_path, {"blob.bin": BLOB})
    (tmp_path / "toy").mkdir()
    (tmp_path / "toy" / "blob.bin.part").write_bytes(b"garbage")

    download("toy", tmp_path, manifest)

    assert server.requests == [("blob.bin", "bytes=7-"), ("blob.bin", None)]
    assert (tmp_path / "toy" / "blob.bin").read_bytes() == BLOB


def test_a_truncated_file_in_the_folder_is_downloaded_again(server, tmp_path, capsys):
    """Is a file under the right name but too short replaced, and said so, never used?"""
    manifest = publish(server, tmp_path, {"blob.bin": BLOB})
    (tmp_path / "toy").mkdir()
    (tmp_path / "toy" / "blob.bin").write_bytes(BLOB[:1000])

    download("toy", tmp_path, manifest)

    assert (tmp_path / "toy" / "blob.bin").read_bytes() == BLOB
    assert "manifest: 1,000 bytes, expected 256,000 (truncated); downloading it again" in capsys.readouterr().err


def test_wrong_bytes_fail_the_checksum_and_are_thrown_away(server, tmp_path):
    manifest = publish(server, tmp_path, {"blob.bin": BLOB})
    server.files["blob.bin"] = BLOB[:-1] + b"!"  # same size, other bytes

    with pytest.raises(DownloadError) as raised:
        download("toy", tmp_path, manifest)

    expected_md5 = hashlib.md5(BLOB).hexdigest()
    assert f"md5 {hashlib.md5(server.files['blob.bin']).hexdigest()}, expected {expected_md5}" in str(raised.value)
    assert list((tmp_path / "toy").iterdir()) == []  # neither the file nor a part


def test_a_file_that_stays_short_is_an_error_not_a_file(server, tmp_path):
    """Does a server that never sends the whole file give a clear error, and no file under the real name?"""
    manifest = publish(server, tmp_path, {"blob.bin": BLOB})
    server.files["blob.bin"] = BLOB[:5000]

    with pytest.raises(DownloadError, match="connection closed after 5,000 of 256,000 bytes"):
        download("toy", tmp_path, manifest)
    assert not (tmp_path / "toy" / "blob.bin").exists()


def test_mirrors_are_tried_in_order(server, tmp_path):
    server.files["blob.bin"] = BLOB
    urls = {"blob.bin": [server.url("gone/blob.bin"), server.url("blob.bin")]}
    manifest = write_manifest(tmp_path / "manifest.json", {"blob.bin": BLOB}, urls)

    download("toy", tmp_path, manifest)

    assert [name for name, _ in server.requests] == ["gone/blob.bin", "blob.bin"]
    assert (tmp_path / "toy" / "blob.bin").read_bytes() == BLOB


def test_offline_the_error_says_which_file_to_put_where(tmp_path, closed_port_url):
    """Does the message name the file, its checksum, each URL with its failure, and the folder?"""
    manifest = write_manifest(tmp_path / "manifest.json", {"file.gz": BLOB}, {"file.gz": [closed_port_url]})

    with pytest.raises(DownloadError) as raised:
        download("toy", tmp_path / "data", manifest)

    message = str(raised.value)
    assert f"Could not download file.gz (256,000 bytes, md5 {hashlib.md5(BLOB).hexdigest()})" in message
    assert re.search(rf"{closed_port_url}: .*Connection refused", message)
    assert f"put it in {tmp_path / 'data' / 'toy'}" in message


def test_a_file_put_there_by_hand_is_checked_and_used_offline(tmp_path, closed_port_url):
    manifest = write_manifest(tmp_path / "manifest.json", {"file.gz": BLOB}, {"file.gz": [closed_port_url]})
    (tmp_path / "toy").mkdir()
    (tmp_path / "toy" / "file.gz").write_bytes(BLOB)
    assert download("toy", tmp_path, manifest) == tmp_path / "toy"


@pytest.fixture(scope="module")
def cifar_archive(tmp_path_factory):
    """The synthetic CIFAR-10 as the official archive lays it out: cifar-10-batches-py/<batch>."""
    folder = write_cifar10_batches(tmp_path_factory.mktemp("cifar-source"), train_per_batch=20, test_size=20)
    return tar_gz({f"{folder.name}/{path.name}": path.read_bytes() for path in sorted(folder.iterdir())})


def publish_cifar(server, tmp_path, archive):
    contents = [f"cifar-10-batches-py/{name}" for name in ("data_batch_1", "test_batch")]
    files = {"cifar-10-python.tar.gz": archive}
    return publish(server, tmp_path, files, name="cifar10", folder="cifar10", contents=contents, unpack=True)


def test_an_archive_is_unpacked_and_then_deleted(server, tmp_path, cifar_archive):
    manifest = publish_cifar(server, tmp_path, cifar_archive)

    folder = download("cifar10", tmp_path, manifest)

    assert [path.name for path in folder.iterdir()] == ["cifar-10-batches-py"]  # no archive, no staging folder
    images, labels, _ = load_cifar10(folder, "train")
    assert images.shape == (100, 32, 32, 3) and labels.shape == (100,)


@pytest.mark.parametrize("member", ["../escaped", "/tmp/absolute"])
def test_an_archive_member_outside_the_folder_is_refused(server, tmp_path, member):
    archive = tar_gz({"cifar-10-batches-py/test_batch": b"x", member: b"x"})
    manifest = publish_cifar(server, tmp_path, archive)

    with pytest.raises(DataFormatError, match=f"refusing to unpack the archive member '{member}'"):
        download("cifar10", tmp_path / "data", manifest)
    assert sorted(path.name for path in (tmp_path / "data").rglob("*")) == ["cifar-10-python.tar.gz", "cifar10"]


def test_the_dataset_downloads_cifar10_on_first_use(server, tmp_path, cifar_archive, monkeypatch, capsys):
    """Does ImageFolderDataset fetch the missing data with a progress bar, and refuse without download?"""
    manifest = publish_cifar(server, tmp_path, cifar_archive)
    monkeypatch.setattr(cifar10, "load_manifest", lambda: load_manifest(manifest))

    with pytest.raises(MissingDataError, match="CIFAR10 not found"):
        ImageFolderDataset(tmp_path / "cifar10", "test", download=False)
    assert server.requests == []
    dataset = ImageFolderDataset(tmp_path / "cifar10", "test")

    assert len(dataset) == 20 and dataset[0]["image"].shape == (32, 32, 3)
    assert "cifar-10-python.tar.gz: 100%" in capsys.readouterr().err


def test_the_command_line_downloads_and_reports_failures(server, tmp_path, capsys, closed_port_url):
    manifest = publish(server, tmp_path, {"blob.bin": BLOB})
    assert main(["toy", "--root", str(tmp_path), "--manifest", str(manifest)]) == 0
    assert f"toy is ready in {tmp_path / 'toy'}" in capsys.readouterr().out

    assert main(["cifar", "--root", str(tmp_path), "--manifest", str(manifest)]) == 1
    assert "unknown data set 'cifar'; the manifest has toy" in capsys.readouterr().err

    offline = write_manifest(tmp_path / "offline.json", {"file.gz": BLOB}, {"file.gz": [closed_port_url]})
    assert main(["toy", "--root", str(tmp_path / "elsewhere"), "--manifest", str(offline)]) == 1
    assert "Could not download file.gz" in capsys.readouterr().err


def test_python_dash_m_runs_the_download_without_warnings(server, tmp_path):
    """Does ``python -m exercise_code.data.download`` work as documented, with no runpy warning?"""
    manifest = publish(server, tmp_path, {"blob.bin": BLOB})
    command = [sys.executable, "-W", "error::RuntimeWarning", "-m", "exercise_code.data.download", "toy"]
    result = subprocess.run(
        command + ["--root", str(tmp_path), "--manifest", str(manifest)],
        capture_output=True,
        text=True,
        cwd=KIT_ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "toy" / "blob.bin").read_bytes() == BLOB
