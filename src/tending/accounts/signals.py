from django.dispatch import Signal

# Sent with ``user`` after a person's password was changed or reset (not when the account
# is created). Apps that hold credentials of their own end them here.
password_changed = Signal()
