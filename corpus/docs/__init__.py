"""Your own documents: readers per format, the chunker, and the on-disk library of collections.

Only `library` is imported by the answering path; readers (lxml, pypdf, docutils, markdown-it-py) load
when `fwbot docs add` reads files."""
