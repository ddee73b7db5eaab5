from django.contrib.auth.hashers import Argon2PasswordHasher


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 at its lowest cost, so tests that create people stay fast."""

    time_cost = 1
    memory_cost = 8
    parallelism = 1


QUICK_HASHER = f"{__name__}.{QuickArgon2PasswordHasher.__name__}"
