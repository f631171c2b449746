"""What any adapter (Slack today; Discord or a web page next) shares: bounded maps, the worker pool,
the feedback log, log redaction, per-conversation sessions and the state store behind them."""
