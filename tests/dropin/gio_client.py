#!/usr/bin/env python3
"""A GIO TLS client (Gio.SocketClient with TLS, glib-networking's GnuTLS
backend): connects to localhost:PORT trusting CAFILE, sends an HTTP GET
for PATH (or, with --echo, a line it expects back) and prints the reply.
On a TLS error prints 'ERROR <domain> <code> <message>' and exits 1.
Usage: gio_client.py HOST PORT CAFILE PATH|--echo"""
import sys

import gi

gi.require_version('Gio', '2.0')
from gi.repository import Gio, GLib, GObject  # noqa: E402

host, port, cafile, what = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
backend = Gio.TlsBackend.get_default()
print('BACKEND', type(backend).__name__, 'supports_tls=%s' % backend.supports_tls())
if not backend.supports_tls():
    print('ERROR no TLS backend')
    sys.exit(1)
database = Gio.TlsFileDatabase.new(cafile)


def on_event(client, event, connectable, connection):
    if event == Gio.SocketClientEvent.TLS_HANDSHAKING:
        connection.set_database(database)


client = Gio.SocketClient.new()
client.set_tls(True)
client.set_timeout(15)
# SocketClient.connect is the network call: the signal's connect is GObject's.
GObject.Object.connect(client, 'event', on_event)
try:
    conn = client.connect_to_host(host, port, None)
    out = conn.get_output_stream()
    if what == '--echo':
        request = b'echo through GIO\n'
    else:
        request = ('GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' % (what, host)).encode()
    out.write_all(request, None)
    data = b''
    inp = conn.get_input_stream()
    while True:
        chunk = inp.read_bytes(4096, None).get_data()
        if not chunk:
            break
        data += chunk
        if what == '--echo' and data.endswith(b'\n'):
            break
    conn.close(None)
except GLib.Error as e:
    print('ERROR %s %d %s' % (e.domain, e.code, e.message))
    sys.exit(1)
sys.stdout.write(data.decode(errors='replace'))
for line in open('/proc/self/maps'):
    if 'libgnutls.so.30' in line:
        print('\nLOADED', line.split()[-1])
        break
