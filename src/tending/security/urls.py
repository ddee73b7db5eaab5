from django.urls import path

from tending.security import views

app_name = "security"

urlpatterns = [
    path("", views.index, name="index"),
    path("authenticator/", views.authenticator, name="authenticator"),
    path("authenticator/remove/", views.remove_authenticator, name="remove_authenticator"),
    path("recovery-codes/", views.renew_codes, name="renew_codes"),
    path("recovery-codes/new/", views.new_codes, name="new_codes"),
    path("passkeys/options/", views.passkey_options, name="passkey_options"),
    path("passkeys/add/", views.add_passkey, name="add_passkey"),
    path("passkeys/<int:passkey_id>/remove/", views.remove_passkey, name="remove_passkey"),
    path("devices/<int:device_id>/sign-out/", views.sign_out_device, name="sign_out_device"),
    path("devices/sign-out-others/", views.sign_out_others, name="sign_out_others"),
    path("activity/", views.activity, name="activity"),
    path("sign-in/verify/", views.verify, name="verify"),
    path("sign-in/passkey/options/", views.sign_in_options, name="sign_in_options"),
    path("sign-in/passkey/", views.sign_in_with_passkey, name="sign_in_with_passkey"),
]
