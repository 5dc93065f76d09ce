"""What can go wrong with a data set, each said so that a student knows what to do next."""

__all__ = ["DataFormatError", "DownloadError", "MissingDataError"]


def _describe(remote):
    """'name (size bytes, md5 ...)' for a manifest RemoteFile."""
    return f"{remote.name} ({remote.size:,} bytes, md5 {remote.md5})"


class DataFormatError(ValueError):
    """A data file that is there but cannot be used: wrong format, truncated, corrupt."""

    def __init__(self, path, details):
        super().__init__(f"{path}: {details}")
        self.path = path
        self.details = details


class MissingDataError(FileNotFoundError):
    """Files of a data set are not in its folder; says where to get them and where to put them."""

    def __init__(self, entry, folder, missing):
        lines = [
            f"{entry.title} not found: {', '.join(missing)} missing in {folder}.",
            f"Load with download=True to fetch it, or download by hand into {folder}:",
        ]
        for remote in entry.files:
            unpack = " (it is unpacked on the next load with download=True)" if remote.unpack else ""
            lines.append(f"  {_describe(remote)} from {remote.urls[0]}{unpack}")
        super().__init__("\n".join(lines))
        self.entry = entry
        self.folder = folder
        self.missing = missing


class DownloadError(RuntimeError):
    """No URL of a file gave its verified bytes; says what was tried and how to do it by hand."""

    def __init__(self, remote, folder, failures):
        lines = [f"Could not download {_describe(remote)}:"]
        lines += [f"  {failure}" for failure in failures]
        lines.append(f"Download it by hand from {' or '.join(remote.urls)}")
        lines.append(f"and put it in {folder}: the next run checks it" + (" and unpacks it." if remote.unpack else "."))
        super().__init__("\n".join(lines))
        self.remote = remote
        self.folder = folder
        self.failures = failures
