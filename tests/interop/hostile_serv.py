#!/usr/bin/env python3
"""coda-serv against the packets of hostile clients (issue: a first record
that claimed more than coda-serv's buffer held overran it).

  hostile_serv.py CODA_SERV CERT KEY CA

Starts coda-serv --echo on a free loopback port and sends, each on a fresh
connection:
  - handshake record headers claiming 16,385 to 65,535 bytes, each with its
    whole body at once and with no body at all (the client then stalls);
  - a ClientHello whose server_name list holds 1,500 names, in one record
    and fragmented over legal records.
Each must be answered with an alert or a close, within seconds. A header
claiming more than 2^14 + 256 bytes must get record_overflow at once, before
any body (RFC 8446 5.1, 5.2). After every case a real TLS client (Python's
ssl) must still be served: handshake, echo, close. At the end SIGTERM must
stop coda-serv with status 0 and nothing from a sanitizer on its stderr.
Exits 0 when every check held, 1 otherwise.
"""
import secrets
import socket
import struct
import sys
import time

from serv_process import Checks, CodaServ

HANDSHAKE = 22
ALERT = 21
RECORD_OVERFLOW = 22
MAX_PLAINTEXT = 1 << 14
MAX_RECORD = MAX_PLAINTEXT + 256  # RFC 8446 5.2: the most a record may claim
ANSWER_S = 3.0  # how long an alert or a close may take
CA = None  # the CA file the next client trusts

checks = Checks()
check = checks.check


def record(content_type, body):
    return struct.pack("!BHH", content_type, 0x0303, len(body)) + body


def vec(width, body):
    return len(body).to_bytes(width, "big") + body


def extension(kind, body):
    return struct.pack("!H", kind) + vec(2, body)


def client_hello(names):
    """A TLS 1.3 ClientHello (x25519, ECDSA/RSA-PSS/Ed25519) whose
    server_name extension lists every name of `names`."""
    server_name = vec(2, b"".join(b"\x00" + vec(2, n.encode()) for n in names))
    extensions = b"".join([
        extension(0, server_name),
        extension(10, vec(2, b"\x00\x1d\x00\x17")),  # supported_groups
        extension(13, vec(2, b"\x04\x03\x08\x04\x08\x07")),  # signature_algorithms
        extension(43, vec(1, b"\x03\x04\x03\x03")),  # supported_versions
        extension(51, vec(2, b"\x00\x1d" + vec(2, secrets.token_bytes(32)))),  # key_share
    ])
    body = (b"\x03\x03" + secrets.token_bytes(32) + vec(1, b"") +
            vec(2, b"\x13\x01\x13\x02\x13\x03") + vec(1, b"\x00") + vec(2, extensions))
    return b"\x01" + vec(3, body)


def read_answer(sock, seconds):
    """What the server sends before it closes or `seconds` pass: (bytes,
    how it ended: 'eof', 'reset' or 'open')."""
    sock.settimeout(0.1)
    got = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            if got:  # an answer came and the server is waiting: enough
                return got, "open"
            continue
        except (ConnectionResetError, BrokenPipeError):
            return got, "reset"
        if not chunk:
            return got, "eof"
        got += chunk
    return got, "open"


def alerts_in(data):
    """The alert descriptions of the plaintext alert records in `data`."""
    found = []
    at = 0
    while at + 5 <= len(data):
        kind, _, length = struct.unpack("!BHH", data[at:at + 5])
        body = data[at + 5:at + 5 + length]
        if kind == ALERT and len(body) == 2:
            found.append(body[1])
        at += 5 + length
    return found


def handshake_records(data):
    """Whether `data` starts with a handshake record (the server's hello)."""
    return len(data) >= 5 and data[0] == HANDSHAKE


def send(port, data, stall_s=0.0):
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    try:
        sock.sendall(data)
    except (ConnectionResetError, BrokenPipeError):
        pass
    if stall_s:
        time.sleep(stall_s)
    return sock


def next_client_served(serv, what):
    check(serv.serves_a_client(CA), what + ": the next client is served")


def oversized_header_cases(serv):
    port = serv.port
    for length in (16385, 16640, 16641, 18432, 18433, 20000, 40000, 65535):
        header = struct.pack("!BHH", HANDSHAKE, 0x0301, length)
        # The whole claimed body at once.
        with send(port, header + secrets.token_bytes(length)) as sock:
            data, how = read_answer(sock, ANSWER_S)
        alerts = alerts_in(data)
        check(RECORD_OVERFLOW in alerts or (not data and how != "open"),
              f"record of {length} bytes with its body: record_overflow or a close "
              f"(alerts {alerts}, {how})")
        # The header alone: anything over the limit is refused at once.
        with send(port, header) as sock:
            started = time.monotonic()
            data, how = read_answer(sock, ANSWER_S if length > MAX_RECORD else 0.5)
            took = time.monotonic() - started
            if length <= MAX_RECORD:
                # Legal framing: the server waits for the body; once it
                # comes, a plaintext record over 2^14 is record_overflow.
                check(not data and how == "open",
                      f"header of {length} bytes: the server waits for the body")
                try:
                    sock.sendall(secrets.token_bytes(length))
                except (ConnectionResetError, BrokenPipeError):
                    pass
                data, how = read_answer(sock, ANSWER_S)
        alerts = alerts_in(data)
        check(RECORD_OVERFLOW in alerts,
              f"header of {length} bytes alone: record_overflow (alerts {alerts}, {how}, "
              f"{took:.2f} s)")
        if length > MAX_RECORD:
            check(took < 1.5, f"header of {length} bytes alone: answered at once ({took:.2f} s)")
        next_client_served(serv, f"after the {length}-byte record")


def sni_list_cases(serv):
    port = serv.port
    hello = client_hello([f"host{i}.example" for i in range(1500)])
    # One record: longer than any record may be.
    with send(port, record(HANDSHAKE, hello)) as sock:
        data, how = read_answer(sock, ANSWER_S)
    alerts = alerts_in(data)
    check(RECORD_OVERFLOW in alerts or (not data and how != "open"),
          f"1,500-name ClientHello in one record: record_overflow or a close "
          f"(alerts {alerts}, {how})")
    next_client_served(serv, "after the 1,500-name ClientHello in one record")
    # Fragmented over legal records: an alert, a close or the server's hello.
    fragments = b"".join(record(HANDSHAKE, hello[i:i + MAX_PLAINTEXT])
                         for i in range(0, len(hello), MAX_PLAINTEXT))
    with send(port, fragments) as sock:
        data, how = read_answer(sock, ANSWER_S)
    alerts = alerts_in(data)
    check(bool(alerts) or how != "open" or handshake_records(data),
          f"1,500-name ClientHello in {len(hello) // MAX_PLAINTEXT + 1} records: answered "
          f"(alerts {alerts}, {how}, {len(data)} bytes)")
    next_client_served(serv, "after the fragmented 1,500-name ClientHello")


def main():
    global CA
    serv_path, cert, key, CA = sys.argv[1:5]
    serv = CodaServ(serv_path, ["--echo", "--x509certfile", cert, "--x509keyfile", key,
                                "--timeout", "10"])
    if serv.port is None:
        check(False, "coda-serv starts")
        return checks.exit_status()
    try:
        next_client_served(serv, "before any hostile packet")
        oversized_header_cases(serv)
        sni_list_cases(serv)
    finally:
        serv.stop_and_check(checks)
    return checks.exit_status()


if __name__ == "__main__":
    sys.exit(main())
