/* Trust lists and verification status text: gnutls_x509_trust_list_*
 * (adding anchors from files, memory, directories and certificates;
 * verify_crt and verify_crt2 with host names and key purposes; get_issuer;
 * iter_get_ca), the credentials' trust calls (set_x509_trust,
 * set_x509_trust_dir, set_trust_list, get_issuer) and
 * gnutls_certificate_verification_status_print for every status bit and
 * certificate type. Built against Coda and against the real GnuTLS;
 * compare_edges.sh compares the "MATCH key = value" lines.
 *
 * usage: trust_differential CERTDIR      (CERTDIR made by make_certs.sh) */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static const char* dir;

static const char* code(int r) {
  static char buf[8][64];
  static int n;
  char* out = buf[n++ % 8];
  const char* name = r < 0 ? gnutls_strerror_name(r) : NULL;
  if (r >= 0)
    snprintf(out, 64, "%d", r);
  else
    snprintf(out, 64, "%s", name != NULL ? name : "?");
  return out;
}

static const char* path(const char* file) {
  static char buf[4][700];
  static int n;
  char* out = buf[n++ % 4];
  snprintf(out, 700, "%s/%s", dir, file);
  return out;
}

static gnutls_datum_t slurp(const char* file) {
  gnutls_datum_t d = {NULL, 0};
  if (gnutls_load_file(path(file), &d) < 0) {
    fprintf(stderr, "cannot read %s\n", path(file));
    exit(2);
  }
  return d;
}

static gnutls_x509_crt_t load(const char* file) {
  gnutls_x509_crt_t crt;
  gnutls_datum_t d = slurp(file);
  if (gnutls_x509_crt_init(&crt) < 0 || gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_PEM) < 0) {
    fprintf(stderr, "cannot import %s\n", file);
    exit(2);
  }
  gnutls_free(d.data);
  return crt;
}

/* Whether two certificates have the same DER. */
static int same(gnutls_x509_crt_t a, gnutls_x509_crt_t b) {
  gnutls_datum_t da, db;
  int r;
  if (gnutls_x509_crt_export2(a, GNUTLS_X509_FMT_DER, &da) < 0) return -1;
  if (gnutls_x509_crt_export2(b, GNUTLS_X509_FMT_DER, &db) < 0) return -1;
  r = da.size == db.size && memcmp(da.data, db.data, da.size) == 0;
  gnutls_free(da.data);
  gnutls_free(db.data);
  return r;
}

static void verify2(gnutls_x509_trust_list_t tl, const char* key, gnutls_x509_crt_t* chain,
                    unsigned n, const char* host, const char* purpose) {
  gnutls_typed_vdata_st data[2];
  unsigned elements = 0, status = 12345;
  int r;
  if (host != NULL) {
    data[elements].type = GNUTLS_DT_DNS_HOSTNAME;
    data[elements].data = (unsigned char*)host;
    data[elements].size = 0;
    elements++;
  }
  if (purpose != NULL) {
    data[elements].type = GNUTLS_DT_KEY_PURPOSE_OID;
    data[elements].data = (unsigned char*)purpose;
    data[elements].size = 0;
    elements++;
  }
  r = gnutls_x509_trust_list_verify_crt2(tl, chain, n, data, elements, 0, &status, NULL);
  printf("MATCH verify2.%s = %s status=%#x\n", key, code(r), r == 0 ? status : 0);
}

static void trust_lists(void) {
  gnutls_x509_trust_list_t tl, empty;
  gnutls_x509_trust_list_iter_t iter = NULL;
  gnutls_x509_crt_t ca = load("ca.pem"), ecdsa = load("ecdsa.pem"), rogue = load("rogue.pem");
  gnutls_x509_crt_t inter = load("inter.pem"), chained = load("chained.pem");
  gnutls_x509_crt_t serveronly = load("serveronly.pem"), client = load("client.pem");
  gnutls_x509_crt_t issuer = NULL, crt = NULL, chain[3], given;
  gnutls_datum_t ca_pem = slurp("ca.pem"), ca_der;
  unsigned status = 12345;
  int r, count = 0;

  printf("MATCH tl.init = %s\n", code(gnutls_x509_trust_list_init(&tl, 0)));
  printf("MATCH tl.file_missing = %s\n",
         code(gnutls_x509_trust_list_add_trust_file(tl, path("missing.pem"), NULL,
                                                    GNUTLS_X509_FMT_PEM, 0, 0)));
  printf("MATCH tl.file_ca = %s\n", code(gnutls_x509_trust_list_add_trust_file(
                                        tl, path("ca.pem"), NULL, GNUTLS_X509_FMT_PEM, 0, 0)));
  printf("MATCH tl.file_chain = %s\n",
         code(gnutls_x509_trust_list_add_trust_file(tl, path("ecdsa-chain.pem"), NULL,
                                                    GNUTLS_X509_FMT_PEM, 0, 0)));
  printf("MATCH tl.file_key = %s\n", code(gnutls_x509_trust_list_add_trust_file(
                                         tl, path("ca.key"), NULL, GNUTLS_X509_FMT_PEM, 0, 0)));
  printf("MATCH tl.mem_pem = %s\n",
         code(gnutls_x509_trust_list_add_trust_mem(tl, &ca_pem, NULL, GNUTLS_X509_FMT_PEM, 0, 0)));
  if (gnutls_x509_crt_export2(ca, GNUTLS_X509_FMT_DER, &ca_der) < 0) exit(2);
  printf("MATCH tl.mem_der = %s\n",
         code(gnutls_x509_trust_list_add_trust_mem(tl, &ca_der, NULL, GNUTLS_X509_FMT_DER, 0, 0)));
  /* The list takes the certificates add_cas is given (freed by deinit). */
  given = load("ca.pem");
  printf("MATCH tl.cas = %s\n", code(gnutls_x509_trust_list_add_cas(tl, &given, 1, 0)));

  {
    gnutls_datum_t text = {(unsigned char*)"no certificate here", 19};
    printf("MATCH tl.mem_none = %s\n",
           code(gnutls_x509_trust_list_add_trust_mem(tl, &text, NULL, GNUTLS_X509_FMT_PEM, 0, 0)));
  }
  printf("MATCH tl.file_null = %s\n",
         code(gnutls_x509_trust_list_add_trust_file(tl, NULL, NULL, GNUTLS_X509_FMT_PEM, 0, 0)));
  printf("MATCH tl.mem_null = %s\n",
         code(gnutls_x509_trust_list_add_trust_mem(tl, NULL, NULL, GNUTLS_X509_FMT_PEM, 0, 0)));
  printf("MATCH tl.dir_der = %s\n", code(gnutls_x509_trust_list_add_trust_dir(
                                        tl, path("anchors"), NULL, GNUTLS_X509_FMT_DER, 0, 0)));
  given = load("ca.pem");
  printf("MATCH tl.cas_nodup = %s\n",
         code(gnutls_x509_trust_list_add_cas(tl, &given, 1, GNUTLS_TL_NO_DUPLICATES)));

  /* Chains: leaf alone, leaf with its CA, an untrusted issuer, a leaf
   * through an intermediate (with and without it). */
  chain[0] = ecdsa;
  r = gnutls_x509_trust_list_verify_crt(tl, chain, 1, 0, &status, NULL);
  printf("MATCH verify.leaf = %s status=%#x\n", code(r), status);
  chain[1] = ca;
  r = gnutls_x509_trust_list_verify_crt(tl, chain, 2, 0, &status, NULL);
  printf("MATCH verify.leaf_ca = %s status=%#x\n", code(r), status);
  chain[0] = rogue;
  r = gnutls_x509_trust_list_verify_crt(tl, chain, 1, 0, &status, NULL);
  printf("MATCH verify.rogue = %s status=%#x\n", code(r), status);
  chain[0] = chained;
  chain[1] = inter;
  r = gnutls_x509_trust_list_verify_crt(tl, chain, 2, 0, &status, NULL);
  printf("MATCH verify.through_inter = %s status=%#x\n", code(r), status);
  r = gnutls_x509_trust_list_verify_crt(tl, chain, 1, 0, &status, NULL);
  printf("MATCH verify.inter_missing = %s status=%#x\n", code(r), status);
  chain[0] = ca;
  r = gnutls_x509_trust_list_verify_crt(tl, chain, 1, 0, &status, NULL);
  printf("MATCH verify.anchor_itself = %s status=%#x\n", code(r), status);

  chain[0] = ecdsa;
  verify2(tl, "host_ok", chain, 1, "localhost", NULL);
  verify2(tl, "host_wrong", chain, 1, "www.example.com", NULL);
  verify2(tl, "host_ip", chain, 1, "127.0.0.1", NULL);
  verify2(tl, "host_ip_wrong", chain, 1, "127.0.0.2", NULL);
  verify2(tl, "purpose_server", chain, 1, "localhost", GNUTLS_KP_TLS_WWW_SERVER);
  verify2(tl, "purpose_client", chain, 1, NULL, GNUTLS_KP_TLS_WWW_CLIENT);
  verify2(tl, "purpose_codesign", chain, 1, NULL, "1.3.6.1.5.5.7.3.3");
  chain[0] = serveronly;
  verify2(tl, "serveronly_server", chain, 1, NULL, GNUTLS_KP_TLS_WWW_SERVER);
  verify2(tl, "serveronly_client", chain, 1, NULL, GNUTLS_KP_TLS_WWW_CLIENT);
  chain[0] = client;
  verify2(tl, "client_client", chain, 1, NULL, GNUTLS_KP_TLS_WWW_CLIENT);
  chain[0] = rogue;
  verify2(tl, "rogue_wrong_host", chain, 1, "www.example.com", NULL);
  verify2(tl, "no_data", chain, 1, NULL, NULL);

  r = gnutls_x509_trust_list_get_issuer(tl, ecdsa, &issuer, 0);
  printf("MATCH issuer.ecdsa = %s same=%d\n", code(r), r == 0 ? same(issuer, ca) : -1);
  r = gnutls_x509_trust_list_get_issuer(tl, ecdsa, &issuer, GNUTLS_TL_GET_COPY);
  printf("MATCH issuer.copy = %s same=%d\n", code(r), r == 0 ? same(issuer, ca) : -1);
  if (r == 0) gnutls_x509_crt_deinit(issuer);
  r = gnutls_x509_trust_list_get_issuer(tl, ca, &issuer, 0);
  printf("MATCH issuer.self = %s\n", code(r));
  r = gnutls_x509_trust_list_get_issuer(tl, rogue, &issuer, 0);
  printf("MATCH issuer.rogue = %s\n", code(r));
  r = gnutls_x509_trust_list_get_issuer(tl, chained, &issuer, 0);
  printf("MATCH issuer.chained = %s\n", code(r));

  while ((r = gnutls_x509_trust_list_iter_get_ca(tl, &iter, &crt)) == 0) {
    count++;
    gnutls_x509_crt_deinit(crt);
  }
  printf("MATCH iter = %d end=%s iter_null=%d\n", count, code(r), iter == NULL);

  /* A directory: every file read, what is no certificate passed over. */
  printf("MATCH tl2.init = %s\n", code(gnutls_x509_trust_list_init(&empty, 0)));
  printf("MATCH tl2.dir = %s\n", code(gnutls_x509_trust_list_add_trust_dir(
                                     empty, path("anchors"), NULL, GNUTLS_X509_FMT_PEM, 0, 0)));
  printf("MATCH tl2.dir_missing = %s\n",
         code(gnutls_x509_trust_list_add_trust_dir(empty, path("no-such-dir"), NULL,
                                                   GNUTLS_X509_FMT_PEM, 0, 0)));
  count = 0;
  iter = NULL;
  while ((r = gnutls_x509_trust_list_iter_get_ca(empty, &iter, &crt)) == 0) {
    count++;
    gnutls_x509_crt_deinit(crt);
  }
  printf("MATCH tl2.iter = %d end=%s\n", count, code(r));
  chain[0] = rogue;
  r = gnutls_x509_trust_list_verify_crt(empty, chain, 1, 0, &status, NULL);
  printf("MATCH tl2.verify_rogue = %s status=%#x\n", code(r), status);
  gnutls_x509_trust_list_deinit(empty, 1);

  gnutls_x509_trust_list_deinit(tl, 1);
  gnutls_free(ca_pem.data);
  gnutls_free(ca_der.data);
  gnutls_x509_crt_deinit(ca);
  gnutls_x509_crt_deinit(ecdsa);
  gnutls_x509_crt_deinit(rogue);
  gnutls_x509_crt_deinit(inter);
  gnutls_x509_crt_deinit(chained);
  gnutls_x509_crt_deinit(serveronly);
  gnutls_x509_crt_deinit(client);
}

static void credentials(void) {
  gnutls_certificate_credentials_t cred;
  gnutls_x509_trust_list_t tl;
  gnutls_x509_crt_t ca = load("ca.pem"), ecdsa = load("ecdsa.pem"), rogue = load("rogue.pem");
  gnutls_x509_crt_t issuer = NULL;
  int r;

  if (gnutls_certificate_allocate_credentials(&cred) < 0) exit(2);
  r = gnutls_certificate_get_issuer(cred, ecdsa, &issuer, 0);
  printf("MATCH cred.issuer_none = %s\n", code(r));
  printf("MATCH cred.dir = %s\n",
         code(gnutls_certificate_set_x509_trust_dir(cred, path("anchors"), GNUTLS_X509_FMT_PEM)));
  printf("MATCH cred.dir_missing = %s\n", code(gnutls_certificate_set_x509_trust_dir(
                                              cred, path("no-such-dir"), GNUTLS_X509_FMT_PEM)));
  printf("MATCH cred.x509_trust = %s\n", code(gnutls_certificate_set_x509_trust(cred, &ca, 1)));
  printf("MATCH cred.x509_trust_none = %s\n",
         code(gnutls_certificate_set_x509_trust(cred, &ca, 0)));
  r = gnutls_certificate_get_issuer(cred, ecdsa, &issuer, 0);
  printf("MATCH cred.issuer = %s same=%d\n", code(r), r == 0 ? same(issuer, ca) : -1);
  r = gnutls_certificate_get_issuer(cred, rogue, &issuer, 0);
  printf("MATCH cred.issuer_rogue = %s\n", code(r));
  gnutls_certificate_free_credentials(cred);

  /* A trust list handed over: the credentials verify with it and free it. */
  if (gnutls_certificate_allocate_credentials(&cred) < 0) exit(2);
  if (gnutls_x509_trust_list_init(&tl, 0) < 0) exit(2);
  issuer = load("ca.pem"); /* the list's from now on */
  printf("MATCH cred.list_cas = %s\n", code(gnutls_x509_trust_list_add_cas(tl, &issuer, 1, 0)));
  gnutls_certificate_set_trust_list(cred, tl, 0);
  r = gnutls_certificate_get_issuer(cred, ecdsa, &issuer, 0);
  printf("MATCH cred.list_issuer = %s same=%d\n", code(r), r == 0 ? same(issuer, ca) : -1);
  gnutls_certificate_free_credentials(cred);
  gnutls_x509_crt_deinit(ca);
  gnutls_x509_crt_deinit(ecdsa);
  gnutls_x509_crt_deinit(rogue);
}

static void status_texts(void) {
  static const unsigned statuses[] = {0,
                                      GNUTLS_CERT_INVALID,
                                      GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND,
                                      GNUTLS_CERT_INVALID | GNUTLS_CERT_UNEXPECTED_OWNER,
                                      GNUTLS_CERT_INVALID | GNUTLS_CERT_EXPIRED |
                                          GNUTLS_CERT_SIGNER_NOT_FOUND |
                                          GNUTLS_CERT_UNEXPECTED_OWNER,
                                      1,
                                      1u << 28,
                                      0xffffffffu};
  unsigned i, bit;
  int type;
  gnutls_datum_t out;
  for (type = 1; type <= 3; type++) {
    for (bit = 0; bit < 32; bit++) {
      int r = gnutls_certificate_verification_status_print(
          GNUTLS_CERT_INVALID | (1u << bit), (gnutls_certificate_type_t)type, &out, 0);
      printf("MATCH print.type%d.bit%u = %s [%s] size=%u\n", type, bit, code(r),
             r == 0 ? (const char*)out.data : "", r == 0 ? out.size : 0);
      if (r == 0) gnutls_free(out.data);
    }
    for (i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
      int r = gnutls_certificate_verification_status_print(
          statuses[i], (gnutls_certificate_type_t)type, &out, 0);
      printf("MATCH print.type%d.%#x = %s [%s] size=%u\n", type, statuses[i], code(r),
             r == 0 ? (const char*)out.data : "", r == 0 ? out.size : 0);
      if (r == 0) gnutls_free(out.data);
    }
  }
}

/* ---- a handshake with a server in a child process ---- */

static int callback_answer;
static int callback_calls;
static unsigned callback_status;

static int verify_callback(gnutls_session_t session) {
  callback_calls++;
  gnutls_certificate_verify_peers3(session, "localhost", &callback_status);
  return callback_answer;
}

static pid_t serve(int fd, const char* version) {
  pid_t pid;
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    gnutls_certificate_credentials_t cred;
    gnutls_session_t s;
    char prio[64];
    snprintf(prio, sizeof prio, "NORMAL:-VERS-ALL:+VERS-%s", version);
    gnutls_certificate_allocate_credentials(&cred);
    gnutls_certificate_set_x509_key_file(cred, path("ecdsa.pem"), path("ecdsa.key"),
                                         GNUTLS_X509_FMT_PEM);
    gnutls_init(&s, GNUTLS_SERVER);
    gnutls_priority_set_direct(s, prio, NULL);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
    gnutls_transport_set_int(s, fd);
    if (gnutls_handshake(s) == 0) gnutls_bye(s, GNUTLS_SHUT_WR);
    _exit(0);
  }
  return pid;
}

/* One client handshake; how it went, as "MATCH" lines under `key`. */
static void client(const char* key, const char* version, const char* ca, int mode,
                   const char* host) {
  int fds[2], r;
  pid_t pid;
  unsigned status = 12345;
  gnutls_certificate_credentials_t cred;
  gnutls_session_t s;
  gnutls_typed_vdata_st data;
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) exit(2);
  pid = serve(fds[1], version);
  close(fds[1]);
  gnutls_certificate_allocate_credentials(&cred);
  gnutls_certificate_set_x509_trust_file(cred, path(ca), GNUTLS_X509_FMT_PEM);
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_set_default_priority(s);
  gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
  gnutls_transport_set_int(s, fds[0]);
  callback_calls = 0;
  callback_status = 12345;
  if (mode == 1) { /* gnutls_session_set_verify_cert2 */
    data.type = GNUTLS_DT_DNS_HOSTNAME;
    data.data = (unsigned char*)host;
    data.size = 0;
    gnutls_session_set_verify_cert2(s, &data, 1, 0);
  } else if (mode >= 2) { /* a verify callback: 2 credentials, 3 session */
    if (mode == 2)
      gnutls_certificate_set_verify_function(cred, verify_callback);
    else
      gnutls_session_set_verify_function(s, verify_callback);
  }
  r = gnutls_handshake(s);
  printf("MATCH hs.%s = %s calls=%d cb_status=%#x\n", key, code(r), callback_calls,
         callback_calls ? callback_status : 0);
  if (r == 0) {
    const gnutls_datum_t* peers;
    unsigned n = 0;
    gnutls_x509_crt_t leaf = load("ecdsa.pem");
    r = gnutls_certificate_verify_peers3(s, host, &status);
    printf("MATCH hs.%s.peers3 = %s status=%#x\n", key, code(r), status);
    r = gnutls_certificate_verify_peers2(s, &status);
    printf("MATCH hs.%s.peers2 = %s status=%#x\n", key, code(r), status);
    peers = gnutls_certificate_get_peers(s, &n);
    printf("MATCH hs.%s.peers = %u %s\n", key, n, peers != NULL ? "listed" : "none");
    printf("MATCH hs.%s.status = safe_renegotiation=%u ext_master_secret=%u\n", key,
           gnutls_safe_renegotiation_status(s), gnutls_session_ext_master_secret_status(s));
    printf(
        "MATCH hs.%s.times = %d %d\n", key,
        gnutls_certificate_activation_time_peers(s) == gnutls_x509_crt_get_activation_time(leaf),
        gnutls_certificate_expiration_time_peers(s) == gnutls_x509_crt_get_expiration_time(leaf));
    gnutls_x509_crt_deinit(leaf);
    gnutls_bye(s, GNUTLS_SHUT_WR);
  }
  printf("MATCH hs.%s.after_times = %d\n", key,
         r == 0 || gnutls_certificate_activation_time_peers(s) == (time_t)-1 ||
             gnutls_certificate_activation_time_peers(s) > 0);
  gnutls_deinit(s);
  gnutls_certificate_free_credentials(cred);
  close(fds[0]);
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
}

static void handshakes(void) {
  static const char* const versions[] = {"TLS1.3", "TLS1.2"};
  unsigned v;
  char key[64];
  for (v = 0; v < 2; v++) {
    const char* ver = versions[v];
#define K(name) (snprintf(key, sizeof key, "%s.%s", ver, name), key)
    client(K("plain"), ver, "ca.pem", 0, "localhost");
    client(K("plain_wrong_host"), ver, "ca.pem", 0, "www.example.com");
    client(K("plain_untrusted"), ver, "rogue-ca.pem", 0, "localhost");
    client(K("cert2_ok"), ver, "ca.pem", 1, "localhost");
    client(K("cert2_wrong_host"), ver, "ca.pem", 1, "www.example.com");
    client(K("cert2_untrusted"), ver, "rogue-ca.pem", 1, "localhost");
    callback_answer = 0;
    client(K("cred_cb_accepts"), ver, "ca.pem", 2, "localhost");
    callback_answer = 1;
    client(K("cred_cb_refuses"), ver, "ca.pem", 2, "localhost");
    callback_answer = -1;
    client(K("cred_cb_minus1"), ver, "ca.pem", 2, "localhost");
    callback_answer = GNUTLS_E_USER_ERROR;
    client(K("cred_cb_code"), ver, "ca.pem", 2, "localhost");
    callback_answer = 0;
    client(K("session_cb_untrusted"), ver, "rogue-ca.pem", 3, "localhost");
    callback_answer = 1;
    client(K("session_cb_refuses"), ver, "ca.pem", 3, "localhost");
#undef K
  }
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: trust_differential CERTDIR\n");
    return 2;
  }
  dir = argv[1];
  signal(SIGPIPE, SIG_IGN); /* a refused handshake: the server may be gone */
  if (gnutls_global_init() < 0) return 2;
  trust_lists();
  credentials();
  status_texts();
  handshakes();
  gnutls_global_deinit();
  printf("done\n");
  return 0;
}
