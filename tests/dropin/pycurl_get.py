#!/usr/bin/env python3
"""Fetches URL with pycurl (libcurl-gnutls) trusting CAFILE; prints the body
on success, or 'ERROR <curl code> <message>' and exits 1.
Usage: pycurl_get.py URL CAFILE [RESOLVE]"""
import io
import sys

import pycurl

url, cafile = sys.argv[1], sys.argv[2]
c = pycurl.Curl()
body = io.BytesIO()
c.setopt(pycurl.URL, url)
c.setopt(pycurl.CAINFO, cafile)
c.setopt(pycurl.WRITEDATA, body)
c.setopt(pycurl.TIMEOUT, 15)
try:
    c.perform()
except pycurl.error as e:
    print('ERROR %d %s' % (e.args[0], e.args[1]))
    sys.exit(1)
if c.getinfo(pycurl.RESPONSE_CODE) != 200:
    print('ERROR http %d' % c.getinfo(pycurl.RESPONSE_CODE))
    sys.exit(1)
print('VERSION', pycurl.version)
sys.stdout.write(body.getvalue().decode())
# The library that did the TLS: Coda's if LD_LIBRARY_PATH took.
for line in open('/proc/self/maps'):
    if 'libgnutls.so.30' in line:
        print('LOADED', line.split()[-1])
        break
