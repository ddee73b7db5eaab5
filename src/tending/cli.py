"""The ``tending`` command: every Django management command, plus ``serve``.

Command names may be written with hyphens: ``tending rotate-key`` runs ``rotate_key``.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tending.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - reads the settings, so a bad variable stops here
    except ImproperlyConfigured as error:
        sys.exit(f"tending: {error}")

    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["tending", *args])


if __name__ == "__main__":
    main()
