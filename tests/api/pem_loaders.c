/* The codes of the PEM loaders on empty, cut short and otherwise broken
 * input: gnutls_certificate_set_x509_key_file/_mem, _trust_file/_mem and
 * gnutls_x509_crt_import. Built against Coda and against the real GnuTLS;
 * compare_edges.sh compares the "MATCH key = value" lines.
 *
 * usage: pem_loaders CERTDIR      (CERTDIR made by make_certs.sh)
 * Every certificate text is tried with every key text, from files and from
 * memory, since which error wins depends on the order the two are read in
 * (GnuTLS: the key first). Exits 0 unless something could not be set up. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_TEXT 16384

struct text {
  const char* name;
  char data[MAX_TEXT];
};

static char workdir[] = "/tmp/pem-loaders.XXXXXX";
static char cert_path[600], key_path[600];

static const char* code(int r) {
  static char buf[4][64];
  static int n;
  char* out = buf[n++ % 4];
  const char* name = r < 0 ? gnutls_strerror_name(r) : NULL;
  if (r >= 0)
    snprintf(out, 64, "%d", r);
  else
    snprintf(out, 64, "%s", name != NULL ? name : "?");
  return out;
}

static int slurp(const char* dir, const char* file, char* out) {
  char path[600];
  FILE* f;
  size_t n;
  snprintf(path, sizeof path, "%s/%s", dir, file);
  if ((f = fopen(path, "rb")) == NULL) return -1;
  n = fread(out, 1, MAX_TEXT - 1, f);
  out[n] = 0;
  fclose(f);
  return n > 0 ? 0 : -1;
}

static void put(const char* path, const char* data) {
  FILE* f = fopen(path, "wb");
  if (f == NULL || fwrite(data, 1, strlen(data), f) != strlen(data)) {
    perror(path);
    exit(2);
  }
  fclose(f);
}

/* The text up to (not including) the first occurrence of `stop`, or the
 * first `lines` lines when stop is NULL. */
static void cut(char* out, const char* in, const char* stop, int lines) {
  const char* end = in;
  strcpy(out, in);
  if (stop != NULL) {
    end = strstr(in, stop);
    if (end == NULL) end = in + strlen(in);
  } else {
    while (lines-- > 0 && strchr(end, '\n') != NULL) end = strchr(end, '\n') + 1;
  }
  out[end - in] = 0;
}

/* `in` with its second base64 line changed to carry a character outside
 * the alphabet. */
static void spoil_base64(char* out, const char* in) {
  char* line;
  strcpy(out, in);
  line = strchr(out, '\n');
  if (line != NULL && strlen(line) > 8) line[5] = '*';
}

/* `in` (one PEM block) with its base64 on a single line: no line breaks
 * between the BEGIN and END lines but the ones that end them. */
static void join_base64(char* out, const char* in) {
  const char* body = strchr(in, '\n');
  const char* end = strstr(in, "-----END");
  size_t n = 0;
  if (body == NULL || end == NULL || end < body) {
    strcpy(out, in);
    return;
  }
  body++;
  memcpy(out, in, (size_t)(body - in));
  n = (size_t)(body - in);
  for (; body < end; body++)
    if (*body != '\n' && *body != '\r') out[n++] = *body;
  out[n++] = '\n';
  strcpy(out + n, end);
}

/* Certificate texts, then key texts (ecdsa.pem, ecdsa.key). */
static struct text certs[16], keys[16];
static int ncerts, nkeys;

static struct text* add(struct text* list, int* n, const char* name) {
  struct text* t = &list[(*n)++];
  t->name = name;
  t->data[0] = 0;
  return t;
}

static void make_texts(const char* crt, const char* key) {
  struct text* t;
  strcpy(add(certs, &ncerts, "good")->data, crt);
  add(certs, &ncerts, "empty");
  strcpy(add(certs, &ncerts, "blank")->data, "\n  \n");
  strcpy(add(certs, &ncerts, "garbage")->data, "not a certificate\n");
  cut(add(certs, &ncerts, "cut_3_lines")->data, crt, NULL, 3);
  cut(add(certs, &ncerts, "no_end_line")->data, crt, "-----END", 0);
  strcpy(add(certs, &ncerts, "begin_only")->data, "-----BEGIN CERTIFICATE-----\n");
  strcpy(add(certs, &ncerts, "empty_body")->data,
         "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
  strcpy(add(certs, &ncerts, "not_der")->data,
         "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
  spoil_base64(add(certs, &ncerts, "bad_base64")->data, crt);
  t = add(certs, &ncerts, "second_cut");
  strcpy(t->data, crt);
  cut(t->data + strlen(t->data), crt, "-----END", 0);
  t = add(certs, &ncerts, "cut_then_whole");
  cut(t->data, crt, "-----END", 0);
  strcat(t->data, crt);
  strcpy(add(certs, &ncerts, "x509_label_cut")->data, "-----BEGIN X509 CERTIFICATE-----\nAAAA\n");
  t = add(certs, &ncerts, "end_line_cut");
  cut(t->data, crt, "-----END", 0);
  strcat(t->data, "-----END CERT");
  join_base64(add(certs, &ncerts, "one_line")->data, crt);

  strcpy(add(keys, &nkeys, "good")->data, key);
  add(keys, &nkeys, "empty");
  strcpy(add(keys, &nkeys, "blank")->data, "\n  \n");
  strcpy(add(keys, &nkeys, "garbage")->data, "not a key\n");
  cut(add(keys, &nkeys, "cut_2_lines")->data, key, NULL, 2);
  cut(add(keys, &nkeys, "no_end_line")->data, key, "-----END", 0);
  strcpy(add(keys, &nkeys, "begin_only")->data, "-----BEGIN PRIVATE KEY-----\n");
  strcpy(add(keys, &nkeys, "empty_body")->data,
         "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n");
  strcpy(add(keys, &nkeys, "not_der")->data,
         "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
  spoil_base64(add(keys, &nkeys, "bad_base64")->data, key);
  strcpy(add(keys, &nkeys, "other_label")->data, "-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n");
  strcpy(add(keys, &nkeys, "rsa_label_cut")->data, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n");
  join_base64(add(keys, &nkeys, "one_line")->data, key);
}

static gnutls_datum_t datum(const char* s) {
  gnutls_datum_t d;
  d.data = (unsigned char*)s;
  d.size = (unsigned)strlen(s);
  return d;
}

static void key_pairs(void) {
  int i, j;
  for (i = 0; i < ncerts; i++) {
    for (j = 0; j < nkeys; j++) {
      gnutls_certificate_credentials_t c;
      gnutls_datum_t cd = datum(certs[i].data), kd = datum(keys[j].data);
      int r;
      put(cert_path, certs[i].data);
      put(key_path, keys[j].data);
      gnutls_certificate_allocate_credentials(&c);
      r = gnutls_certificate_set_x509_key_file(c, cert_path, key_path, GNUTLS_X509_FMT_PEM);
      printf("MATCH key_file.%s.%s = %s\n", certs[i].name, keys[j].name, code(r));
      gnutls_certificate_free_credentials(c);
      gnutls_certificate_allocate_credentials(&c);
      r = gnutls_certificate_set_x509_key_mem(c, &cd, &kd, GNUTLS_X509_FMT_PEM);
      printf("MATCH key_mem.%s.%s = %s\n", certs[i].name, keys[j].name, code(r));
      gnutls_certificate_free_credentials(c);
    }
  }
}

static void trust_and_import(void) {
  int i;
  for (i = 0; i < ncerts; i++) {
    gnutls_certificate_credentials_t c;
    gnutls_x509_crt_t x;
    gnutls_datum_t cd = datum(certs[i].data);
    put(cert_path, certs[i].data);
    gnutls_certificate_allocate_credentials(&c);
    printf("MATCH trust_file.%s = %s\n", certs[i].name,
           code(gnutls_certificate_set_x509_trust_file(c, cert_path, GNUTLS_X509_FMT_PEM)));
    printf("MATCH trust_mem.%s = %s\n", certs[i].name,
           code(gnutls_certificate_set_x509_trust_mem(c, &cd, GNUTLS_X509_FMT_PEM)));
    gnutls_certificate_free_credentials(c);
    gnutls_x509_crt_init(&x);
    printf("MATCH crt_import.%s = %s\n", certs[i].name,
           code(gnutls_x509_crt_import(x, &cd, GNUTLS_X509_FMT_PEM)));
    gnutls_x509_crt_deinit(x);
  }
}

/* Empty DER files and datums without data. */
static void der_and_null(void) {
  gnutls_certificate_credentials_t c;
  gnutls_datum_t none = {NULL, 0}, empty = datum(""), cd = datum(certs[0].data),
                 kd = datum(keys[0].data);
  put(cert_path, "");
  put(key_path, "");
  gnutls_certificate_allocate_credentials(&c);
  printf("MATCH key_file.der.empty.empty = %s\n",
         code(gnutls_certificate_set_x509_key_file(c, cert_path, key_path, GNUTLS_X509_FMT_DER)));
  printf("MATCH trust_file.der.empty = %s\n",
         code(gnutls_certificate_set_x509_trust_file(c, cert_path, GNUTLS_X509_FMT_DER)));
  printf("MATCH trust_mem.der.empty = %s\n",
         code(gnutls_certificate_set_x509_trust_mem(c, &empty, GNUTLS_X509_FMT_DER)));
  printf("MATCH trust_mem.der.null = %s\n",
         code(gnutls_certificate_set_x509_trust_mem(c, &none, GNUTLS_X509_FMT_DER)));
  printf("MATCH key_mem.null_cert = %s\n",
         code(gnutls_certificate_set_x509_key_mem(c, &none, &kd, GNUTLS_X509_FMT_PEM)));
  printf("MATCH key_mem.null_key = %s\n",
         code(gnutls_certificate_set_x509_key_mem(c, &cd, &none, GNUTLS_X509_FMT_PEM)));
  printf("MATCH trust_mem.null = %s\n",
         code(gnutls_certificate_set_x509_trust_mem(c, &none, GNUTLS_X509_FMT_PEM)));
  gnutls_certificate_free_credentials(c);
}

int main(int argc, char** argv) {
  static char crt[MAX_TEXT], key[MAX_TEXT];
  if (argc != 2) {
    fprintf(stderr, "usage: %s CERTDIR\n", argv[0]);
    return 2;
  }
  if (slurp(argv[1], "ecdsa.pem", crt) != 0 || slurp(argv[1], "ecdsa.key", key) != 0) {
    fprintf(stderr, "cannot read %s/ecdsa.pem or ecdsa.key\n", argv[1]);
    return 2;
  }
  /* The same file names for both libraries' runs would race under ctest -j. */
  if (mkdtemp(workdir) == NULL) {
    perror("mkdtemp");
    return 2;
  }
  snprintf(cert_path, sizeof cert_path, "%s/cert.pem", workdir);
  snprintf(key_path, sizeof key_path, "%s/key.pem", workdir);
  make_texts(crt, key);
  key_pairs();
  trust_and_import();
  der_and_null();
  unlink(cert_path);
  unlink(key_path);
  rmdir(workdir);
  printf("%d certificate texts, %d key texts\n", ncerts, nkeys);
  return 0;
}
