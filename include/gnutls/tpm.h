/* Coda: TPM keys (the GnuTLS 3.7 <gnutls/tpm.h> API). Not supported;
 * declared so programs build. */
#ifndef GNUTLS_TPM_H
#define GNUTLS_TPM_H

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Building libgnutls.so.30 itself: everything declared here is exported
 * (the version script then picks what the library really defines). */
#if defined(CODA_GNUTLS_BUILD) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

typedef enum {
  GNUTLS_TPMKEY_FMT_RAW = 0,
  GNUTLS_TPMKEY_FMT_DER = 0,
  GNUTLS_TPMKEY_FMT_CTK_PEM = 1,
} gnutls_tpmkey_fmt_t;

/* Handles, records and callback types. */
struct tpm_key_list_st;
typedef struct tpm_key_list_st* gnutls_tpm_key_list_t;

/* ---- Library setup, version and memory ---- */
int gnutls_tpm_get_registered(gnutls_tpm_key_list_t* list);
void gnutls_tpm_key_list_deinit(gnutls_tpm_key_list_t list);
int gnutls_tpm_key_list_get_url(gnutls_tpm_key_list_t list, unsigned int idx, char** url,
                                unsigned int flags);
int gnutls_tpm_privkey_delete(const char* url, const char* srk_password);
int gnutls_tpm_privkey_generate(gnutls_pk_algorithm_t pk, unsigned int bits,
                                const char* srk_password, const char* key_password,
                                gnutls_tpmkey_fmt_t format, gnutls_x509_crt_fmt_t pub_format,
                                gnutls_datum_t* privkey, gnutls_datum_t* pubkey,
                                unsigned int flags);

/* Aliases, flag words and fixed values. */
#define GNUTLS_TPM_KEY_SIGNING 2
#define GNUTLS_TPM_REGISTER_KEY 4
#define GNUTLS_TPM_KEY_USER 8

#if defined(CODA_GNUTLS_BUILD) && defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* GNUTLS_TPM_H */
