"""Reading and writing TOML: templates (shipped and the user's own) and the user config.

Errors name the file, line and column, so a broken file gets a one-line answer."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from orat_tui import paths
from orat_tui.domain.template import Template, TemplateError, parse_template, template_to_data


class ConfigError(Exception):
    """A config or template file that cannot be used: one line, with file:line:col."""


@dataclass(frozen=True)
class TemplateEntry:
    template: Template
    path: Path
    origin: str  # "shipped", "user", or "user (overrides shipped)"


@dataclass
class UserConfig:
    language: str = "sv"
    bell: bool = False
    theme: str = ""  # "" = orat's default; "high-contrast" for projectors
    user: str = ""  # the name recorded in edit histories
    keys: dict[str, str] = field(default_factory=dict)  # binding id -> key, e.g. next = "f12"
    retention: str = ""  # how long ended meetings are kept, for `orat purge`: "2y", "24m", ...
    database: str = ""  # a file or a URL (postgresql://anna@db.kommun.se/orat); --db, ORAT_DB win
    extra: dict = field(default_factory=dict)


def read_toml(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        if m:
            reason = msg[: m.start()].strip()
            raise ConfigError(f"{path}:{m.group(1)}:{m.group(2)}: {reason}") from None
        m = re.search(r"\(at end of document\)", msg)
        if m:  # the file stops in the middle of something: point at its last line
            lines = text.splitlines() or [""]
            reason = msg[: m.start()].strip()
            raise ConfigError(f"{path}:{len(lines)}:{len(lines[-1]) + 1}: {reason}") from None
        raise ConfigError(f"{path}:1:1: {msg}") from None


def _one_line(message: str) -> str:
    """A message quoting a value from the file stays on one line (a multi-line TOML string
    as a kind or key, say)."""
    return message.replace("\r", "\\r").replace("\n", "\\n")


def _locate(text: str, where: str, message: str) -> tuple[int, int]:
    """Best line and column in the TOML text for a TemplateError's `where`."""
    lines = text.splitlines()
    start = 0
    m = re.match(r"(\w+)(?:\[(\d+)\])?", where or "")
    if m:
        table, nth = m.group(1), int(m.group(2) or 0)
        header = re.compile(r"^\s*\[\[?\s*" + re.escape(table) + r"\s*\]\]?")
        seen = -1
        for i, line in enumerate(lines):
            if header.match(line):
                seen += 1
                if seen == nth:
                    start = i
                    break
    end = len(lines)
    if where:  # the table ends where the next one begins
        end = next((i for i in range(start + 1, len(lines))
                    if lines[i].lstrip().startswith("[")), len(lines))
    body = range(start + 1 if where else 0, end)
    # a quoted word in the message is a key ('budget_minutes' must be ...) or, failing
    # that, a value (unknown kind 'lunch', no member with key 'polisen')
    for quoted in re.findall(r"'([^'\n]+)'", message):
        for pat in (
            re.compile(r"^\s*" + re.escape(quoted) + r"\s*="),
            re.compile(r"^\s*[\w-]+\s*=\s*[\"']" + re.escape(quoted) + r"[\"']\s*(#.*)?$"),
        ):
            for i in body:
                if pat.match(lines[i]):
                    return i + 1, len(lines[i]) - len(lines[i].lstrip()) + 1
    return start + 1, 1


def load_template_file(path: Path) -> Template:
    data = read_toml(path)
    try:
        return parse_template(path.stem, data)
    except TemplateError as exc:
        text = path.read_text(encoding="utf-8")
        line, col = _locate(text, exc.where, exc.message)
        where = f" ({exc.where})" if exc.where else ""
        raise ConfigError(f"{path}:{line}:{col}: {_one_line(exc.message)}{where}") from None


def discover_templates(user_dir: Path | None = None, shipped_dir: Path | None = None) -> dict[str, TemplateEntry]:
    """Every template, the user's own overriding a shipped one of the same id."""
    shipped_dir = shipped_dir or paths.shipped_templates_dir()
    user_dir = user_dir or paths.user_templates_dir()
    found: dict[str, TemplateEntry] = {}
    for path in sorted(shipped_dir.glob("*.toml")):
        found[path.stem] = TemplateEntry(load_template_file(path), path, "shipped")
    if user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            origin = "user (overrides shipped)" if path.stem in found else "user"
            found[path.stem] = TemplateEntry(load_template_file(path), path, origin)
    return found


def save_user_template(template: Template, user_dir: Path | None = None) -> Path:
    """Save a template as the user's own (never into the shipped files)."""
    import tomli_w

    from orat_tui.files import write_private

    user_dir = user_dir or paths.user_templates_dir()
    paths.ensure_private_dir(user_dir)
    path = user_dir / f"{template.id}.toml"
    tmp = path.with_suffix(".toml.tmp")
    write_private(tmp, "# Saved by orat: your own version of this template.\n"
                  + tomli_w.dumps(template_to_data(template)))
    tmp.replace(path)
    return path


def user_name(config: UserConfig | None = None) -> str:
    """The name recorded in the audit trail: `user` in config.toml, else the login name."""
    import getpass

    if config is None:
        config = load_user_config()  # a broken config: ConfigError, for the caller to decide
    if config.user.strip():
        return config.user.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a container without a passwd entry)
        return "unknown"


def load_user_config(path: Path | None = None) -> UserConfig:
    path = path or paths.user_config_file()
    if not path.exists():
        return UserConfig()
    data = read_toml(path)

    def bad(message: str) -> ConfigError:
        line, col = _locate(path.read_text(encoding="utf-8"), "", message)
        return ConfigError(f"{path}:{line}:{col}: {message}")

    cfg = UserConfig(extra=data)
    lang = data.get("language", "sv")
    if lang not in ("sv", "en"):
        raise bad("'language' must be \"sv\" or \"en\"")
    cfg.language = lang
    bell = data.get("bell", False)
    if not isinstance(bell, bool):
        raise bad("'bell' must be true or false")
    cfg.bell = bell
    theme = data.get("theme", "")
    if theme not in ("", "default", "high-contrast"):
        raise bad("'theme' must be \"default\" or \"high-contrast\"")
    cfg.theme = "" if theme == "default" else theme
    user = data.get("user", "")
    if not isinstance(user, str):
        raise bad("'user' must be a text (the name recorded in edit histories)")
    cfg.user = user
    retention = data.get("retention", "")
    if retention != "":
        from orat_tui.store.maintenance import DURATION_FORMS, DurationError, parse_duration

        try:
            if not isinstance(retention, str):
                raise DurationError(retention)
            parse_duration(retention)
        except DurationError:
            raise bad(f"'retention' must be a duration: {DURATION_FORMS}") from None
    cfg.retention = retention
    database = data.get("database", "")
    if not isinstance(database, str):
        raise bad("'database' must be a text: a file, or a URL such as "
                  "\"postgresql://NAME@SERVER/orat\"")
    cfg.database = database.strip()
    return cfg
