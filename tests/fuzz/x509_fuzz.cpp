// Certificates through Coda's verification glue (src/crypto/x509.hpp):
// parsing, the accessors the handshake uses, and chain verification against
// a trust store holding the fuzz CA (fuzz_common.hpp).
//
// Input: a mode byte, then the data.
//   0: one DER certificate (Certificate::from_der)
//   1: PEM text (Certificate::chain_from_pem, and TrustStore::add_pem)
//   2: a TLS 1.2 Certificate body (u24 list of u24 DER certificates, as a
//      peer sends it), each through from_der, the list verified as a chain
//   3: a DER Name (Name::from_der, what gnutls_x509_dn_import reads)
//   4: a DER private key (KeyMaterial::from_der: PKCS#8, PKCS#1, SEC1) and
//      every export of it (the EC re-encoding walks the DER itself)
//   5: an EncryptedPrivateKeyInfo (password "pw") and a SubjectPublicKeyInfo
//   6: PKCS#3 DH parameters (DhParams::from_pkcs3, what
//      gnutls_dh_params_import_pkcs3 reads), written back and read again
//   7: a DER CRL (Crl::from_der, what gnutls_x509_crl_import reads), every
//      getter, and verification with it in a trust store
// Every certificate also goes through the getters of x509_fields.hpp.
#include <cstdint>
#include <cstring>
#include <ctime>
#include <vector>

#include "crypto/dh_params.hpp"
#include "crypto/key_material.hpp"
#include "crypto/x509.hpp"
#include "crypto/x509_crl.hpp"
#include "crypto/x509_fields.hpp"
#include "fuzz_common.hpp"
#include "handshake/messages12.hpp"

namespace {

using namespace coda;
using namespace coda::crypto;

void inspect(const Certificate& cert) {
  (void)cert.subject();
  (void)cert.issuer();
  (void)cert.not_before();
  (void)cert.not_after();
  (void)cert.spki();
  if (auto key = cert.public_key()) (void)key;
  (void)cert.matches_hostname("localhost");
  (void)cert.matches_hostname("a.localhost", false);
  (void)cert.matches_hostname("127.0.0.1");
  (void)cert.matches_hostname("::1");
  (void)serial_number(cert);
  (void)certificate_version(cert);
  (void)signature_algorithm_oid(cert);
  (void)pss_hash_name(cert);
  for (const auto& name : {subject_name(cert), issuer_name(cert)}) {
    if (name && name->rdn_count() > name->attributes.size()) __builtin_trap();
  }
  bool critical = false;
  if (auto names = subject_alt_names(cert, &critical)) {
    for (const AltName& a : *names)
      if (a.kind == AltNameKind::directory) (void)Name::from_der(a.value);
  }
  (void)key_usage_bits(cert, &critical);
  (void)extended_key_usage(cert, &critical);
  (void)basic_constraints(cert);
  (void)subject_key_id(cert, &critical);
  (void)authority_key_id(cert, &critical);
  (void)extension_flags(cert, "2.5.29.17");
  (void)spki_info(cert.spki());
  const Certificate copy(cert);
  if (copy.der().size() != cert.der().size()) __builtin_trap();
}

void inspect_key(const KeyMaterial& key) {
  (void)key.info();
  std::string label;
  const SecureBytes traditional = key.traditional(label);
  const SecureBytes pkcs8 = key.pkcs8();
  // What Coda writes it must read back.
  if (!pkcs8.empty() && !KeyMaterial::from_der(ByteView(pkcs8.data(), pkcs8.size()))) {
    __builtin_trap();
  }
  if (!traditional.empty() &&
      !KeyMaterial::from_der(ByteView(traditional.data(), traditional.size()))) {
    __builtin_trap();
  }
  (void)spki_info(key.spki());
}

void verify(const std::vector<Certificate>& chain) {
  if (chain.empty()) return;
  for (const auto& cert : chain) inspect(cert);
  VerifyOptions options;
  options.hostname = "localhost";
  options.at_time = fuzz::kVerifyTime;
  const uint32_t server = verify_chain(fuzz::trust_store(), chain, options);
  options.server = false;
  options.hostname.clear();
  const uint32_t client = verify_chain(fuzz::trust_store(), chain, options);
  for (const uint32_t status : {server, client}) {
    (void)describe_verify_status(status);
    (void)alert_for_verify_status(status);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const ByteView rest(data + 1, size - 1);
  switch (data[0] % 8) {
    case 0: {
      auto cert = Certificate::from_der(rest);
      if (!cert) return 0;
      std::vector<Certificate> chain;
      chain.push_back(std::move(cert).value());
      verify(chain);
      break;
    }
    case 1: {
      if (auto chain = Certificate::chain_from_pem(rest)) verify(chain.value());
      TrustStore store;
      if (auto added = store.add_pem(rest)) {
        if (added.value() > store.size()) __builtin_trap();
      }
      break;
    }
    case 2: {
      auto message = hs::Certificate12::parse(rest);
      if (!message) return 0;
      std::vector<Certificate> chain;
      for (const Bytes& der : message->certificates) {
        auto cert = Certificate::from_der(der);
        if (!cert) return 0;
        chain.push_back(std::move(cert).value());
      }
      verify(chain);
      break;
    }
    case 3:
      if (auto name = Name::from_der(rest)) {
        if (name->der.empty()) __builtin_trap();
      }
      break;
    case 4:
      if (auto key = KeyMaterial::from_der(rest)) inspect_key(key.value());
      break;
    case 5:
      if (auto key = KeyMaterial::from_encrypted_pkcs8(rest, "pw")) inspect_key(key.value());
      (void)spki_info(rest);
      break;
    case 6:
      if (auto params = DhParams::from_pkcs3(rest)) {
        // What Coda writes it must read back, the same.
        const Bytes der = params->to_pkcs3();
        auto again = DhParams::from_pkcs3(der);
        if (!again || again->prime != params->prime || again->generator != params->generator ||
            again->key_bits != params->key_bits) {
          __builtin_trap();
        }
      }
      break;
    case 7:
      if (auto crl = Crl::from_der(rest)) {
        (void)crl->issuer_der();
        (void)crl->this_update();
        (void)crl->next_update();
        (void)crl->version();
        Bytes serial;
        std::time_t when = 0;
        const size_t n = crl->revoked_count();
        for (size_t i = 0; i <= n && i < 64; ++i) {
          if (crl->revoked(i, serial, when) != (i < n)) __builtin_trap();
        }
        auto server = Certificate::chain_from_pem(
            as_bytes(fuzz::kServerCertPem, std::strlen(fuzz::kServerCertPem)));
        if (server && !server->empty()) {
          (void)crl->issuer_is(server->front());
          (void)crl->signed_by(server->front());
          TrustStore store;
          if (store.add_pem(as_bytes(fuzz::kCaPem, std::strlen(fuzz::kCaPem))) &&
              add_crls(store, {&crl.value()})) {
            VerifyOptions options;
            options.at_time = fuzz::kVerifyTime;
            (void)verify_chain(store, server.value(), options);
          }
        }
      }
      break;
  }
  return 0;
}
