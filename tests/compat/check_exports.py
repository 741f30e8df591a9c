#!/usr/bin/env python3
"""Checks libgnutls.so.30's dynamic symbol table.

Usage: check_exports.py LIBRARY SYMBOL_VERSIONS VERSION_SCRIPT

- every symbol the version script exports is defined, with its node;
- every exported symbol is a gnutls_* / coda_* API symbol (or one of
  GnuTLS's private _gnutls_* calls in GNUTLS_PRIVATE_3_4) listed in the
  script, and gnutls ones carry the node GnuTLS gives them;
- every GnuTLS version node is defined (binaries need them to load).
"""
import re
import subprocess
import sys

lib, table, script = sys.argv[1:4]
versions, nodes = {}, []
for line in open(table):
    parts = line.split()
    if not parts or parts[0].startswith('#'):
        continue
    if parts[0] == '@node':
        nodes.append(parts[1])
    else:
        versions[parts[0]] = parts[1]

wanted, node = {}, None
for line in open(script):
    m = re.match(r'^(\w+) \{', line)
    if m:
        node = m.group(1)
    m = re.match(r'^\s+(\w+);$', line)
    if m and node:
        wanted[m.group(1)] = node

exported, defined_nodes = {}, set()
for line in subprocess.run(['objdump', '-T', lib], check=True, capture_output=True,
                           text=True).stdout.splitlines():
    f = line.split()
    if len(f) < 6 or '*UND*' in line:
        continue
    if '*ABS*' in line:
        defined_nodes.add(f[-1])
        continue
    if f[2] in ('DF', 'DO'):
        exported[f[-1]] = f[-2]

errors = []
for sym, node in wanted.items():
    if exported.get(sym) != node:
        errors.append('%s: expected node %s, found %s' % (sym, node, exported.get(sym)))
for sym, node in exported.items():
    if sym not in wanted:
        errors.append('%s (%s) is exported but not in the version script' % (sym, node))
    # GnuTLS's private calls other GnuTLS libraries import (libgnutls-dane's
    # _gnutls_buffer_*) are exported in their node, GNUTLS_PRIVATE_3_4.
    private = sym.startswith('_gnutls_') and versions.get(sym) == 'GNUTLS_PRIVATE_3_4'
    if not (sym.startswith('gnutls_') or sym.startswith('coda_') or private):
        errors.append('%s is exported but is not API' % sym)
    if (sym.startswith('gnutls_') or private) and versions.get(sym) != node:
        errors.append('%s has node %s, GnuTLS uses %s' % (sym, node, versions.get(sym)))
for n in nodes:
    if n not in defined_nodes:
        errors.append('version node %s is not defined' % n)

missing = sorted(s for s in versions if s.startswith('gnutls_') and s not in exported)
print('%d symbols exported; %d GnuTLS symbols not provided' % (len(exported), len(missing)))
for e in errors:
    print('ERROR:', e)
sys.exit(1 if errors else 0)
