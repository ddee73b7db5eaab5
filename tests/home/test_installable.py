"""The installable app: a valid manifest, a service worker for the whole site, an offline
page that points to Get help."""

from django.urls import reverse

from tests.support.people import client_for


def test_the_manifest_has_what_browsers_need(db):
    response = client_for(None).get(reverse("home:manifest"))
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["name"] == "Tending" and manifest["short_name"] == "Tending"
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#2f6f62" and manifest["background_color"] == "#faf7f2"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        assert client_for(None).get(icon["src"]).status_code == 200


def test_every_page_links_the_manifest_and_the_touch_icon(db):
    page = client_for(None).get(reverse("accounts:login")).content.decode()
    assert f'<link rel="manifest" href="{reverse("home:manifest")}">' in page
    assert 'rel="apple-touch-icon"' in page and 'name="theme-color"' in page


def test_the_service_worker_is_served_for_the_whole_site(db):
    response = client_for(None).get(reverse("home:service_worker"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    script = response.content.decode()
    assert '"/help/"' in script and '"/offline/"' in script
    assert "{{" not in script


def test_the_offline_page_points_to_get_help(db):
    page = client_for(None).get(reverse("home:offline")).content.decode()
    assert "You are offline" in page
    assert f'href="{reverse("safety:get_help")}"' in page
