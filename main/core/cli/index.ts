// CLI entry: see commands registered below.
