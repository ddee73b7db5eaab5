"""The pages benchmark reads wrk's report and writes the Lua script of its form post."""

import math
from urllib.parse import parse_qs

import pytest

from bench.wrk_runs import parse_wrk, post_script, wrk_command

REPORT = """\
Running 10s test @ http://127.0.0.1:40123/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    42.17ms   10.03ms 152.61ms   71.28%
    Req/Sec   380.12     40.55   484.00     69.50%
  Latency Distribution
     50%  850.00us
     75%   45.12ms
     90%   53.87ms
     99%    1.25s
  7583 requests in 10.02s, 98.21MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:    756.78
Transfer/sec:      9.80MB
"""


def test_wrk_report_gives_rate_percentiles_in_milliseconds_and_errors():
    result = parse_wrk(REPORT)

    assert result.requests == 7583
    assert result.seconds == pytest.approx(10.02)
    assert result.rate == pytest.approx(756.78)
    assert result.p50_ms == pytest.approx(0.85)
    assert result.p99_ms == pytest.approx(1250)
    assert result.errors == 2 + 3 + 4
    assert result.good_rate == pytest.approx((7583 - 9) / 10.02)


def test_clean_report_has_no_errors():
    clean = "\n".join(
        line for line in REPORT.splitlines() if "errors" not in line and "Non-2xx" not in line
    )

    assert parse_wrk(clean).errors == 0


def test_no_answer_at_all_has_no_latency():
    silent = REPORT.replace("7583 requests", "0 requests")

    result = parse_wrk(silent)

    assert result.good_rate == 0
    assert math.isnan(result.p50_ms)
    assert math.isnan(result.p99_ms)


def test_anything_else_than_a_report_is_refused():
    with pytest.raises(ValueError, match="not a wrk --latency report"):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused")


def test_post_script_varies_one_field_and_keeps_the_rest_of_the_form():
    script = post_script(
        {"csrfmiddlewaretoken": "t0k&n", "mood": 3, "emotions": ["calm", "tired"]},
        "mood",
        range(1, 6),
    )

    body = script.split("[==[", 1)[1].split("]==]", 1)[0]
    assert parse_qs(body) == {"csrfmiddlewaretoken": ["t0k&n"], "emotions": ["calm", "tired"]}
    assert '"&mood=" .. value' in script
    assert "local first, count = 1, 5" in script


def test_command_sends_the_session_cookie_and_asks_for_latency():
    command = wrk_command("http://127.0.0.1:1/", "sessionid=abc", seconds=9.6, script="p.lua")

    assert command[:5] == ["wrk", "-t2", "-c32", "-d10s", "--timeout"]
    assert "--latency" in command
    assert command[command.index("-H") + 1] == "Cookie: sessionid=abc"
    assert command[-3:] == ["-s", "p.lua", "http://127.0.0.1:1/"]
