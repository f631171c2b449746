"""The one error a malformed data file raises: it names the file, the entry and the problem."""


class CorpusError(ValueError):
    """A data file was refused; the message says which file, which entry, and what is wrong."""

    def __init__(self, file: str, entry: str, problem: str) -> None:
        super().__init__(f"{file}: {entry}: {problem}")
        self.file, self.entry, self.problem = file, entry, problem
