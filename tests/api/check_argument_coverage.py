#!/usr/bin/env python3
"""Fails when a function libgnutls.so.30 implements has no bad-argument case
in api_arguments' table.

Usage: check_argument_coverage.py LIBRARY CC INCLUDE_DIR API_ARGUMENTS

What "implemented" means: every gnutls_* / coda_* symbol the library
exports as a strong definition (nm -D: T, D, B, R); the generated stubs of
unimplemented.cpp are weak (W) and are left out.

What each needs, from its prototype in include/gnutls (gcc -aux-info):
  - every pointer parameter (data or function): a "null" case for it;
  - every integer or enum parameter: a "range" case for it;
  - a function without parameters, or an exported variable
    (gnutls_malloc, ...): at least one case of any kind.
The table's cases come from `API_ARGUMENTS --list` ("FUNCTION ARG KIND"
per case; cases of other kinds, "bad" and "call", count for the function). A case that names a function the library does not implement,
an argument it does not have, or a kind that does not fit the argument's
type is an error too, so the table cannot drift from the headers.

Types are classified by the compiler itself (__builtin_classify_type), so
opaque handles (typedefs of struct pointers) count as pointers.
"""
import os
import re
import subprocess
import sys
import tempfile

HEADERS = ['gnutls.h', 'x509.h', 'abstract.h', 'crypto.h', 'dtls.h', 'pkcs11.h', 'pkcs7.h',
           'openpgp.h', 'tpm.h', 'compat.h', 'coda.h']
API_PREFIXES = ('gnutls_', 'coda_')
POINTER_CLASS = 5
RANGE_CLASSES = {1, 2, 3, 4}  # integer, char, enum, boolean


def exported_strong(library):
    out = subprocess.run(['nm', '-D', '--defined-only', library], check=True,
                         capture_output=True, text=True).stdout
    functions, objects = set(), set()
    for line in out.splitlines():
        f = line.split()
        if len(f) < 3 or not f[2].startswith(API_PREFIXES):
            continue
        name = f[2].split('@')[0]
        if f[1] == 'T':
            functions.add(name)
        elif f[1] in 'DBR':
            objects.add(name)
    return functions, objects


def split_params(text):
    """'a, void (*)(int, int), c' -> three parameters (commas at depth 0)."""
    params, depth, cur = [], 0, ''
    for c in text:
        if c == ',' and depth == 0:
            params.append(cur.strip())
            cur = ''
            continue
        depth += c in '(['
        depth -= c in ')]'
        cur += c
    if cur.strip():
        params.append(cur.strip())
    return [] if params == ['void'] else params


def prototypes(cc, include, work):
    source = os.path.join(work, 'all_headers.c')
    aux = os.path.join(work, 'aux.txt')
    with open(source, 'w') as f:
        f.write(''.join('#include <gnutls/%s>\n' % h for h in HEADERS))
    subprocess.run([cc, '-w', '-fsyntax-only', '-I', include, '-aux-info', aux, source],
                   check=True)
    protos = {}
    pattern = re.compile(r'^/\* .*\*/ extern .*?\b(\w+) \((.*)\);$')
    for line in open(aux):
        m = pattern.match(line.strip())
        if m and m.group(1).startswith(API_PREFIXES):
            protos[m.group(1)] = split_params(m.group(2))
    return protos


def type_classes(cc, include, work, types):
    """The compiler's class of each parameter type (5 = pointer)."""
    types = sorted(types)
    source = os.path.join(work, 'classify.c')
    binary = os.path.join(work, 'classify')
    with open(source, 'w') as f:
        f.write(''.join('#include <gnutls/%s>\n' % h for h in HEADERS))
        f.write('#include <stdio.h>\nint main(void) {\n')
        for i, t in enumerate(types):
            f.write('  printf("%%d\\n", __builtin_classify_type(*(__typeof__(%s)*)0)); /* %d */\n'
                    % (t, i))
        f.write('  return 0;\n}\n')
    subprocess.run([cc, '-w', '-I', include, source, '-o', binary], check=True)
    out = subprocess.run([binary], check=True, capture_output=True, text=True).stdout.split()
    return dict(zip(types, (int(x) for x in out)))


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    library, cc, include, cases_binary = sys.argv[1:5]
    functions, objects = exported_strong(library)
    with tempfile.TemporaryDirectory() as work:
        protos = prototypes(cc, include, work)
        classes = type_classes(cc, include, work,
                               {t for f in functions if f in protos for t in protos[f]})

    listed = subprocess.run([cases_binary, '--list'], check=True, capture_output=True,
                            text=True).stdout.split('\n')
    covered, errors, missing = set(), [], []
    for line in filter(None, listed):
        name, arg, kind = line.split()
        arg = int(arg)
        covered.add((name, arg, kind))
        if name not in functions and name not in objects:
            errors.append('case for %s, which the library does not implement' % name)
        elif name in protos:
            params = protos[name]
            if arg > len(params):
                errors.append('case %s arg %d: it has %d parameters' % (name, arg, len(params)))
            elif arg > 0:
                cls = classes[params[arg - 1]]
                if kind == 'null' and cls != POINTER_CLASS:
                    errors.append('case %s arg %d: null for a non-pointer (%s)'
                                  % (name, arg, params[arg - 1]))
                if kind == 'range' and cls not in RANGE_CLASSES:
                    errors.append('case %s arg %d: range for a non-integer (%s)'
                                  % (name, arg, params[arg - 1]))

    required = 0
    for name in sorted(functions | objects):
        if name in objects or not protos.get(name):
            required += 1
            if not any(c[0] == name for c in covered):
                missing.append('%s: no case' % name)
            continue
        if name not in protos:
            errors.append('%s: exported but not declared in include/gnutls' % name)
            continue
        for i, t in enumerate(protos[name], start=1):
            cls = classes[t]
            kind = 'null' if cls == POINTER_CLASS else 'range' if cls in RANGE_CLASSES else None
            if kind is None:
                continue
            required += 1
            if (name, i, kind) not in covered:
                missing.append('%s: no %s case for argument %d (%s)' % (name, kind, i, t))

    for e in errors:
        print('ERROR ' + e)
    for m in missing:
        print('MISSING ' + m)
    print('%d functions and %d variables implemented, %d argument cases required, '
          '%d covered; %d missing, %d table errors'
          % (len(functions), len(objects), required, len(covered), len(missing), len(errors)))
    return 1 if errors or missing else 0


if __name__ == '__main__':
    sys.exit(main())
