"""Model fields shared by every app."""

from django.core import validators
from django.db import models
from django.utils.functional import cached_property

from tending.core.encryption import decrypt, encrypt


class EncryptedTextField(models.TextField):
    """Free text stored as an authenticated-encryption token and read back as plain text.

    The empty string stays empty, so ``blank=True`` and ``field=""`` lookups still work;
    ``max_length`` applies to the plain text. Other lookups cannot match encrypted values.
    """

    description = "Text encrypted at rest"

    @cached_property
    def validators(self):
        extra = [validators.MaxLengthValidator(self.max_length)] if self.max_length else []
        return [*super().validators, *extra]

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value)

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)
