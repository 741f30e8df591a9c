#!/usr/bin/env python3
"""Writes src/compat/gnutls/unimplemented.cpp: a definition that fails
clearly for every GnuTLS function our headers declare, the real libgnutls
exports (symbol_versions.txt) and Coda does not implement.

Usage: gen_unimplemented.py [--clang CLANG] [--nm NM] [--check]
                            OUTPUT OBJECT_OR_SOURCE_DIR...

The declarations come from clang's JSON AST of include/gnutls/*.h, so the
signatures are exactly the headers'. What Coda implements is every strong
(non-weak) gnutls_* symbol in the given objects (nm); a directory argument
is scanned for *.o files. The stubs themselves are weak, so they are never
counted as implemented and a real definition added later replaces its stub
at link time even before this script is run again.

The generated file is committed: the build needs neither clang nor this
script. Run it again after implementing functions to drop their stubs:
  python3 src/compat/gen_unimplemented.py src/compat/gnutls/unimplemented.cpp \\
      build/src/compat/CMakeFiles/coda_gnutls_objects.dir
--check compares instead of writing (exit 1 when the file is out of date).

What a stub does, by return type:
  int, ssize_t, long          GNUTLS_E_UNIMPLEMENTED_FEATURE
  time_t                      (time_t)-1, GnuTLS's "no time" value
  unsigned, size_t            0 (no flag set, nothing there)
  pointers (incl. strings)    NULL
  enums                       0, the enum's UNKNOWN value
  void                        nothing (a NULL argument is fine)
Out-parameters are cleared where that is safe: the handle of an *_init /
*_allocate_* call and a returned list of handles (handle_t **) are set to
NULL, and every non-const gnutls_datum_t* (in
GnuTLS's API these are outputs only) to {NULL, 0}, and a verification
status to GNUTLS_CERT_INVALID. ANSWER_NO lists the signed yes/no functions,
which answer 0.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HEADERS = ['gnutls.h', 'x509.h', 'abstract.h', 'crypto.h', 'dtls.h', 'pkcs11.h', 'pkcs7.h',
           'openpgp.h', 'tpm.h', 'compat.h', 'ocsp.h', 'pkcs12.h', 'socket.h']

# Signed functions whose answer is a yes/no where any non-zero value means
# "yes": an error code would read as a match, so they answer 0 ("no").
ANSWER_NO = {
    'gnutls_openpgp_crt_check_email',  # non-zero: the e-mail matches
    'gnutls_openpgp_crt_check_hostname',  # non-zero: the name matches
    'gnutls_openpgp_crt_check_hostname2',
    'gnutls_privkey_status',  # non-zero: the key's token is present
    'gnutls_session_resumption_requested',  # non-zero: the client asked
    'gnutls_x509_dn_oid_known',  # 1: known OID, 0 otherwise
}

# Verification calls report trust in an unsigned out-parameter (0 = trusted),
# and some programs read only that: it is set to "not trusted".
VERIFY_STATUS_PARAMS = {'verify', 'status', 'voutput'}

SIGNED = {'int', 'ssize_t', 'long', 'long int', 'signed int', 'int64_t', 'int32_t'}
UNSIGNED = {'unsigned int', 'unsigned', 'size_t', 'unsigned long', 'uint32_t', 'uint64_t',
            'unsigned char', 'uint8_t', 'uint16_t'}


def read_versions(path):
    versions = {}
    for line in open(path):
        parts = line.split()
        if parts and not parts[0].startswith('#') and parts[0] != '@node':
            versions[parts[0]] = parts[1]
    return versions


def implemented(nm, inputs):
    objects = []
    # CMake hands $<TARGET_OBJECTS:...> over as one ';'-separated argument.
    inputs = [p for arg in inputs for p in arg.split(';') if p]
    for p in inputs:
        if os.path.isdir(p):
            for dirpath, _, files in os.walk(p):
                objects += [os.path.join(dirpath, f) for f in files if f.endswith('.o')]
        else:
            objects.append(p)
    objects = sorted(o for o in objects if not os.path.basename(o).startswith('unimplemented.'))
    if not objects:
        sys.exit('gen_unimplemented.py: no object files given')
    out = subprocess.run([nm, '--defined-only', '--extern-only', '--format=posix'] + objects,
                         check=True, capture_output=True, text=True).stdout
    strong = set()
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 2 and f[1] in 'TDBR' and not f[0].endswith(':'):
            strong.add(f[0])
    return strong


def declarations(clang):
    source = ''.join('#include <gnutls/%s>\n' % h for h in HEADERS)
    ast = subprocess.run([clang, '-x', 'c', '-std=c11', '-fsyntax-only', '-w',
                          '-I', os.path.join(ROOT, 'include'), '-Xclang', '-ast-dump=json', '-'],
                         input=source, check=True, capture_output=True, text=True).stdout
    tree = json.loads(ast)
    typedefs, funcs = {}, {}
    for d in tree.get('inner', []):
        if d.get('kind') == 'TypedefDecl':
            # An anonymous enum's desugared type is the typedef's own name;
            # the written type ('enum X', 'struct Y *') says what it is.
            typedefs[d['name']] = d['type']['qualType']
        elif d.get('kind') == 'FunctionDecl' and d.get('name', '').startswith('gnutls_'):
            params = [(p.get('name'), p['type']['qualType'])
                      for p in d.get('inner', []) if p.get('kind') == 'ParmVarDecl']
            funcs[d['name']] = (d['type']['qualType'], params, d.get('variadic', False))
    return typedefs, funcs


def return_type(fn_type):
    # 'RET (PARAMS)'; no declaration in our headers returns a bare function
    # pointer (those go through typedefs).
    depth = 0
    for i in range(len(fn_type) - 1, -1, -1):
        c = fn_type[i]
        if c == ')':
            depth += 1
        elif c == '(':
            depth -= 1
            if depth == 0:
                return fn_type[:i].strip()
    raise ValueError(fn_type)


def kind_of(t, typedefs):
    seen = set()
    while True:
        t = t.strip()
        if t.endswith('*') or '(*)' in t:
            return 'pointer'
        bare = re.sub(r'^const\s+', '', t)
        if bare == 'void':
            return 'void'
        if bare == 'time_t':
            return 'time'
        if bare in SIGNED:
            return 'signed'
        if bare in UNSIGNED:
            return 'unsigned'
        if bare.startswith('enum '):
            return 'enum'
        if bare in typedefs and bare not in seen:
            seen.add(bare)
            t = typedefs[bare]
            continue
        raise ValueError('unclassified type %r' % t)


def is_handle_pointer(t, typedefs):
    """'gnutls_x509_crt_t *': a pointer to an opaque handle."""
    m = re.fullmatch(r'(\w+) \*', t.strip())
    if not m:
        return False
    under = typedefs.get(m.group(1), '')
    return under.startswith('struct ') and under.endswith('*')


def is_handle_list_pointer(t, typedefs):
    """'gnutls_x509_crt_t **': where a call returns a list it allocated."""
    m = re.fullmatch(r'(\w+) \*\*', t.strip())
    if not m:
        return False
    under = typedefs.get(m.group(1), '')
    return under.startswith('struct ') and under.endswith('*')


def stub(name, fn_type, params, variadic, typedefs):
    ret = return_type(fn_type)
    kind = kind_of(ret, typedefs)
    decl_params, body = [], []
    init_like = re.search(r'(_init\d?|_allocate_\w+)$', name) is not None
    for i, (pname, ptype) in enumerate(params):
        var = 'a%d' % i
        if init_like and i == 0 and is_handle_pointer(ptype, typedefs):
            body.append('if (%s) *%s = nullptr;' % (var, var))
            decl_params.append('%s %s' % (ptype, var))
        elif is_handle_list_pointer(ptype, typedefs):
            body.append('if (%s) *%s = nullptr;' % (var, var))
            decl_params.append('%s %s' % (ptype, var))
        elif ptype.strip() == 'unsigned int *' and pname in VERIFY_STATUS_PARAMS:
            body.append('if (%s) *%s = GNUTLS_CERT_INVALID;' % (var, var))
            decl_params.append('%s %s' % (ptype, var))
        elif ptype.strip() == 'gnutls_datum_t *':
            body.append('if (%s) *%s = gnutls_datum_t{nullptr, 0};' % (var, var))
            decl_params.append('%s %s' % (ptype, var))
        else:
            decl_params.append(ptype)  # unnamed: an abstract declarator
    if variadic:
        decl_params.append('...')
    if not decl_params:
        decl_params = ['void']
    if name in ANSWER_NO:
        body.append('return 0;')
    elif kind == 'signed':
        body.append('return GNUTLS_E_UNIMPLEMENTED_FEATURE;')
    elif kind == 'time':
        body.append('return static_cast<time_t>(-1);')
    elif kind == 'unsigned':
        body.append('return 0;')
    elif kind == 'pointer':
        body.append('return nullptr;')
    elif kind == 'enum':
        bare = re.sub(r'^const\s+', '', ret)
        body.append('return %s{};' % bare)
    # A 'void' stub has nothing to do.
    head = 'CODA_STUB %s %s(%s)' % (ret, name, ', '.join(decl_params))
    if not body:
        return '%s {}\n' % head
    return '%s {\n%s\n}\n' % (head, '\n'.join('  ' + b for b in body))


def generate(versions, strong, typedefs, funcs):
    names = sorted(n for n in funcs if n in versions and n not in strong)
    out = [
        '// Generated by src/compat/gen_unimplemented.py; do not edit. Run the script',
        '// again after implementing a function to drop its stub.',
        '//',
        '// GnuTLS functions declared in include/gnutls that Coda does not implement.',
        '// Each fails clearly (GNUTLS_E_UNIMPLEMENTED_FEATURE, NULL, 0, or',
        '// (time_t)-1) so programs linked to the real GnuTLS load and get an error',
        '// instead of "undefined symbol". None logs, allocates or pretends to succeed.',
        '// The definitions are weak: a real one elsewhere in the library wins.',
        '#include <gnutls/abstract.h>',
        '#include <gnutls/compat.h>',
        '#include <gnutls/crypto.h>',
        '#include <gnutls/dtls.h>',
        '#include <gnutls/gnutls.h>',
        '#include <gnutls/ocsp.h>',
        '#include <gnutls/openpgp.h>',
        '#include <gnutls/pkcs11.h>',
        '#include <gnutls/pkcs12.h>',
        '#include <gnutls/pkcs7.h>',
        '#include <gnutls/socket.h>',
        '#include <gnutls/tpm.h>',
        '#include <gnutls/x509.h>',
        '',
        '#define CODA_STUB __attribute__((weak))',
        '',
        '// %d functions.' % len(names),
        'extern "C" {',
        '',
    ]
    for n in names:
        fn_type, params, variadic = funcs[n]
        out.append(stub(n, fn_type, params, variadic, typedefs))
    out.append('}  // extern "C"')
    return '\n'.join(out) + '\n', names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--clang', default='clang')
    ap.add_argument('--nm', default='nm')
    ap.add_argument('--clang-format', default='clang-format')
    ap.add_argument('--check', action='store_true')
    ap.add_argument('output')
    ap.add_argument('objects', nargs='+')
    args = ap.parse_args()
    versions = read_versions(os.path.join(HERE, 'gnutls', 'symbol_versions.txt'))
    strong = implemented(args.nm, args.objects)
    typedefs, funcs = declarations(args.clang)
    text, names = generate(versions, strong, typedefs, funcs)
    # Formatted the way the rest of the tree is, so the committed file is
    # exactly what clang-format would leave.
    text = subprocess.run([args.clang_format, '--assume-filename=' + args.output], input=text,
                          check=True, capture_output=True, text=True, cwd=ROOT).stdout
    if args.check:
        try:
            current = open(args.output).read()
        except OSError:
            current = ''
        if current != text:
            print('%s is out of date: run src/compat/gen_unimplemented.py' % args.output)
            sys.exit(1)
        print('%s is current (%d stubs)' % (args.output, len(names)))
        return
    open(args.output, 'w').write(text)
    print('%d stubs written to %s' % (len(names), args.output))


if __name__ == '__main__':
    main()
