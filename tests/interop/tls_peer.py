#!/usr/bin/env python3
"""Tiny TLS servers for cli_options.sh, one connection each.

  tls_peer.py smtp CERT KEY      a fake SMTP server: 220 greeting, EHLO (250,
                                 advertising STARTTLS), STARTTLS (220), then TLS
                                 on the same socket: echoes one line, answers
                                 the client's close_notify with its own.
  tls_peer.py truncate CERT KEY  TLS, reads a line, sends one line and closes the TCP
                                 connection without close_notify.

  tls_peer.py silent CERT KEY    TLS, then reads nothing and sends nothing for
                                 15 seconds.

Prints "listening on PORT" (a free loopback port) to stdout when ready, and
what it saw to stderr.
"""
import socket
import ssl
import sys
import time


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def read_line(sock):
    data = b""
    while not data.endswith(b"\n"):
        c = sock.recv(1)
        if not c:
            break
        data += c
    return data.decode(errors="replace").rstrip("\r\n")


def main():
    mode, cert, key = sys.argv[1:4]
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(30)
    print("listening on", listener.getsockname()[1], flush=True)
    raw, _ = listener.accept()
    raw.settimeout(20)
    if mode == "smtp":
        raw.sendall(b"220 fake.example ESMTP ready\r\n")
        line = read_line(raw)
        log("smtp: got", repr(line))
        if not line.upper().startswith("EHLO"):
            raw.sendall(b"500 expected EHLO\r\n")
            return 1
        raw.sendall(b"250-fake.example greets you\r\n250-PIPELINING\r\n250 STARTTLS\r\n")
        line = read_line(raw)
        log("smtp: got", repr(line))
        if line.upper() != "STARTTLS":
            raw.sendall(b"500 expected STARTTLS\r\n")
            return 1
        raw.sendall(b"220 go ahead\r\n")
        tls = ctx.wrap_socket(raw, server_side=True)
        log("smtp: TLS", tls.version())
        data = tls.recv(4096)
        log("smtp: got over TLS", repr(data))
        tls.sendall(data)
        rest = tls.recv(4096)  # b"" at the client's close_notify
        log("smtp: after echo", repr(rest))
        tls.unwrap()
        log("smtp: closed with close_notify")
        raw.close()
        return 0
    if mode == "truncate":
        tls = ctx.wrap_socket(raw, server_side=True)
        log("truncate: TLS", tls.version())
        log("truncate: got", repr(tls.recv(4096)))
        tls.sendall(b"partial line\n")
        # SSLSocket.shutdown and close send no close_notify (unwrap would).
        tls.shutdown(socket.SHUT_RDWR)
        tls.close()
        log("truncate: closed without close_notify")
        return 0
    if mode == "silent":
        tls = ctx.wrap_socket(raw, server_side=True)
        log("silent: TLS", tls.version())
        time.sleep(15)  # never answers, never closes
        return 0
    log("unknown mode", mode)
    return 2


if __name__ == "__main__":
    sys.exit(main())
