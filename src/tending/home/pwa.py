"""The installable app: the web app manifest and the service worker's list of files.

The service worker is served from the site's root so that it controls every page; it
caches the app shell and static files, keeps Get help (the crisis lines of the person's
country) for when the network is gone, and shows a calm offline page for the rest."""

from __future__ import annotations

import hashlib
import json

from django.templatetags.static import static
from django.urls import reverse

THEME_COLOUR = "#2f6f62"
BACKGROUND_COLOUR = "#faf7f2"
SHELL_FILES = (
    "tending/tending.css",
    "tending/htmx.min.js",
    "tending/tending.js",
    "tending/icon.svg",
    "tending/icons/icon-192.png",
)


def manifest() -> dict:
    return {
        "name": "Tending",
        "short_name": "Tending",
        "description": "Look after your mental health and your connection, together.",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "lang": "en",
        "categories": ["health", "lifestyle"],
        "icons": [
            {"src": static("tending/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("tending/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("tending/icons/maskable-192.png"),
                "sizes": "192x192",
                "type": "image/png",
                "purpose": "maskable",
            },
            {
                "src": static("tending/icons/maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
        "shortcuts": [{"name": "Get help", "url": reverse("safety:get_help")}],
    }


def worker_context(source: str) -> dict:
    """What the service worker script is filled with; its version changes with any file."""
    shell = [static(name) for name in SHELL_FILES]
    urls = {
        "help": reverse("safety:get_help"),
        "offline": reverse("home:offline"),
        "home": reverse("home:index"),
        "icon": static("tending/icons/icon-192.png"),
    }
    version = hashlib.sha256(json.dumps([shell, urls, source]).encode()).hexdigest()[:16]
    return {"version": version, "shell_json": json.dumps(shell), "urls_json": json.dumps(urls)}
