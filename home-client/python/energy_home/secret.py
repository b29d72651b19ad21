"""The home's secret: made once, kept in a file only its owner can read, sent at every call."""

import os
import re
import secrets
import stat
import sys

ALLOWED = re.compile(r"[A-Za-z0-9._-]{16,128}")


def load_or_create(path):
    """The secret in path; when the file is missing, 32 random bytes as 64 hex digits, written to
    a new file with mode 0600 (O_EXCL, so two processes never write two secrets)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode & 0o077:
            print("energy_home: %s can be read by others (mode %o); chmod 600 it" % (path, mode),
                  file=sys.stderr)
        with open(path) as existing:
            secret = existing.read().strip()
        if not ALLOWED.fullmatch(secret):
            raise SystemExit("energy_home: %s does not hold a secret (16 to 128 letters, digits, "
                             "'.', '_' or '-')" % path)
        return secret
    secret = secrets.token_hex(32)
    with os.fdopen(fd, "w") as created:
        created.write(secret + "\n")
    return secret
