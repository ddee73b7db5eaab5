"""Re-encrypt every encrypted field of every model under the current key."""

from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.db.models import Model, Q

from tending.core.fields import EncryptedTextField

DEFAULT_BATCH_SIZE = 500


@dataclass(frozen=True)
class RotatedModel:
    label: str
    fields: tuple[str, ...]
    rows: int


def encrypted_fields_by_model() -> dict[type[Model], tuple[str, ...]]:
    """Every concrete model with encrypted fields, found through the app registry."""
    found = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        names = tuple(
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, EncryptedTextField)
        )
        if names:
            found[model] = names
    return found


def rotate_model(model, field_names, *, batch_size: int = DEFAULT_BATCH_SIZE) -> int:
    """Read each non-empty row (any listed key decrypts) and write it back (the first
    key encrypts), one batch per transaction. Returns the number of rows rewritten."""
    has_text = Q()
    for name in field_names:
        has_text |= Q(**{f"{name}__isnull": False}) & ~Q(**{name: ""})
    rows = model._base_manager.filter(has_text).only("pk", *field_names).order_by("pk")
    rewritten = 0
    last_pk = None
    while True:
        batch_rows = rows if last_pk is None else rows.filter(pk__gt=last_pk)
        batch = list(batch_rows[:batch_size])
        if not batch:
            return rewritten
        with transaction.atomic():
            model._base_manager.bulk_update(batch, field_names)
        rewritten += len(batch)
        last_pk = batch[-1].pk


def rotate_all(*, batch_size: int = DEFAULT_BATCH_SIZE) -> list[RotatedModel]:
    return [
        RotatedModel(
            label=model._meta.label,
            fields=names,
            rows=rotate_model(model, names, batch_size=batch_size),
        )
        for model, names in encrypted_fields_by_model().items()
    ]
