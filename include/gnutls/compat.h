/* Coda: old GnuTLS names kept for programs written against GnuTLS 2.x and
 * early 3.x. Everything here is deprecated; new code uses the names in
 * <gnutls/gnutls.h>. */
#ifndef GNUTLS_COMPAT_H
#define GNUTLS_COMPAT_H

#include <gnutls/gnutls.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Building libgnutls.so.30 itself: everything declared here is exported
 * (the version script then picks what the library really defines). */
#if defined(CODA_GNUTLS_BUILD) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/* Handles, records and callback types. */
typedef unsigned int gnutls_connection_end_t;
typedef gnutls_cipher_algorithm_t gnutls_cipher_algorithm;
typedef gnutls_kx_algorithm_t gnutls_kx_algorithm;
typedef gnutls_mac_algorithm_t gnutls_mac_algorithm;
typedef gnutls_digest_algorithm_t gnutls_digest_algorithm;
typedef gnutls_compression_method_t gnutls_compression_method;
typedef gnutls_connection_end_t gnutls_connection_end;
typedef gnutls_x509_crt_fmt_t gnutls_x509_crt_fmt;
typedef gnutls_pk_algorithm_t gnutls_pk_algorithm;
typedef gnutls_sign_algorithm_t gnutls_sign_algorithm;
typedef gnutls_close_request_t gnutls_close_request;
typedef gnutls_certificate_request_t gnutls_certificate_request;
typedef gnutls_certificate_status_t gnutls_certificate_status;
typedef gnutls_session_t gnutls_session;
typedef gnutls_alert_level_t gnutls_alert_level;
typedef gnutls_alert_description_t gnutls_alert_description;
typedef gnutls_x509_subject_alt_name_t gnutls_x509_subject_alt_name;
typedef gnutls_openpgp_privkey_t gnutls_openpgp_privkey;
typedef gnutls_openpgp_keyring_t gnutls_openpgp_keyring;
typedef gnutls_x509_crt_t gnutls_x509_crt;
typedef gnutls_x509_privkey_t gnutls_x509_privkey;
typedef gnutls_x509_crl_t gnutls_x509_crl;
typedef gnutls_x509_crq_t gnutls_x509_crq;
typedef gnutls_certificate_credentials_t gnutls_certificate_credentials;
typedef gnutls_anon_server_credentials_t gnutls_anon_server_credentials;
typedef gnutls_anon_client_credentials_t gnutls_anon_client_credentials;
typedef gnutls_srp_client_credentials_t gnutls_srp_client_credentials;
typedef gnutls_srp_server_credentials_t gnutls_srp_server_credentials;
typedef gnutls_dh_params_t gnutls_dh_params;
typedef gnutls_rsa_params_t gnutls_rsa_params;
typedef gnutls_params_type_t gnutls_params_type;
typedef gnutls_credentials_type_t gnutls_credentials_type;
typedef gnutls_certificate_type_t gnutls_certificate_type;
typedef gnutls_datum_t gnutls_datum;
typedef gnutls_transport_ptr_t gnutls_transport_ptr;
typedef gnutls_openpgp_crt_status_t gnutls_openpgp_key_status_t;
typedef gnutls_openpgp_crt_t gnutls_openpgp_key_t;

/* ---- Library setup, version and memory ---- */
void gnutls_global_set_mem_functions(gnutls_alloc_function alloc_func,
                                     gnutls_alloc_function secure_alloc_func,
                                     gnutls_is_secure_function is_secure_func,
                                     gnutls_realloc_function realloc_func,
                                     gnutls_free_function free_func) CODA_GNUTLS_DEPRECATED;

/* ---- Priority strings ---- */
int gnutls_priority_compression_list(gnutls_priority_t pcache,
                                     const unsigned int** list) CODA_GNUTLS_DEPRECATED;

/* ---- Algorithm names, identifiers and lists ---- */
gnutls_compression_method_t gnutls_compression_get(gnutls_session_t session) CODA_GNUTLS_DEPRECATED;
gnutls_compression_method_t gnutls_compression_get_id(const char* name) CODA_GNUTLS_DEPRECATED;
const char* gnutls_compression_get_name(gnutls_compression_method_t algorithm)
    CODA_GNUTLS_DEPRECATED;
const gnutls_compression_method_t* gnutls_compression_list(void) CODA_GNUTLS_DEPRECATED;

/* ---- Other calls ---- */
int gnutls_openpgp_privkey_sign_hash(gnutls_openpgp_privkey_t key, const gnutls_datum_t* hash,
                                     gnutls_datum_t* signature) CODA_GNUTLS_DEPRECATED;
int gnutls_x509_crt_get_preferred_hash_algorithm(gnutls_x509_crt_t crt,
                                                 gnutls_digest_algorithm_t* hash,
                                                 unsigned int* mand) CODA_GNUTLS_DEPRECATED;
int gnutls_x509_privkey_sign_hash(gnutls_x509_privkey_t key, const gnutls_datum_t* hash,
                                  gnutls_datum_t* signature) CODA_GNUTLS_DEPRECATED;

/* Aliases, flag words and fixed values. */
#define GNUTLS_VERIFY_ALLOW_X509_V1_CA_CRT 0
#define GNUTLS_A_MISSING_SRP_USERNAME GNUTLS_A_UNKNOWN_PSK_IDENTITY
#define GNUTLS_A_UNKNOWN_SRP_USERNAME GNUTLS_A_UNKNOWN_PSK_IDENTITY
#define GNUTLS_OPENPGP_KEY GNUTLS_OPENPGP_CERT
#define GNUTLS_OPENPGP_KEY_FINGERPRINT GNUTLS_OPENPGP_CERT_FINGERPRINT
#define gnutls_openpgp_send_key gnutls_openpgp_send_cert
#define gnutls_openpgp_key_init gnutls_openpgp_crt_init
#define gnutls_openpgp_key_deinit gnutls_openpgp_crt_deinit
#define gnutls_openpgp_key_import gnutls_openpgp_crt_import
#define gnutls_openpgp_key_export gnutls_openpgp_crt_export
#define gnutls_openpgp_key_get_key_usage gnutls_openpgp_crt_get_key_usage
#define gnutls_openpgp_key_get_fingerprint gnutls_openpgp_crt_get_fingerprint
#define gnutls_openpgp_key_get_pk_algorithm gnutls_openpgp_crt_get_pk_algorithm
#define gnutls_openpgp_key_get_name gnutls_openpgp_crt_get_name
#define gnutls_openpgp_key_get_version gnutls_openpgp_crt_get_version
#define gnutls_openpgp_key_get_creation_time gnutls_openpgp_crt_get_creation_time
#define gnutls_openpgp_key_get_expiration_time gnutls_openpgp_crt_get_expiration_time
#define gnutls_openpgp_key_get_id gnutls_openpgp_crt_get_id
#define gnutls_openpgp_key_check_hostname gnutls_openpgp_crt_check_hostname
#define gnutls_openpgp_crt_get_id gnutls_openpgp_crt_get_key_id
#define GNUTLS_X509_CRT_FULL GNUTLS_CRT_PRINT_FULL
#define GNUTLS_X509_CRT_ONELINE GNUTLS_CRT_PRINT_ONELINE
#define GNUTLS_X509_CRT_UNSIGNED_FULL GNUTLS_CRT_PRINT_UNSIGNED_FULL
#define LIBGNUTLS_VERSION GNUTLS_VERSION
#define LIBGNUTLS_VERSION_MAJOR GNUTLS_VERSION_MAJOR
#define LIBGNUTLS_VERSION_MINOR GNUTLS_VERSION_MINOR
#define LIBGNUTLS_VERSION_PATCH GNUTLS_VERSION_PATCH
#define LIBGNUTLS_VERSION_NUMBER GNUTLS_VERSION_NUMBER
#define LIBGNUTLS_EXTRA_VERSION GNUTLS_VERSION
#define GNUTLS_SUPPLEMENTAL_USER_MAPPING_DATA 0

#if defined(CODA_GNUTLS_BUILD) && defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* GNUTLS_COMPAT_H */
