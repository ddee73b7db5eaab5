"""Sessions signed in before the password backend became ``AccountBackend`` name Django's
``ModelBackend``, which is no longer listed; name the new one, so nobody is signed out."""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations
from django.utils import timezone

BEFORE = "django.contrib.auth.backends.ModelBackend"
AFTER = "tending.accounts.backends.AccountBackend"


def rename_backend(apps, schema_editor, old: str, new: str) -> None:
    Session = apps.get_model("sessions", "Session")
    codec = SessionStore()  # the same signing salt as every database session store
    sessions = Session.objects.using(schema_editor.connection.alias)
    live = sessions.filter(expire_date__gt=timezone.now()).values_list("pk", "session_data")
    for key, encoded in live.iterator():
        data = codec.decode(encoded)
        if data.get(BACKEND_SESSION_KEY) == old:
            data[BACKEND_SESSION_KEY] = new
            sessions.filter(pk=key).update(session_data=codec.encode(data))


def forwards(apps, schema_editor):
    rename_backend(apps, schema_editor, BEFORE, AFTER)


def backwards(apps, schema_editor):
    rename_backend(apps, schema_editor, AFTER, BEFORE)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
