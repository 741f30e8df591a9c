#!/usr/bin/env python3
"""Captures the ClientHellos of openssl s_client and gnutls-cli as fuzz seeds.

    tests/fuzz/capture_hellos.py tests/fuzz/corpus

A tiny TCP listener on 127.0.0.1 reads one ClientHello record per client
run and hangs up. Writes corpus/server/<name> (control byte 0: both
versions, whole input at once, then the record) and corpus/messages/<name>
(selector 0: ClientHello, then the message body).
"""
import os
import socket
import subprocess
import sys
import threading

CLIENTS = {
    "openssl_default": ["openssl", "s_client", "-connect", "127.0.0.1:{port}", "-servername", "localhost"],
    "openssl_tls12": ["openssl", "s_client", "-connect", "127.0.0.1:{port}", "-tls1_2"],
    "openssl_p384_ticket": ["openssl", "s_client", "-connect", "127.0.0.1:{port}", "-groups", "P-384:X25519",
                            "-sess_out", "/dev/null", "-alpn", "h2,http/1.1"],
    "gnutls_default": ["gnutls-cli", "--insecure", "-p", "{port}", "127.0.0.1"],
    "gnutls_tls12": ["gnutls-cli", "--insecure", "-p", "{port}", "--priority", "NORMAL:-VERS-TLS1.3", "localhost"],
    "gnutls_secure256": ["gnutls-cli", "--insecure", "-p", "{port}", "--priority", "SECURE256", "--alpn", "h2",
                         "localhost"],
}


def read_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


def capture(argv):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    result = {}

    def serve():
        conn, _ = listener.accept()
        header = read_exact(conn, 5)
        body = read_exact(conn, (header[3] << 8) | header[4]) if len(header) == 5 else b""
        result["record"] = header + body
        conn.close()

    thread = threading.Thread(target=serve)
    thread.start()
    cmd = [a.format(port=port) for a in argv]
    subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=20)
    thread.join(timeout=20)
    listener.close()
    return result.get("record", b"")


def main():
    out = sys.argv[1]
    for name, argv in CLIENTS.items():
        record = capture(argv)
        if len(record) < 9 or record[0] != 22 or record[5] != 1:
            sys.exit(f"{name}: no ClientHello captured")
        for harness, prefix, data in (("server", 0, record), ("messages", 0, record[9:])):
            os.makedirs(os.path.join(out, harness), exist_ok=True)
            with open(os.path.join(out, harness, name), "wb") as f:
                f.write(bytes([prefix]) + data)
        print(f"{name}: {len(record)} bytes")


if __name__ == "__main__":
    main()
