"""Driving ``wrk``: the command line, the Lua script of a form post, and reading the
report it prints. Plain functions, no Django, so a test can check the parsing."""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

TIME_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
TIME = r"([\d.]+)(us|ms|s|m|h)"


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    rate: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def good_rate(self) -> float:
        """Requests a second that got a 2xx or 3xx answer without a socket error."""
        return max(0, self.requests - self.errors) / self.seconds if self.seconds else 0.0


def to_ms(number: str, unit: str) -> float:
    return float(number) * TIME_UNITS_MS[unit]


def parse_wrk(report: str) -> WrkResult:
    """The figures of ``wrk --latency``'s report; errors are non-2xx/3xx answers plus
    socket errors (connect, read, write, timeout)."""
    total = re.search(r"(\d+) requests in " + TIME, report)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", report)
    p50 = re.search(r"^\s+50(?:\.000)?%\s+" + TIME, report, re.MULTILINE)
    p99 = re.search(r"^\s+99(?:\.000)?%\s+" + TIME, report, re.MULTILINE)
    if not (total and rate and p50 and p99):
        raise ValueError(f"not a wrk --latency report:\n{report}")
    errors = 0
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", report
    )
    if sockets:
        errors += sum(int(count) for count in sockets.groups())
    wrong = re.search(r"Non-2xx or 3xx responses: (\d+)", report)
    if wrong:
        errors += int(wrong.group(1))
    requests = int(total.group(1))
    if not requests:  # wrk reports latencies of 0 when nothing came back
        p50_ms = p99_ms = float("nan")
    else:
        p50_ms, p99_ms = to_ms(*p50.groups()), to_ms(*p99.groups())
    return WrkResult(
        requests=requests,
        seconds=to_ms(total.group(2), total.group(3)) / 1000,
        rate=float(rate.group(1)),
        p50_ms=p50_ms,
        p99_ms=p99_ms,
        errors=errors,
    )


def wrk_command(
    url: str,
    cookie: str,
    *,
    seconds: float,
    threads: int = 2,
    connections: int = 32,
    script: str | None = None,
) -> list[str]:
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "--latency",
        "-H",
        f"Cookie: {cookie}",
    ]
    if script:
        command += ["-s", script]
    return [*command, url]


def post_script(form: dict, varied_field: str, values: range) -> str:
    """A Lua script that posts ``form``, with ``varied_field`` taking the next of ``values``
    on every request, so each post is a valid edit that changes something."""
    before = urlencode({key: value for key, value in form.items() if key != varied_field}, True)
    return (
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        f"local body = [==[{before}]==]\n"
        f"local first, count = {values.start}, {len(values)}\n"
        "local counter = 0\n"
        "request = function()\n"
        "  counter = counter + 1\n"
        f"  local value = first + counter % count\n"
        f'  return wrk.format(nil, nil, nil, body .. "&{varied_field}=" .. value)\n'
        "end\n"
    )
