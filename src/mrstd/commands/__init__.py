"""The command-line commands; each module holds one command and its output."""
