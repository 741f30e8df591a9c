"""coda-serv as a child process for the Python tests of tests/interop: start
it on a free loopback port, serve a real TLS client through it, stop it and
check how it ended. Imported, not run."""
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time


def log(*args):
    print(*args, file=sys.stderr, flush=True)


class Checks:
    """Named checks, each logged as it is made; failed() lists the failures."""

    def __init__(self):
        self.failures = []

    def check(self, ok, what):
        log(("ok   " if ok else "FAIL ") + what)
        if not ok:
            self.failures.append(what)
        return ok

    def exit_status(self):
        log(f"{len(self.failures)} failed" if self.failures else "all checks held")
        return 1 if self.failures else 0


class CodaServ:
    """coda-serv --port 0 ARGS..., its stderr in a temporary file."""

    def __init__(self, serv, args, preexec_fn=None):
        self.err = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([serv, "--port", "0"] + args, stdout=subprocess.DEVNULL,
                                     stderr=self.err, preexec_fn=preexec_fn)
        self.port = None
        deadline = time.monotonic() + 30
        while self.port is None and time.monotonic() < deadline and self.proc.poll() is None:
            time.sleep(0.05)
            m = re.search(r"listening on 127\.0\.0\.1:(\d+)", self.stderr())
            if m:
                self.port = int(m.group(1))

    def stderr(self):
        self.err.seek(0)
        return self.err.read().decode(errors="replace")

    def serves_a_client(self, ca, line=b"still serving\n"):
        """Whether a real TLS client (Python's ssl) gets `line` echoed and a
        clean close (coda-serv runs with --echo)."""
        ctx = ssl.create_default_context(cafile=ca)
        ctx.check_hostname = False
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=5) as raw:
                with ctx.wrap_socket(raw, server_hostname="localhost") as tls:
                    tls.sendall(line)
                    echoed = b""
                    while len(echoed) < len(line):
                        chunk = tls.recv(64)
                        if not chunk:
                            break
                        echoed += chunk
                    tls.unwrap()
                    return echoed == line
        except (OSError, ssl.SSLError) as e:
            log("     client:", e)
            return False

    def stop_and_check(self, checks):
        """SIGTERM; it must still have run, exit 0, and have nothing from a
        sanitizer on its stderr."""
        checks.check(self.proc.poll() is None, "coda-serv still runs after every case")
        self.proc.send_signal(signal.SIGTERM)
        try:
            status = self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            status = "killed"
        checks.check(status == 0, f"coda-serv exits 0 on SIGTERM (status {status})")
        text = self.stderr()
        bad = re.findall(r"AddressSanitizer|LeakSanitizer|runtime error|SEGV", text)
        if not checks.check(not bad, f"nothing from a sanitizer on coda-serv's stderr {bad[:3]}"):
            log(text[-4000:])
        self.err.close()
