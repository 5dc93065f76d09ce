"""The IDX file format of MNIST and Fashion-MNIST, gzipped or raw.

An IDX file is a magic number (two zero bytes, a type code, the number of
dimensions k), then k big-endian int32 sizes, then the values in row-major
order, big-endian. MNIST's images are 0x00000803 = 2051 (unsigned bytes, three
dimensions), its labels 0x00000801 = 2049 (unsigned bytes, one dimension).
"""

import gzip
import math
import zlib
from pathlib import Path

import numpy as np

from .errors import DataFormatError

__all__ = ["IMAGES_MAGIC", "LABELS_MAGIC", "read_idx"]

IMAGES_MAGIC = 0x0803
LABELS_MAGIC = 0x0801
GZIP_MAGIC = b"\x1f\x8b"
# Type code -> dtype of the values on disk.
DTYPES = {0x08: "u1", 0x09: "i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def read_idx(path, magic=None):
    """
    Reads an IDX file, gzipped or not (told apart by its first bytes, not its name).

    Inputs:
    - path: the file
    - magic: the magic number the file must have (IMAGES_MAGIC, LABELS_MAGIC); None accepts any

    Returns:
    - array: of shape (d_1, ..., d_k) as its header says, in native byte order
    Raises DataFormatError for a broken gzip stream, a magic number that is not
    IDX or not ``magic``, and a file shorter or longer than its header says.
    """
    data = _read_bytes(Path(path))
    found = int.from_bytes(data[:4], "big")
    code, ndim = found >> 8, found & 0xFF
    if len(data) < 4 or found >> 16 or code not in DTYPES or ndim == 0:
        raise DataFormatError(path, f"not an IDX file (magic number {data[:4].hex()})")
    if magic is not None and found != magic:
        raise DataFormatError(path, f"magic number {found}, expected {magic}: is it the file its name says?")
    header = 4 + 4 * ndim
    if len(data) < header:
        raise DataFormatError(path, f"{len(data):,} bytes (truncated), too short for its header of {header} bytes")
    shape = tuple(int(size) for size in np.frombuffer(data[4:header], ">u4"))
    dtype = np.dtype(DTYPES[code])
    expected = header + math.prod(shape) * dtype.itemsize
    if len(data) != expected:
        short = " (truncated)" if len(data) < expected else ""
        raise DataFormatError(path, f"{len(data):,} bytes{short}, expected {expected:,} for values of shape {shape}")
    return np.frombuffer(data, dtype, offset=header).reshape(shape).astype(dtype.newbyteorder("="))


def _read_bytes(path):
    raw = path.read_bytes()
    if raw[:2] != GZIP_MAGIC:
        return raw
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error) as error:  # a truncated stream raises EOFError
        raise DataFormatError(path, f"broken gzip stream ({error}); delete the file and download it again") from error
