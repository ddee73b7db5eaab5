"""Which address a request came from, through the proxies the operator trusts."""

import ipaddress

import pytest

from tending.core.clients import ProxyConfigurationError, client_address, parse_trusted_proxies


def meta(remote, forwarded=None):
    values = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        values["HTTP_X_FORWARDED_FOR"] = forwarded
    return values


def test_without_trusted_proxies_only_the_connection_counts():
    assert client_address(meta("127.0.0.1", "203.0.113.9"), None) == "127.0.0.1"


@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("6.6.6.6, 203.0.113.9", "203.0.113.9"),
        ("6.6.6.6,203.0.113.9:51234", "203.0.113.9"),
        (None, "127.0.0.1"),
        ("", "127.0.0.1"),
        ("not-an-address", "127.0.0.1"),
    ],
)
def test_one_trusted_proxy_hands_over_the_right_most_forwarded_address(forwarded, client):
    assert client_address(meta("127.0.0.1", forwarded), 1) == client


def test_two_trusted_proxies_skip_the_outer_proxys_own_entry():
    forwarded = "6.6.6.6, 203.0.113.9, 192.0.2.10"
    assert client_address(meta("10.0.0.2", forwarded), 2) == "203.0.113.9"


def test_trusted_addresses_hand_over_only_while_they_are_trusted():
    trusted = parse_trusted_proxies("127.0.0.1, 10.0.0.0/8")
    assert client_address(meta("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3"), trusted) == (
        "203.0.113.9"
    )
    assert client_address(meta("198.51.100.7", "6.6.6.6"), trusted) == "198.51.100.7"
    assert client_address(meta("127.0.0.1", "10.0.0.5"), trusted) == "10.0.0.5"


def test_ipv6_with_brackets_ports_and_mapped_addresses():
    trusted = parse_trusted_proxies("::1")
    assert client_address(meta("::1", "[2001:db8::7]:443"), trusted) == "2001:db8::7"
    assert client_address(meta("::ffff:203.0.113.9"), None) == "203.0.113.9"


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("", None),
        ("0", None),
        ("2", 2),
        ("10.0.0.0/8,::1", (ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("::1"))),
    ],
)
def test_the_setting_is_a_count_or_addresses(value, parsed):
    assert parse_trusted_proxies(value) == parsed


def test_a_setting_that_is_neither_says_which_part_is_wrong():
    with pytest.raises(ProxyConfigurationError, match="'nginx' is not a number of proxies"):
        parse_trusted_proxies("127.0.0.1, nginx")
