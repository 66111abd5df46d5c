"""Decision records in and out: Markdown files (MADR 4, 3, 2, log4brains, Nygard) <-> decisions.

Pure text to values (``parse_record``, ``to_madr``), plus a folder reader that only reads files
and a writer that only writes them. Nothing here touches the database: an importer keeps each
result's ``key`` (the source path) and ``content_hash`` so that importing twice does not
duplicate.
"""

from passerelle.records.folder import FolderReport, Known, read_folder, resolve, write_folder
from passerelle.records.madr import file_name, to_madr
from passerelle.records.parse import content_hash, parse_record, record_key
from passerelle.records.results import Format, Link, Outcome, Problem, RecordResult, Severity

__all__ = [
    "FolderReport",
    "Format",
    "Known",
    "Link",
    "Outcome",
    "Problem",
    "RecordResult",
    "Severity",
    "content_hash",
    "file_name",
    "parse_record",
    "read_folder",
    "record_key",
    "resolve",
    "to_madr",
    "write_folder",
]
