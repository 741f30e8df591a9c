// The TLS 1.3 key schedule (RFC 8446 7.1): early secret from the PSK of a
// resumed session (or zeros), handshake secret from the (EC)DHE secret,
// master secret, and the traffic and resumption secrets derived from them.
#pragma once

#include "base/bytes.hpp"
#include "base/secure.hpp"
#include "crypto/aead.hpp"
#include "crypto/hash.hpp"
#include "handshake/handshake_machine.hpp"

namespace coda::hs {

struct TrafficKeys {
  SecureBytes key;
  SecureBytes iv;
};

// RFC 8446 7.3: key = Expand-Label(secret, "key", "", key_length),
// iv = Expand-Label(secret, "iv", "", 12).
TrafficKeys traffic_keys(crypto::AeadAlg aead, crypto::HashAlg hash, ByteView secret);
// The same, packaged for HandshakeSink::install_*_keys.
KeyMaterial tls13_key_material(const SuiteInfo& suite, ByteView secret);
// RFC 8446 7.2: application_traffic_secret_N+1.
SecureBytes next_traffic_secret(crypto::HashAlg hash, ByteView secret);
// RFC 8446 4.4.4: HMAC(Expand-Label(base_key, "finished", "", Hash.length), transcript_hash).
Bytes finished_verify_data(crypto::HashAlg hash, ByteView base_key, ByteView transcript_hash);

// RFC 8446 7.1: client_early_traffic_secret = Derive-Secret(Early Secret,
// "c e traffic", ClientHello), the early secret from the resumption PSK.
SecureBytes client_early_traffic_secret(crypto::HashAlg hash, ByteView psk,
                                        ByteView client_hello_hash);

class KeySchedule {
 public:
  explicit KeySchedule(crypto::HashAlg hash);

  // After ServerHello: hash of ClientHello..ServerHello. `psk` is the
  // resumption PSK when the server selected one, else empty (RFC 8446 7.1:
  // the early secret is then HKDF-Extract(0, 0)).
  void derive_handshake_secrets(ByteView shared_secret, ByteView hello_hash, ByteView psk = {});
  // After the server Finished: hash of ClientHello..server Finished.
  void derive_application_secrets(ByteView server_finished_hash);
  // After the client Finished: hash of ClientHello..client Finished (RFC
  // 8446 7.1, "res master"); requires derive_application_secrets().
  SecureBytes resumption_master_secret(ByteView client_finished_hash) const;

  crypto::HashAlg hash() const { return hash_; }
  const SecureBytes& client_handshake_secret() const { return client_hs_; }
  const SecureBytes& server_handshake_secret() const { return server_hs_; }
  const SecureBytes& client_application_secret() const { return client_app_; }
  const SecureBytes& server_application_secret() const { return server_app_; }
  const SecureBytes& exporter_master_secret() const { return exporter_; }

 private:
  SecureBytes derive_secret(ByteView secret, const char* label, ByteView transcript_hash) const;

  crypto::HashAlg hash_;
  SecureBytes handshake_secret_;
  SecureBytes master_secret_;
  SecureBytes client_hs_, server_hs_;
  SecureBytes client_app_, server_app_, exporter_;
};

}  // namespace coda::hs
