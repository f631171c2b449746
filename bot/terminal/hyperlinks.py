"""Whether the terminal shows OSC 8 hyperlinks. No escape sequence asks a terminal that, so this goes by
what terminals announce in the environment (the signals the supports-hyperlinks npm package uses)."""
from __future__ import annotations

import os
from collections.abc import Mapping

_PROGRAMS = {"WezTerm", "ghostty", "vscode", "Hyper", "Tabby", "rio"}
"""TERM_PROGRAM values of terminals that show hyperlinks."""

_TERMS = {"xterm-kitty", "xterm-ghostty", "wezterm", "foot", "foot-extra", "alacritty"}
"""TERM values of terminals that show hyperlinks."""

_MARKERS = ("WT_SESSION", "KITTY_WINDOW_ID", "KONSOLE_VERSION", "DOMTERM")
"""Variables only terminals that show hyperlinks set (Windows Terminal, kitty, Konsole, DomTerm)."""


def supported(env: Mapping[str, str] | None = None) -> bool:
    """True when the terminal described by `env` (default: this process's) shows OSC 8 hyperlinks.

    FORCE_HYPERLINK=1 or =0 decides outright, for terminals this list does not know.
    """
    env = os.environ if env is None else env
    forced = env.get("FORCE_HYPERLINK")
    if forced is not None:
        return forced.strip() not in ("", "0")
    program = env.get("TERM_PROGRAM", "")
    if program == "iTerm.app":
        return _version(env.get("TERM_PROGRAM_VERSION", "")) >= (3, 1)
    if program in _PROGRAMS or env.get("TERM", "") in _TERMS or any(env.get(name) for name in _MARKERS):
        return True
    vte = env.get("VTE_VERSION", "")  # GNOME Terminal and other VTE terminals: 5000 is VTE 0.50
    return vte.isdigit() and int(vte) >= 5000


def _version(text: str) -> tuple[int, ...]:
    """"3.4.19" as (3, 4, 19); what is not a number ends it."""
    parts: list[int] = []
    for part in text.split("."):
        if not part.isdigit():
            break
        parts.append(int(part))
    return tuple(parts)
