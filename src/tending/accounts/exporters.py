"""The person's profile, for their export. The password is never exported."""

from tending.core.exports import Table

PROFILE_COLUMNS = {
    "email": "The e-mail address you log in with.",
    "display_name": "The name your partner sees.",
    "timezone": "Your time zone (IANA name); your days begin at midnight there.",
    "country": "Your country (ISO 3166 code), used to show crisis lines near you.",
    "language": "The language Tending speaks to you in.",
    "date_joined": "When you created your account.",
    "last_login": "When you last logged in.",
}


def export_tables(user) -> list[Table]:
    row = {
        "email": user.email,
        "display_name": user.display_name,
        "timezone": user.timezone,
        "country": str(user.country or ""),
        "language": user.language,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }
    return [Table("profile", "Your profile: one row.", PROFILE_COLUMNS, [row])]
