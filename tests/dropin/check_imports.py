#!/usr/bin/env python3
"""Fails, naming each symbol, when a GnuTLS program would not load on Coda.

Usage: check_imports.py LIBRARY PROGRAM FILE...

LIBRARY is Coda's libgnutls.so.30; FILE... are the binaries of PROGRAM's
Debian package and the GnuTLS-importing libraries it loads (a glob pattern
is expanded). Every symbol they take from GnuTLS (any symbol versioned with
a GNUTLS_* node: undefined references, and the data symbols an executable
holds as copy relocations) must be exported by LIBRARY with that node.
Then the dynamic linker itself is asked (ldd -r with LIBRARY's directory
first), and it must resolve LIBRARY and report nothing undefined.

Exit 77 (a skip) when a file is missing: its package is not installed.
"""
import glob
import os
import subprocess
import sys

SKIP = 77


def exported(library):
    out = subprocess.run(['nm', '-D', '--defined-only', '--with-symbol-versions', library],
                         check=True, capture_output=True, text=True).stdout
    have = set()
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and '@' in f[2]:
            name, _, node = f[2].partition('@')
            have.add((name, node.lstrip('@')))
    return have


def gnutls_imports(path):
    out = subprocess.run(['nm', '-D', '--with-symbol-versions', path], check=True,
                         capture_output=True, text=True).stdout
    wanted = set()
    for line in out.splitlines():
        f = line.split()
        sym = f[-1] if f else ''
        if '@' not in sym or '@@' in sym:  # '@@': the file's own definition
            continue
        name, _, node = sym.partition('@')
        if node.startswith('GNUTLS_'):
            wanted.add((name, node))
    return wanted


def main():
    library, program, patterns = sys.argv[1], sys.argv[2], sys.argv[3:]
    files = []
    for p in patterns:
        found = sorted(glob.glob(p))
        if not found:
            print('SKIP %s: %s is not installed' % (program, p))
            return SKIP
        files += found
    have = exported(library)
    libdir = os.path.dirname(os.path.abspath(library))
    errors, total = [], 0
    for f in files:
        wanted = gnutls_imports(f)
        total += len(wanted)
        for name, node in sorted(wanted - have):
            errors.append('%s: %s@%s is not exported by %s' % (f, name, node, library))
        env = dict(os.environ, LD_LIBRARY_PATH=libdir)
        ldd = subprocess.run(['ldd', '-r', f], capture_output=True, text=True, env=env)
        text = ldd.stdout + ldd.stderr
        for line in text.splitlines():
            # A plugin's imports from its host program (a Python module's
            # Py*, mod_gnutls's lighttpd calls) are undefined for ldd too:
            # only GnuTLS's symbols and missing libraries count.
            gnutls = 'GNUTLS' in line or 'gnutls_' in line
            if (('undefined symbol' in line or 'not defined' in line) and gnutls) or \
                    'not found' in line:
                errors.append('%s: ldd: %s' % (f, line.strip()))
            elif line.strip().startswith('libgnutls.so.30 =>'):
                target = line.split('=>')[1].split('(')[0].strip()
                if os.path.realpath(os.path.dirname(target)) != os.path.realpath(libdir):
                    errors.append('%s: loads %s, not Coda\'s library' % (f, target))
    for e in errors:
        print(e)
    if errors:
        print('FAIL %s: %d problem(s)' % (program, len(errors)))
        return 1
    print('%s: all %d GnuTLS imports of %d file(s) exported; ldd -r clean' %
          (program, total, len(files)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
