"""`python -m bot.slack [--http ...]`: the same as `fwbot slack ...`."""
import sys

from bot.slack import run

raise SystemExit(run(sys.argv[1:]))
