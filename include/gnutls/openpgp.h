/* Coda: OpenPGP certificate names (the GnuTLS 3.7 <gnutls/openpgp.h> API).
 * OpenPGP certificates are not supported; declared so programs build. */
#ifndef GNUTLS_OPENPGP_H
#define GNUTLS_OPENPGP_H

#include <gnutls/gnutls.h>
#include <limits.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Building libgnutls.so.30 itself: everything declared here is exported
 * (the version script then picks what the library really defines). */
#if defined(CODA_GNUTLS_BUILD) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

typedef enum gnutls_openpgp_crt_fmt {
  GNUTLS_OPENPGP_FMT_RAW = 0,
  GNUTLS_OPENPGP_FMT_BASE64 = 1,
} gnutls_openpgp_crt_fmt_t;

/* Handles, records and callback types. */
typedef unsigned char gnutls_openpgp_keyid_t[8];
typedef int (*gnutls_openpgp_recv_key_func)(gnutls_session_t session, const unsigned char* keyfpr,
                                            unsigned int keyfpr_length, gnutls_datum_t* key);

/* ---- Credentials ---- */
int gnutls_certificate_get_openpgp_crt(gnutls_certificate_credentials_t res, unsigned index,
                                       gnutls_openpgp_crt_t** crt_list,
                                       unsigned* crt_list_size) CODA_GNUTLS_DEPRECATED;
int gnutls_certificate_get_openpgp_key(gnutls_certificate_credentials_t res, unsigned index,
                                       gnutls_openpgp_privkey_t* key) CODA_GNUTLS_DEPRECATED;
int gnutls_certificate_set_openpgp_key(gnutls_certificate_credentials_t res,
                                       gnutls_openpgp_crt_t crt,
                                       gnutls_openpgp_privkey_t pkey) CODA_GNUTLS_DEPRECATED;
int gnutls_certificate_set_openpgp_key_file(gnutls_certificate_credentials_t res,
                                            const char* certfile, const char* keyfile,
                                            gnutls_openpgp_crt_fmt_t format) CODA_GNUTLS_DEPRECATED;
int gnutls_certificate_set_openpgp_key_file2(
    gnutls_certificate_credentials_t res, const char* certfile, const char* keyfile,
    const char* subkey_id, gnutls_openpgp_crt_fmt_t format) CODA_GNUTLS_DEPRECATED;
int gnutls_certificate_set_openpgp_key_mem(gnutls_certificate_credentials_t res,
                                           const gnutls_datum_t* cert, const gnutls_datum_t* key,
                                           gnutls_openpgp_crt_fmt_t format) CODA_GNUTLS_DEPRECATED;
int gnutls_certificate_set_openpgp_key_mem2(gnutls_certificate_credentials_t res,
                                            const gnutls_datum_t* cert, const gnutls_datum_t* key,
                                            const char* subkey_id,
                                            gnutls_openpgp_crt_fmt_t format) CODA_GNUTLS_DEPRECATED;
int gnutls_certificate_set_openpgp_keyring_file(gnutls_certificate_credentials_t c,
                                                const char* file, gnutls_openpgp_crt_fmt_t format)
    CODA_GNUTLS_DEPRECATED;
int gnutls_certificate_set_openpgp_keyring_mem(
    gnutls_certificate_credentials_t c, const unsigned char* data, size_t dlen,
    gnutls_openpgp_crt_fmt_t format) CODA_GNUTLS_DEPRECATED;

/* ---- Other calls ---- */
int gnutls_openpgp_crt_check_email(gnutls_openpgp_crt_t key, const char* email,
                                   unsigned flags) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_check_hostname(gnutls_openpgp_crt_t key,
                                      const char* hostname) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_check_hostname2(gnutls_openpgp_crt_t key, const char* hostname,
                                       unsigned int flags) CODA_GNUTLS_DEPRECATED;
void gnutls_openpgp_crt_deinit(gnutls_openpgp_crt_t key) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_export(gnutls_openpgp_crt_t key, gnutls_openpgp_crt_fmt_t format,
                              void* output_data, size_t* output_data_size) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_export2(gnutls_openpgp_crt_t key, gnutls_openpgp_crt_fmt_t format,
                               gnutls_datum_t* out) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_auth_subkey(gnutls_openpgp_crt_t crt, gnutls_openpgp_keyid_t keyid,
                                       unsigned int flag) CODA_GNUTLS_DEPRECATED;
time_t gnutls_openpgp_crt_get_creation_time(gnutls_openpgp_crt_t key) CODA_GNUTLS_DEPRECATED;
time_t gnutls_openpgp_crt_get_expiration_time(gnutls_openpgp_crt_t key) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_fingerprint(gnutls_openpgp_crt_t key, void* fpr,
                                       size_t* fprlen) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_key_id(gnutls_openpgp_crt_t key,
                                  gnutls_openpgp_keyid_t keyid) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_key_usage(gnutls_openpgp_crt_t key,
                                     unsigned int* key_usage) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_name(gnutls_openpgp_crt_t key, int idx, char* buf,
                                size_t* sizeof_buf) CODA_GNUTLS_DEPRECATED;
gnutls_pk_algorithm_t gnutls_openpgp_crt_get_pk_algorithm(
    gnutls_openpgp_crt_t key, unsigned int* bits) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_pk_dsa_raw(gnutls_openpgp_crt_t crt, gnutls_datum_t* p,
                                      gnutls_datum_t* q, gnutls_datum_t* g,
                                      gnutls_datum_t* y) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_pk_rsa_raw(gnutls_openpgp_crt_t crt, gnutls_datum_t* m,
                                      gnutls_datum_t* e) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_preferred_key_id(gnutls_openpgp_crt_t key,
                                            gnutls_openpgp_keyid_t keyid) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_revoked_status(gnutls_openpgp_crt_t key) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_subkey_count(gnutls_openpgp_crt_t key) CODA_GNUTLS_DEPRECATED;
time_t gnutls_openpgp_crt_get_subkey_creation_time(gnutls_openpgp_crt_t key,
                                                   unsigned int idx) CODA_GNUTLS_DEPRECATED;
time_t gnutls_openpgp_crt_get_subkey_expiration_time(gnutls_openpgp_crt_t key,
                                                     unsigned int idx) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_subkey_fingerprint(gnutls_openpgp_crt_t key, unsigned int idx, void* fpr,
                                              size_t* fprlen) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_subkey_id(gnutls_openpgp_crt_t key, unsigned int idx,
                                     gnutls_openpgp_keyid_t keyid) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_subkey_idx(gnutls_openpgp_crt_t key,
                                      const gnutls_openpgp_keyid_t keyid) CODA_GNUTLS_DEPRECATED;
gnutls_pk_algorithm_t gnutls_openpgp_crt_get_subkey_pk_algorithm(
    gnutls_openpgp_crt_t key, unsigned int idx, unsigned int* bits) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_subkey_pk_dsa_raw(gnutls_openpgp_crt_t crt, unsigned int idx,
                                             gnutls_datum_t* p, gnutls_datum_t* q,
                                             gnutls_datum_t* g,
                                             gnutls_datum_t* y) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_subkey_pk_rsa_raw(gnutls_openpgp_crt_t crt, unsigned int idx,
                                             gnutls_datum_t* m,
                                             gnutls_datum_t* e) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_subkey_revoked_status(gnutls_openpgp_crt_t key,
                                                 unsigned int idx) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_subkey_usage(gnutls_openpgp_crt_t key, unsigned int idx,
                                        unsigned int* key_usage) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_get_version(gnutls_openpgp_crt_t key) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_import(gnutls_openpgp_crt_t key, const gnutls_datum_t* data,
                              gnutls_openpgp_crt_fmt_t format) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_init(gnutls_openpgp_crt_t* key) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_print(gnutls_openpgp_crt_t cert, gnutls_certificate_print_formats_t format,
                             gnutls_datum_t* out) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_set_preferred_key_id(
    gnutls_openpgp_crt_t key, const gnutls_openpgp_keyid_t keyid) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_verify_ring(gnutls_openpgp_crt_t key, gnutls_openpgp_keyring_t keyring,
                                   unsigned int flags, unsigned int* verify) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_crt_verify_self(gnutls_openpgp_crt_t key, unsigned int flags,
                                   unsigned int* verify) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_keyring_check_id(gnutls_openpgp_keyring_t ring,
                                    const gnutls_openpgp_keyid_t keyid,
                                    unsigned int flags) CODA_GNUTLS_DEPRECATED;
void gnutls_openpgp_keyring_deinit(gnutls_openpgp_keyring_t keyring) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_keyring_get_crt(gnutls_openpgp_keyring_t ring, unsigned int idx,
                                   gnutls_openpgp_crt_t* cert) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_keyring_get_crt_count(gnutls_openpgp_keyring_t ring) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_keyring_import(gnutls_openpgp_keyring_t keyring, const gnutls_datum_t* data,
                                  gnutls_openpgp_crt_fmt_t format) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_keyring_init(gnutls_openpgp_keyring_t* keyring) CODA_GNUTLS_DEPRECATED;
void gnutls_openpgp_privkey_deinit(gnutls_openpgp_privkey_t key) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_export(gnutls_openpgp_privkey_t key, gnutls_openpgp_crt_fmt_t format,
                                  const char* password, unsigned int flags, void* output_data,
                                  size_t* output_data_size) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_export2(gnutls_openpgp_privkey_t key, gnutls_openpgp_crt_fmt_t format,
                                   const char* password, unsigned int flags,
                                   gnutls_datum_t* out) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_export_dsa_raw(gnutls_openpgp_privkey_t pkey, gnutls_datum_t* p,
                                          gnutls_datum_t* q, gnutls_datum_t* g, gnutls_datum_t* y,
                                          gnutls_datum_t* x) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_export_rsa_raw(gnutls_openpgp_privkey_t pkey, gnutls_datum_t* m,
                                          gnutls_datum_t* e, gnutls_datum_t* d, gnutls_datum_t* p,
                                          gnutls_datum_t* q,
                                          gnutls_datum_t* u) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_export_subkey_dsa_raw(gnutls_openpgp_privkey_t pkey, unsigned int idx,
                                                 gnutls_datum_t* p, gnutls_datum_t* q,
                                                 gnutls_datum_t* g, gnutls_datum_t* y,
                                                 gnutls_datum_t* x) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_export_subkey_rsa_raw(gnutls_openpgp_privkey_t pkey, unsigned int idx,
                                                 gnutls_datum_t* m, gnutls_datum_t* e,
                                                 gnutls_datum_t* d, gnutls_datum_t* p,
                                                 gnutls_datum_t* q,
                                                 gnutls_datum_t* u) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_get_fingerprint(gnutls_openpgp_privkey_t key, void* fpr,
                                           size_t* fprlen) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_get_key_id(gnutls_openpgp_privkey_t key,
                                      gnutls_openpgp_keyid_t keyid) CODA_GNUTLS_DEPRECATED;
gnutls_pk_algorithm_t gnutls_openpgp_privkey_get_pk_algorithm(
    gnutls_openpgp_privkey_t key, unsigned int* bits) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_get_preferred_key_id(
    gnutls_openpgp_privkey_t key, gnutls_openpgp_keyid_t keyid) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_get_revoked_status(gnutls_openpgp_privkey_t key) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_get_subkey_count(gnutls_openpgp_privkey_t key) CODA_GNUTLS_DEPRECATED;
time_t gnutls_openpgp_privkey_get_subkey_creation_time(gnutls_openpgp_privkey_t key,
                                                       unsigned int idx) CODA_GNUTLS_DEPRECATED;
time_t gnutls_openpgp_privkey_get_subkey_expiration_time(gnutls_openpgp_privkey_t key,
                                                         unsigned int idx) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_get_subkey_fingerprint(gnutls_openpgp_privkey_t key, unsigned int idx,
                                                  void* fpr, size_t* fprlen) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_get_subkey_id(gnutls_openpgp_privkey_t key, unsigned int idx,
                                         gnutls_openpgp_keyid_t keyid) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_get_subkey_idx(
    gnutls_openpgp_privkey_t key, const gnutls_openpgp_keyid_t keyid) CODA_GNUTLS_DEPRECATED;
gnutls_pk_algorithm_t gnutls_openpgp_privkey_get_subkey_pk_algorithm(
    gnutls_openpgp_privkey_t key, unsigned int idx, unsigned int* bits) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_get_subkey_revoked_status(gnutls_openpgp_privkey_t key,
                                                     unsigned int idx) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_import(gnutls_openpgp_privkey_t key, const gnutls_datum_t* data,
                                  gnutls_openpgp_crt_fmt_t format, const char* password,
                                  unsigned int flags) CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_init(gnutls_openpgp_privkey_t* key) CODA_GNUTLS_DEPRECATED;
gnutls_sec_param_t gnutls_openpgp_privkey_sec_param(gnutls_openpgp_privkey_t key)
    CODA_GNUTLS_DEPRECATED;
int gnutls_openpgp_privkey_set_preferred_key_id(
    gnutls_openpgp_privkey_t key, const gnutls_openpgp_keyid_t keyid) CODA_GNUTLS_DEPRECATED;
void gnutls_openpgp_set_recv_key_function(gnutls_session_t session,
                                          gnutls_openpgp_recv_key_func func) CODA_GNUTLS_DEPRECATED;

/* Aliases, flag words and fixed values. */
#define GNUTLS_OPENPGP_KEYID_SIZE 8
#define GNUTLS_OPENPGP_V4_FINGERPRINT_SIZE 20
#define GNUTLS_OPENPGP_MASTER_KEYID_IDX INT_MAX

#if defined(CODA_GNUTLS_BUILD) && defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* GNUTLS_OPENPGP_H */
