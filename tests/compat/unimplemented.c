/* Calls a sample of the GnuTLS functions Coda does not implement (the
 * generated src/compat/gnutls/unimplemented.cpp) and of the session calls
 * that answer "no resumption": each must fail clearly, leave its outputs
 * empty, and not crash, NULL arguments included. */
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/openpgp.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <string.h>

static int failures = 0;
#define CHECK(cond)                                                      \
  do {                                                                   \
    if (!(cond)) {                                                       \
      fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                        \
    }                                                                    \
  } while (0)

int main(void) {
  /* _init calls fail and leave the handle NULL. */
  gnutls_x509_crq_t crq = (gnutls_x509_crq_t)&failures;
  CHECK(gnutls_x509_crq_init(&crq) == GNUTLS_E_UNIMPLEMENTED_FEATURE);
  CHECK(crq == NULL);
  CHECK(gnutls_x509_crq_init(NULL) == GNUTLS_E_UNIMPLEMENTED_FEATURE);
  gnutls_x509_crq_deinit(NULL);

  gnutls_pkcs7_t p7 = (gnutls_pkcs7_t)&failures;
  CHECK(gnutls_pkcs7_init(&p7) == GNUTLS_E_UNIMPLEMENTED_FEATURE && p7 == NULL);
  gnutls_pkcs7_deinit(NULL);

  gnutls_hash_hd_t hash = (gnutls_hash_hd_t)&failures;
  CHECK(gnutls_hash_init(&hash, GNUTLS_DIG_SHA256) == GNUTLS_E_UNIMPLEMENTED_FEATURE);
  CHECK(hash == NULL);

  /* A verification that is not done says "not trusted" as well as failing. */
  unsigned named_status = 0;
  CHECK(gnutls_x509_trust_list_verify_named_crt(NULL, NULL, "n", 1, 0, &named_status, NULL) ==
        GNUTLS_E_UNIMPLEMENTED_FEATURE);
  CHECK(named_status == GNUTLS_CERT_INVALID);

  gnutls_srp_client_credentials_t srp = (gnutls_srp_client_credentials_t)&failures;
  CHECK(gnutls_srp_allocate_client_credentials(&srp) == GNUTLS_E_UNIMPLEMENTED_FEATURE);
  CHECK(srp == NULL);
  gnutls_srp_free_client_credentials(NULL);

  gnutls_psk_client_credentials_t psk = (gnutls_psk_client_credentials_t)&failures;
  CHECK(gnutls_psk_allocate_client_credentials(&psk) == GNUTLS_E_UNIMPLEMENTED_FEATURE);
  CHECK(psk == NULL);

  /* Lists a call would allocate come back NULL. */
  gnutls_pkcs11_obj_t* list = (gnutls_pkcs11_obj_t*)&failures;
  unsigned n = 0;
  CHECK(gnutls_pkcs11_obj_list_import_url4(&list, &n, "pkcs11:", 0) ==
        GNUTLS_E_UNIMPLEMENTED_FEATURE);
  CHECK(list == NULL);

  /* Outputs in a datum are emptied. */
  gnutls_datum_t out = {(unsigned char*)"x", 1};
  CHECK(gnutls_x509_crq_export2(NULL, GNUTLS_X509_FMT_PEM, &out) == GNUTLS_E_UNIMPLEMENTED_FEATURE);
  CHECK(out.data == NULL && out.size == 0);

  /* Verification never reports "trusted" when it did not verify. */
  unsigned status = 0;
  CHECK(gnutls_x509_crt_list_verify(NULL, 0, NULL, 0, NULL, 0, 0, &status) ==
        GNUTLS_E_UNIMPLEMENTED_FEATURE);
  CHECK(status & GNUTLS_CERT_INVALID);

  /* Yes/no answers say no; names and pointers are NULL; sizes 0. */
  CHECK(gnutls_openpgp_crt_check_hostname(NULL, "example.com") == 0);
  CHECK(gnutls_privkey_status(NULL) == 0);
  CHECK(gnutls_x509_crt_check_email(NULL, "a@example.com", 0) == 0);
  CHECK(gnutls_pkcs11_type_get_name(GNUTLS_PKCS11_OBJ_X509_CRT) == NULL);
  CHECK(gnutls_sec_param_to_symmetric_bits(GNUTLS_SEC_PARAM_HIGH) == 0);

  /* Plain errors for the rest. */
  unsigned char digest[64];
  CHECK(gnutls_hmac_fast(GNUTLS_MAC_SHA256, "k", 1, "abc", 3, digest) ==
        GNUTLS_E_UNIMPLEMENTED_FEATURE);
  CHECK(gnutls_x509_crq_get_version(NULL) == GNUTLS_E_UNIMPLEMENTED_FEATURE);
  CHECK(gnutls_pkcs11_init(0, NULL) == GNUTLS_E_UNIMPLEMENTED_FEATURE);

  /* Resumption calls on a session that never had a handshake (nor a
   * priority): nothing to hand out, garbage refused. */
  gnutls_session_t session = NULL;
  CHECK(gnutls_init(&session, GNUTLS_CLIENT) == 0);
  CHECK(gnutls_session_is_resumed(session) == 0);
  gnutls_datum_t data = {(unsigned char*)"x", 1};
  CHECK(gnutls_session_get_data2(session, &data) == GNUTLS_E_INVALID_REQUEST);
  CHECK(data.data == NULL && data.size == 0);
  CHECK(gnutls_session_get_data2(session, NULL) == GNUTLS_E_INVALID_REQUEST);
  CHECK(gnutls_session_set_data(session, "abcd", 4) == GNUTLS_E_DB_ERROR);
  CHECK(gnutls_session_set_data(session, "\0\0\0\0", 4) == 0);
  CHECK(gnutls_session_set_data(NULL, "abcd", 4) == GNUTLS_E_INVALID_REQUEST);
  CHECK(gnutls_reauth(session, 0) == GNUTLS_E_INVALID_REQUEST);
  gnutls_session_enable_compatibility_mode(session);
  gnutls_session_enable_compatibility_mode(NULL);
  CHECK(gnutls_session_is_resumed(session) == 0);
  gnutls_deinit(session);

  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("unimplemented: all checks passed\n");
  return 0;
}
