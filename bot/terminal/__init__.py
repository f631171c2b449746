"""The terminal adapter: `fwbot` (cli), the chat (repl), how answers are drawn (render), `fwbot eval`.

cli, repl and evaluate share their input checks through `inputs` and never import each other.
"""
