#!/usr/bin/env python3
"""A TLS server on Python's ssl module (OpenSSL), a peer that is not Coda.

Usage: tls_server.py MODE --cert F --key F --tls 1.2|1.3 --port-file F
                     [--dir D] [--mail-file F]
MODE:
  http   serves the files of --dir over HTTPS (HTTP/1.1, threads)
  echo   sends back every byte it reads, one connection at a time
  smtp   an SMTP server behind implicit TLS (SMTPS, RFC 8314) that takes
         one message per connection and appends it to --mail-file
It listens on 127.0.0.1, a port the kernel picks, written to --port-file
once it accepts. It runs until killed.
"""
import argparse
import functools
import http.server
import socket
import socketserver
import ssl
import sys
import threading


def context(args):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(args.cert, args.key)
    version = ssl.TLSVersion.TLSv1_3 if args.tls == '1.3' else ssl.TLSVersion.TLSv1_2
    ctx.minimum_version = ctx.maximum_version = version
    return ctx


class Quiet(http.server.SimpleHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *a):
        pass


class ClosingServer(http.server.ThreadingHTTPServer):
    # A connection ends with close_notify (RFC 8446 6.1), which clients that
    # require it (GIO) wait for, then the TCP close.
    def shutdown_request(self, request):
        try:
            request.unwrap()
        except (ssl.SSLError, OSError, ValueError):
            pass
        super().shutdown_request(request)


def serve_http(args, ctx):
    handler = functools.partial(Quiet, directory=args.dir)
    server = ClosingServer(('127.0.0.1', 0), handler)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    announce(args, server.server_address[1])
    server.serve_forever()


def lines(conn):
    buf = b''
    while True:
        data = conn.recv(4096)
        if not data:
            return
        buf += data
        while b'\n' in buf:
            line, buf = buf.split(b'\n', 1)
            yield line + b'\n'


def smtp_session(conn, mail_file):
    conn.sendall(b'220 localhost SMTP stub\r\n')
    in_data, message = False, []
    for line in lines(conn):
        if in_data:
            if line.rstrip(b'\r\n') == b'.':
                with open(mail_file, 'ab') as f:
                    f.write(b''.join(message))
                in_data = False
                conn.sendall(b'250 OK queued\r\n')
            else:
                message.append(line)
            continue
        verb = line.split(b' ', 1)[0].strip().upper()
        if verb in (b'EHLO', b'HELO'):
            conn.sendall(b'250-localhost\r\n250 8BITMIME\r\n')
        elif verb in (b'MAIL', b'RCPT', b'RSET', b'NOOP'):
            conn.sendall(b'250 OK\r\n')
        elif verb == b'DATA':
            in_data = True
            conn.sendall(b'354 End data with <CR><LF>.<CR><LF>\r\n')
        elif verb == b'QUIT':
            conn.sendall(b'221 Bye\r\n')
            return
        else:
            conn.sendall(b'502 Command not implemented\r\n')


def serve_stream(args, ctx):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(('127.0.0.1', 0))
    listener.listen(8)
    announce(args, listener.getsockname()[1])
    while True:
        raw, _ = listener.accept()
        threading.Thread(target=session, args=(args, ctx, raw), daemon=True).start()


def session(args, ctx, raw):
    try:
        with ctx.wrap_socket(raw, server_side=True) as conn:
            if args.mode == 'smtp':
                smtp_session(conn, args.mail_file)
            else:
                while True:
                    data = conn.recv(4096)
                    if not data:
                        break
                    conn.sendall(data)
            conn.unwrap()
    except (ssl.SSLError, OSError) as e:
        print('session: %s' % e, file=sys.stderr, flush=True)


def announce(args, port):
    with open(args.port_file + '.tmp', 'w') as f:
        f.write('%d\n' % port)
    import os
    os.replace(args.port_file + '.tmp', args.port_file)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('mode', choices=['http', 'echo', 'smtp'])
    ap.add_argument('--cert', required=True)
    ap.add_argument('--key', required=True)
    ap.add_argument('--tls', choices=['1.2', '1.3'], default='1.3')
    ap.add_argument('--port-file', required=True)
    ap.add_argument('--dir', default='.')
    ap.add_argument('--mail-file')
    args = ap.parse_args()
    ctx = context(args)
    if args.mode == 'http':
        serve_http(args, ctx)
    else:
        serve_stream(args, ctx)


if __name__ == '__main__':
    main()
