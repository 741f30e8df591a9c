#!/usr/bin/env python3
"""coda-serv out of file descriptors (EMFILE).

  serv_emfile.py CODA_SERV CERT KEY CA

Runs coda-serv --echo with a hard descriptor limit of 32 and opens 60 TCP
connections that say nothing, so that accept() fails for want of
descriptors. coda-serv must say so once (not once per retry) while it lasts,
keep its open sessions, and, once the idle clients go away, accept and serve
a real TLS client again at once, saying that it accepts again. Then SIGTERM
must stop it with status 0 and nothing from a sanitizer. Exits 0 when every
check held.
"""
import resource
import socket
import sys
import time

from serv_process import Checks, CodaServ

LIMIT = 32
IDLE_CLIENTS = 60
OUT_OF_DESCRIPTORS = "pausing new connections"
ACCEPTING_AGAIN = "accepting new connections again"


def main():
    serv_path, cert, key, ca = sys.argv[1:5]
    checks = Checks()

    def low_limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (LIMIT, LIMIT))

    serv = CodaServ(serv_path, ["--echo", "--x509certfile", cert, "--x509keyfile", key],
                    preexec_fn=low_limit)
    if not checks.check(serv.port is not None, "coda-serv starts"):
        return checks.exit_status()
    try:
        idle = []
        for _ in range(IDLE_CLIENTS):
            # The kernel completes the TCP handshake for the backlog, so each
            # connect succeeds whether or not coda-serv can accept it.
            idle.append(socket.create_connection(("127.0.0.1", serv.port), timeout=5))
        time.sleep(2.0)  # about 20 of coda-serv's 100 ms pauses
        said = serv.stderr().count(OUT_OF_DESCRIPTORS)
        checks.check(said == 1, f"out of descriptors is said once while it lasts ({said} times)")
        for sock in idle:
            sock.close()
        started = time.monotonic()
        served = False
        while not served and time.monotonic() - started < 10:
            served = serv.serves_a_client(ca)
        took = time.monotonic() - started
        checks.check(served, f"a client is served once descriptors are free ({took:.2f} s)")
        checks.check(ACCEPTING_AGAIN in serv.stderr(), "coda-serv says it accepts again")
    finally:
        serv.stop_and_check(checks)
    return checks.exit_status()


if __name__ == "__main__":
    sys.exit(main())
