"""A coarse name for a browser from its User-Agent header, for the share link's access log:
enough for a person to recognise "their clinician on a Mac", too little to fingerprint
anyone. No Django import."""

BROWSERS = (
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Chromium/", "Chrome"),
    ("Safari/", "Safari"),
)
SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "Mac"),
    ("Macintosh", "Mac"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)
AUTOMATED = ("bot", "crawler", "spider", "preview", "curl", "wget", "python")


def coarse_browser(user_agent: str) -> str:
    """e.g. "Firefox on Windows", "Safari on iPhone", "An automated client", "Unknown"."""
    if not user_agent:
        return "Unknown"
    lowered = user_agent.lower()
    if any(word in lowered for word in AUTOMATED):
        return "An automated client (for example a link preview)"
    browser = next((name for marker, name in BROWSERS if marker in user_agent), "A browser")
    system = next((name for marker, name in SYSTEMS if marker in user_agent), "")
    return f"{browser} on {system}" if system else browser
