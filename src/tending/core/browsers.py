"""A coarse name for a browser from its User-Agent header, for the share link's access log
and the list of signed-in devices: enough for a person to recognise "their clinician on a
Mac" or "my phone", too little to fingerprint anyone. No Django import."""

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


def browser_and_system(user_agent: str) -> tuple[str, str]:
    """e.g. ("Firefox", "Windows"), ("Safari", "iPhone"), ("A browser", ""); a program that
    says it is one is ("An automated client", "")."""
    if not user_agent:
        return "Unknown", ""
    if any(word in user_agent.lower() for word in AUTOMATED):
        return "An automated client", ""
    browser = next((name for marker, name in BROWSERS if marker in user_agent), "A browser")
    system = next((name for marker, name in SYSTEMS if marker in user_agent), "")
    return browser, system


def coarse_browser(user_agent: str) -> str:
    """e.g. "Firefox on Windows", "Safari on iPhone", "An automated client", "Unknown"."""
    browser, system = browser_and_system(user_agent)
    if browser == "An automated client":
        return "An automated client (for example a link preview)"
    return f"{browser} on {system}" if system else browser
