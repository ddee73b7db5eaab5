from django.conf import settings
from django.db import models

from tending.core.fields import EncryptedTextField

REFLECTION_MAX_LENGTH = 2000


class Reflection(models.Model):
    """A reflection under an article, seen by its author and, while paired, their partner."""

    article_slug = models.SlugField(max_length=120)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = EncryptedTextField(max_length=REFLECTION_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(fields=["article_slug", "couple"]),
            models.Index(fields=["article_slug", "author"]),
        ]

    def __str__(self) -> str:
        return f"Reflection of {self.author} on {self.article_slug}"
