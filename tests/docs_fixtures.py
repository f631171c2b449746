"""Small real document sets for the document tests: Markdown, reST, text, HTML with navigation, and a
PDF written with fpdf2."""
from __future__ import annotations

from pathlib import Path

HTML = """<!DOCTYPE html>
<html><head><title>Scaling guide — Example docs</title><script>var nav = "scriptword";</script></head>
<body>
<nav><ul><li><a href="/">Home navigationword</a></li></ul></nav>
<div class="sphinxsidebar">sidebarword</div>
<div class="body" role="main">
<h1>Scaling guide<a class="headerlink" href="#x">¶</a></h1>
<p>Standardization rescales each feature to zero mean and unit variance, which many estimators expect.
Use the StandardScaler transformer for it.</p>
<h2>Min-max scaling</h2>
<p>MinMaxScaler maps every feature into a fixed range such as zero to one.</p>
<ul><li>first listed point about ranges</li><li>second listed point about clipping</li></ul>
<table><tr><th>scaler</th><th>effect</th></tr><tr><td>RobustScaler</td><td>uses the median and quartiles</td></tr></table>
<pre>scaler = StandardScaler().fit(X)</pre>
</div>
<footer>footerword copyright</footer>
</body></html>
"""

MARKDOWN = """# Deployment notes

Our models ship as containers built nightly.

## Rollback

To roll back a release, redeploy the previous image tag
from the registry and restart the workers.

| step | command |
|------|---------|
| list | show tags |
"""

RST = """Onboarding
==========

New engineers get a laptop and an account on the first day.

Access requests
---------------

Ask the platform team in the access channel for database credentials.

.. note:: Sphinx-only roles like :func:`grant` keep their text.
"""

TEXT = """Meeting notes

The quarterly planning meeting moved to Thursday afternoon.

Budget approvals need two signatures from finance.
"""


def write_pdf(path: Path, pages: list[str], title: str = "Hardware handbook") -> Path:
    """A real PDF, one page a string."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    return path


def make_docs(folder: Path) -> Path:
    """One file of each supported format, plus an unsupported one, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "guide.html").write_text(HTML, encoding="utf-8")
    (folder / "deploy.md").write_text(MARKDOWN, encoding="utf-8")
    (folder / "onboarding.rst").write_text(RST, encoding="utf-8")
    (folder / "notes.txt").write_text(TEXT, encoding="utf-8")
    write_pdf(folder / "handbook.pdf", ["The cluster has eight GPU nodes with liquid cooling.",
                                        "Each node draws about four kilowatts at full load."])
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return folder


_FILLER = ("Each release of the service is built from the main branch and deployed by the pipeline, which runs the "
           "tests, packages the wheels and uploads them to the internal index for the other teams. ")


def _page(title: str, *sections: tuple[str, str]) -> str:
    body = "".join(f"## {heading}\n\n{text}\n\n" for heading, text in sections)
    return f"# {title}\n\n{_FILLER}\n\n{body}"


def make_pool_docs(folder: Path) -> Path:
    """Four Markdown pages about a connection pool: its reference page, a session page, a changelog that
    names the pool often in passing, and a tuning guide."""
    (folder / "changelog").mkdir(parents=True)
    (folder / "reference").mkdir()
    (folder / "reference" / "ConnectionPool.md").write_text(_page(
        "ConnectionPool", ("Parameters", "The pool keeps idle connections; size bounds them and recycle closes old ones."),
        ("Recycling", "Connections older than the recycle age are closed and replaced when next checked out.")))
    (folder / "reference" / "Session.md").write_text(_page(
        "Session", ("Overview", "A session borrows a connection from the pool for each transaction.")))
    (folder / "changelog" / "changes.md").write_text(_page(
        "Changes in 2.0", ("Fixes", "The connection pool recycle age and pool size are checked; pool connections recycle."),
        ("Features", "Sessions log their connection pool checkouts.")))
    (folder / "guide.md").write_text(_page(
        "Tuning guide", ("Connections", "Tune the connection pool size and the recycle age for your database."),
        ("Timeouts", "Set a statement timeout so that slow queries fail early.")))
    return folder
