from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("couples", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="couple",
            name="live_version",
            field=models.PositiveBigIntegerField(db_default=0, default=0),
        ),
    ]
