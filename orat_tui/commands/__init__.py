"""Sub-commands beyond the app itself, one module each. Each module has
`register(add_command)`, where `add_command(name, help)` returns an argparse parser with the
common options (--db, --lang) and the module sets `parser.set_defaults(run=<function>)`.
The function takes the parsed args and returns an exit code. Modules import only argparse at
the top: the database layer and exporters are imported inside the functions."""
