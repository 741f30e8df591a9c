/* What the differential API programs built from one source for Coda and
 * for the real GnuTLS share: "MATCH key = value" lines, which
 * compare_edges.sh compares between the two builds, and the loading of the
 * files they read from one folder. */
#ifndef CODA_TESTS_API_MATCH_LINES_H
#define CODA_TESTS_API_MATCH_LINES_H

#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>

#define MATCH(key, ...)         \
  do {                          \
    printf("MATCH %s = ", key); \
    printf(__VA_ARGS__);        \
    printf("\n");               \
  } while (0)

#ifndef X509OBJ_DATA
#define X509OBJ_DATA "."
#endif

/* The folder load() reads from (a program may set it from its arguments). */
static const char* dir = X509OBJ_DATA;

/* The whole of dir/name; exits with 2 when it cannot be read. */
static inline gnutls_datum_t load(const char* name) {
  char path[1024];
  gnutls_datum_t d = {NULL, 0};
  snprintf(path, sizeof path, "%s/%s", dir, name);
  if (gnutls_load_file(path, &d) != 0) {
    fprintf(stderr, "cannot load %s\n", path);
    exit(2);
  }
  return d;
}

#endif
