"""Readers per format and the chunker, on real files made here."""
from pathlib import Path

import pytest

from corpus.docs.chunker import MAX_WORDS, chunk
from corpus.docs.readers import Block, Document, ReadError, reader_for
from docs_fixtures import HTML, MARKDOWN, RST, TEXT, write_pdf


def _read(path: Path, data: bytes | str):
    raw = data.encode("utf-8") if isinstance(data, str) else data
    reader = reader_for(path)
    assert reader is not None
    return reader(raw, path)


def test_html_keeps_main_content_and_headings_and_drops_navigation():
    doc = _read(Path("guide.html"), HTML)
    text = " ".join(b.text for b in doc.blocks)
    assert doc.title == "Scaling guide"
    for gone in ("navigationword", "sidebarword", "footerword", "scriptword", "¶"):
        assert gone not in text
    first = doc.blocks[0]
    assert first.text.startswith("Standardization rescales") and first.heading == "Scaling guide" and first.line == 8
    assert {b.heading for b in doc.blocks} == {"Scaling guide", "Min-max scaling"}
    assert "RobustScaler | uses the median and quartiles" in [b.text for b in doc.blocks]
    assert "scaler = StandardScaler().fit(X)" in [b.text for b in doc.blocks]


def test_markdown_blocks_have_headings_and_lines():
    doc = _read(Path("deploy.md"), MARKDOWN)
    assert doc.title == "Deployment notes"
    rollback = next(b for b in doc.blocks if "roll back" in b.text)
    assert rollback.heading == "Rollback" and rollback.line == 7
    assert rollback.text == "To roll back a release, redeploy the previous image tag from the registry and restart the workers."
    assert any(b.text == "list | show tags" for b in doc.blocks)


def test_rst_blocks_have_section_titles_and_lines_and_unknown_roles_keep_text():
    doc = _read(Path("onboarding.rst"), RST)
    assert doc.title == "Onboarding"
    access = next(b for b in doc.blocks if "credentials" in b.text)
    assert access.heading == "Access requests" and access.line == 9
    assert any("grant" in b.text for b in doc.blocks)
    assert not any("Unknown interpreted text role" in b.text for b in doc.blocks)


def test_rst_include_directive_reads_no_other_file(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("topsecretword")
    doc = _read(tmp_path / "x.rst", f"Title\n=====\n\n.. include:: {secret}\n\nAfter.\n")
    assert "topsecretword" not in " ".join(b.text for b in doc.blocks)


def test_text_paragraphs_start_at_their_lines():
    doc = _read(Path("notes.txt"), TEXT)
    assert [(b.text[:20], b.line) for b in doc.blocks] == [("Meeting notes", 1), ("The quarterly planni", 3), ("Budget approvals nee", 5)]


def test_pdf_pages_are_read_with_page_numbers_and_title(tmp_path: Path):
    path = write_pdf(tmp_path / "h.pdf", ["First page about cooling.", "Second page about power."])
    doc = _read(path, path.read_bytes())
    assert doc.title == "Hardware handbook"
    assert [(b.text, b.page) for b in doc.blocks] == [("First page about cooling.", 1), ("Second page about power.", 2)]


@pytest.mark.parametrize("name, data", [
    ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf body\n%%EOF"),
    ("garbage.pdf", bytes(range(256)) * 4),
    ("binary.html", b"\x00\x01\x02<html>\x00\xff"),
    ("empty.html", b""),
    ("latin1.md", "caf\xe9".encode("latin-1")),
    ("nul.txt", b"text\x00more"),
])
def test_malformed_files_raise_a_read_error_with_a_reason(name: str, data: bytes):
    with pytest.raises(ReadError) as caught:
        _read(Path(name), data)
    assert str(caught.value)


def test_unsupported_formats_have_no_reader():
    assert reader_for(Path("logo.png")) is None and reader_for(Path("Makefile")) is None
    assert reader_for(Path("README.MD")) is not None


def test_chunker_joins_short_blocks_under_one_heading_and_cuts_long_ones():
    sentence = "This sentence has exactly eight words in it."
    long_block = Block(" ".join([sentence] * 60), "Long", 10)
    doc = Document("t", [Block("short one", "A", 1), Block("short two", "A", 2), Block("other heading", "B", 3), long_block])
    passages = chunk(doc)
    assert (passages[0].text, passages[0].line) == ("short one\nshort two", 1)
    assert passages[1].heading == "B"
    long_parts = [p for p in passages if p.heading == "Long"]
    assert len(long_parts) >= 3 and all(len(p.text.split()) <= MAX_WORDS for p in long_parts)
    assert all(p.text.endswith("in it.") for p in long_parts)
    assert " ".join(p.text for p in long_parts) == long_block.text


def test_a_short_last_passage_joins_the_one_before_it_under_the_same_heading():
    body = " ".join(["word"] * 50)
    passages = chunk(Document("t", [Block(body, "A", 1), Block("a short tail", "A", 5), Block("next section", "B", 9)]))
    assert [(p.heading, p.line, p.text) for p in passages] == [("A", 1, f"{body}\na short tail"), ("B", 9, "next section")]
