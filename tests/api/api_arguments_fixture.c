/* See api_arguments_fixture.h. Setup failures end the child with exit 4,
 * which the runner reports as a crash of the case: a case never runs with
 * half of its valid arguments missing. */
#include "api_arguments_fixture.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

static char certdir[512];

static void setup_failed(const char* what, int ret) {
  fprintf(stderr, "fixture: %s failed: %d %s\n", what, ret, gnutls_strerror(ret));
  exit(4);
}

void fixture_set_certdir(const char* dir) {
  snprintf(certdir, sizeof(certdir), "%s", dir);
}

const char* cert_file(const char* name) {
  static char paths[4][600];
  static int next;
  char* out = paths[next++ % 4];
  snprintf(out, sizeof(paths[0]), "%s/%s", certdir, name);
  return out;
}

/* ---- sessions ---- */

static gnutls_session_t init_session(unsigned flags) {
  gnutls_session_t s = NULL;
  int ret = gnutls_init(&s, flags);
  if (ret != 0) setup_failed("gnutls_init", ret);
  return s; /* kept reachable through the caller's fixture or case */
}

#define KEEP_MAX 16
static gnutls_session_t kept_sessions[KEEP_MAX];
static int nkept;

static gnutls_session_t keep(gnutls_session_t s) {
  if (nkept < KEEP_MAX) kept_sessions[nkept++] = s;
  return s;
}

gnutls_session_t new_client(void) {
  return keep(init_session(GNUTLS_CLIENT));
}

gnutls_session_t new_server(void) {
  return keep(init_session(GNUTLS_SERVER));
}

gnutls_session_t nonblocking_client(void) {
  gnutls_session_t s = keep(init_session(GNUTLS_CLIENT | GNUTLS_NONBLOCK));
  int fds[2];
  /* The peer end stays open and silent: writes go into its buffer. */
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) setup_failed("socketpair", errno);
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  gnutls_set_default_priority(s);
  gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, empty_credentials());
  gnutls_transport_set_int2(s, fds[0], fds[0]);
  return s;
}

/* ---- an established pair over memory ---- */

struct queue {
  unsigned char data[64 * 1024];
  size_t len;
};

static struct queue to_client, to_server;

static ssize_t queue_push(gnutls_transport_ptr_t ptr, const void* data, size_t size) {
  struct queue* q = ptr;
  if (size > sizeof(q->data) - q->len) {
    errno = ENOSPC;
    return -1;
  }
  memcpy(q->data + q->len, data, size);
  q->len += size;
  return (ssize_t)size;
}

static ssize_t queue_pull(gnutls_transport_ptr_t ptr, void* data, size_t size) {
  struct queue* q = ptr;
  if (q->len == 0) {
    errno = EAGAIN;
    return -1;
  }
  if (size > q->len) size = q->len;
  memcpy(data, q->data, size);
  memmove(q->data, q->data + size, q->len - size);
  q->len -= size;
  return (ssize_t)size;
}

static int queue_wait(gnutls_transport_ptr_t ptr, unsigned ms) {
  (void)ms;
  return ((struct queue*)ptr)->len > 0 ? 1 : 0;
}

static void use_queues(gnutls_session_t s, struct queue* in, struct queue* out) {
  gnutls_transport_set_ptr2(s, in, out);
  gnutls_transport_set_push_function(s, queue_push);
  gnutls_transport_set_pull_function(s, queue_pull);
  gnutls_transport_set_pull_timeout_function(s, queue_wait);
}

static gnutls_session_t pair_client, pair_server;
static gnutls_certificate_credentials_t client_trust;

static void make_pair(void) {
  static const gnutls_datum_t h2 = {(unsigned char*)"h2", 2};
  int cret = GNUTLS_E_AGAIN, sret = GNUTLS_E_AGAIN, rounds;
  int ret = gnutls_certificate_allocate_credentials(&client_trust);
  if (ret == 0)
    ret = gnutls_certificate_set_x509_trust_file(client_trust, cert_file("ca.pem"),
                                                 GNUTLS_X509_FMT_PEM);
  if (ret < 0) setup_failed("client trust", ret);
  pair_client = init_session(GNUTLS_CLIENT | GNUTLS_NONBLOCK);
  pair_server = init_session(GNUTLS_SERVER | GNUTLS_NONBLOCK);
  gnutls_priority_set_direct(pair_client, "NORMAL:-VERS-ALL:+VERS-TLS1.3", NULL);
  gnutls_set_default_priority(pair_server);
  gnutls_credentials_set(pair_client, GNUTLS_CRD_CERTIFICATE, client_trust);
  gnutls_credentials_set(pair_server, GNUTLS_CRD_CERTIFICATE, server_credentials());
  gnutls_server_name_set(pair_client, GNUTLS_NAME_DNS, "localhost", 9);
  gnutls_alpn_set_protocols(pair_client, &h2, 1, 0);
  gnutls_alpn_set_protocols(pair_server, &h2, 1, 0);
  use_queues(pair_client, &to_client, &to_server);
  use_queues(pair_server, &to_server, &to_client);
  for (rounds = 0; rounds < 50 && (cret != 0 || sret != 0); rounds++) {
    if (cret != 0) cret = gnutls_handshake(pair_client);
    if (sret != 0) sret = gnutls_handshake(pair_server);
    if ((cret < 0 && cret != GNUTLS_E_AGAIN) || (sret < 0 && sret != GNUTLS_E_AGAIN)) break;
  }
  if (cret != 0) setup_failed("client handshake", cret);
  if (sret != 0) setup_failed("server handshake", sret);
}

gnutls_session_t live_client(void) {
  if (pair_client == NULL) make_pair();
  return pair_client;
}

gnutls_session_t live_server(void) {
  if (pair_server == NULL) make_pair();
  return pair_server;
}

void live_server_sends(const char* text) {
  ssize_t ret = gnutls_record_send(live_server(), text, strlen(text));
  if (ret < 0) setup_failed("gnutls_record_send", (int)ret);
}

/* ---- credentials, priorities, certificates ---- */

gnutls_certificate_credentials_t server_credentials(void) {
  static gnutls_certificate_credentials_t cred;
  int ret;
  if (cred != NULL) return cred;
  ret = gnutls_certificate_allocate_credentials(&cred);
  if (ret == 0)
    ret = gnutls_certificate_set_x509_key_file(cred, cert_file("ecdsa.pem"), cert_file("ecdsa.key"),
                                               GNUTLS_X509_FMT_PEM);
  if (ret < 0) setup_failed("server credentials", ret);
  return cred;
}

gnutls_certificate_credentials_t empty_credentials(void) {
  static gnutls_certificate_credentials_t cred;
  int ret;
  if (cred != NULL) return cred;
  ret = gnutls_certificate_allocate_credentials(&cred);
  if (ret < 0) setup_failed("gnutls_certificate_allocate_credentials", ret);
  return cred;
}

gnutls_priority_t normal_priority(void) {
  static gnutls_priority_t prio;
  int ret;
  if (prio != NULL) return prio;
  ret = gnutls_priority_init(&prio, "NORMAL", NULL);
  if (ret < 0) setup_failed("gnutls_priority_init", ret);
  return prio;
}

static const gnutls_datum_t* load(gnutls_datum_t* d, const char* name) {
  int ret;
  if (d->data != NULL) return d;
  ret = gnutls_load_file(cert_file(name), d);
  if (ret < 0) setup_failed(name, ret);
  return d;
}

const gnutls_datum_t* cert_pem(void) {
  static gnutls_datum_t d;
  return load(&d, "ecdsa.pem");
}

const gnutls_datum_t* key_pem(void) {
  static gnutls_datum_t d;
  return load(&d, "ecdsa.key");
}

const gnutls_datum_t* hex_datum(void) {
  static unsigned char text[] = "00ff10";
  static const gnutls_datum_t d = {text, 6};
  return &d;
}

gnutls_x509_trust_list_t trust_list(void) {
  static gnutls_x509_trust_list_t list;
  int ret;
  if (list != NULL) return list;
  ret = gnutls_x509_trust_list_init(&list, 0);
  if (ret < 0) setup_failed("gnutls_x509_trust_list_init", ret);
  ret = gnutls_x509_trust_list_add_trust_file(list, cert_file("ca.pem"), NULL, GNUTLS_X509_FMT_PEM,
                                              0, 0);
  if (ret < 0) setup_failed("gnutls_x509_trust_list_add_trust_file", ret);
  return list;
}

gnutls_x509_crt_t empty_certificate(void) {
  static gnutls_x509_crt_t crt;
  int ret;
  if (crt != NULL) return crt;
  ret = gnutls_x509_crt_init(&crt);
  if (ret < 0) setup_failed("gnutls_x509_crt_init", ret);
  return crt;
}

gnutls_x509_crl_t empty_crl(void) {
  static gnutls_x509_crl_t c;
  int ret;
  if (c != NULL) return c;
  ret = gnutls_x509_crl_init(&c);
  if (ret < 0) setup_failed("gnutls_x509_crl_init", ret);
  return c;
}

gnutls_x509_crl_t crl(void) {
  static gnutls_x509_crl_t c;
  gnutls_datum_t d = {NULL, 0};
  int ret;
  if (c != NULL) return c;
  ret = gnutls_x509_crl_init(&c);
  if (ret == 0) ret = gnutls_load_file(cert_file("crl.pem"), &d);
  if (ret == 0) ret = gnutls_x509_crl_import(c, &d, GNUTLS_X509_FMT_PEM);
  gnutls_free(d.data);
  if (ret < 0) setup_failed("gnutls_x509_crl_import", ret);
  return c;
}

gnutls_dh_params_t empty_dh_params(void) {
  static gnutls_dh_params_t dh;
  int ret;
  if (dh != NULL) return dh;
  ret = gnutls_dh_params_init(&dh);
  if (ret < 0) setup_failed("gnutls_dh_params_init", ret);
  return dh;
}

gnutls_dh_params_t dh_params(void) {
  static gnutls_dh_params_t dh;
  int ret;
  if (dh != NULL) return dh;
  ret = gnutls_dh_params_init(&dh);
  if (ret == 0)
    ret = gnutls_dh_params_import_raw(dh, &gnutls_ffdhe_2048_group_prime,
                                      &gnutls_ffdhe_2048_group_generator);
  if (ret < 0) setup_failed("gnutls_dh_params_import_raw", ret);
  return dh;
}

gnutls_x509_crt_t certificate(void) {
  static gnutls_x509_crt_t crt;
  int ret;
  if (crt != NULL) return crt;
  ret = gnutls_x509_crt_init(&crt);
  if (ret == 0) ret = gnutls_x509_crt_import(crt, cert_pem(), GNUTLS_X509_FMT_PEM);
  if (ret < 0) setup_failed("gnutls_x509_crt_import", ret);
  return crt;
}

gnutls_pubkey_t public_key(void) {
  static gnutls_pubkey_t key;
  int ret;
  if (key != NULL) return key;
  ret = gnutls_pubkey_init(&key);
  if (ret == 0) ret = gnutls_pubkey_import_x509(key, certificate(), 0);
  if (ret < 0) setup_failed("gnutls_pubkey_import_x509", ret);
  return key;
}

gnutls_x509_dn_t subject_dn(void) {
  static gnutls_x509_dn_t dn;
  int ret;
  if (dn != NULL) return dn;
  ret = gnutls_x509_crt_get_subject(certificate(), &dn);
  if (ret < 0) setup_failed("gnutls_x509_crt_get_subject", ret);
  return dn;
}

const gnutls_datum_t* raw_dn(void) {
  static gnutls_datum_t d;
  int ret;
  if (d.data != NULL) return &d;
  ret = gnutls_x509_crt_get_raw_dn(certificate(), &d);
  if (ret < 0) setup_failed("gnutls_x509_crt_get_raw_dn", ret);
  return &d;
}

gnutls_x509_privkey_t x509_private_key(void) {
  static gnutls_x509_privkey_t key;
  int ret;
  if (key != NULL) return key;
  ret = gnutls_x509_privkey_init(&key);
  if (ret == 0) ret = gnutls_x509_privkey_import(key, key_pem(), GNUTLS_X509_FMT_PEM);
  if (ret < 0) setup_failed("gnutls_x509_privkey_import", ret);
  return key;
}

gnutls_privkey_t private_key(void) {
  static gnutls_privkey_t key;
  int ret;
  if (key != NULL) return key;
  ret = gnutls_privkey_init(&key);
  if (ret == 0) ret = gnutls_privkey_import_x509_raw(key, key_pem(), GNUTLS_X509_FMT_PEM, NULL, 0);
  if (ret < 0) setup_failed("gnutls_privkey_import_x509_raw", ret);
  return key;
}

/* ---- descriptors ---- */

static int make_pipe(int with_byte) {
  int fds[2];
  if (pipe(fds) != 0) setup_failed("pipe", errno);
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  if (with_byte && write(fds[1], "x", 1) != 1) setup_failed("write", errno);
  return fds[0]; /* the write end stays open: no EOF */
}

int empty_pipe(void) {
  static int fd = -1;
  if (fd < 0) fd = make_pipe(0);
  return fd;
}

int ready_pipe(void) {
  static int fd = -1;
  if (fd < 0) fd = make_pipe(1);
  return fd;
}
