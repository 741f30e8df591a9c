#include "handshake/key_schedule.hpp"

#include "crypto/hkdf.hpp"

namespace coda::hs {

using crypto::hkdf_expand_label;
using crypto::hkdf_extract;

TrafficKeys traffic_keys(crypto::AeadAlg aead, crypto::HashAlg hash, ByteView secret) {
  return {hkdf_expand_label(hash, secret, "key", {}, crypto::aead_key_length(aead)),
          hkdf_expand_label(hash, secret, "iv", {}, crypto::kAeadNonceLength)};
}

KeyMaterial tls13_key_material(const SuiteInfo& suite, ByteView secret) {
  auto keys = traffic_keys(suite.aead, suite.hash, secret);
  return {ProtocolVersion::tls13, suite.aead, std::move(keys.key), std::move(keys.iv)};
}

SecureBytes next_traffic_secret(crypto::HashAlg hash, ByteView secret) {
  return hkdf_expand_label(hash, secret, "traffic upd", {}, crypto::hash_length(hash));
}

Bytes finished_verify_data(crypto::HashAlg hash, ByteView base_key, ByteView transcript_hash) {
  const SecureBytes finished_key =
      hkdf_expand_label(hash, base_key, "finished", {}, crypto::hash_length(hash));
  return crypto::hmac(hash, finished_key, transcript_hash);
}

SecureBytes client_early_traffic_secret(crypto::HashAlg hash, ByteView psk,
                                        ByteView client_hello_hash) {
  const SecureBytes zeros(crypto::hash_length(hash), 0);
  const SecureBytes early = hkdf_extract(hash, zeros, psk);
  return hkdf_expand_label(hash, early, "c e traffic", client_hello_hash,
                           crypto::hash_length(hash));
}

KeySchedule::KeySchedule(crypto::HashAlg hash) : hash_(hash) {}

SecureBytes KeySchedule::derive_secret(ByteView secret, const char* label,
                                       ByteView transcript_hash) const {
  return hkdf_expand_label(hash_, secret, label, transcript_hash, crypto::hash_length(hash_));
}

void KeySchedule::derive_handshake_secrets(ByteView shared_secret, ByteView hello_hash,
                                           ByteView psk) {
  const size_t n = crypto::hash_length(hash_);
  const SecureBytes zeros(n, 0);
  const Bytes empty_hash = crypto::Hash::digest(hash_, {});
  // RFC 8446 7.1: early secret = Extract(0, PSK), with a string of
  // Hash.length zeros as the PSK when there is none.
  const SecureBytes early = hkdf_extract(hash_, zeros, psk.empty() ? ByteView(zeros) : psk);
  const SecureBytes derived = derive_secret(early, "derived", empty_hash);
  handshake_secret_ = hkdf_extract(hash_, derived, shared_secret);
  client_hs_ = derive_secret(handshake_secret_, "c hs traffic", hello_hash);
  server_hs_ = derive_secret(handshake_secret_, "s hs traffic", hello_hash);
}

void KeySchedule::derive_application_secrets(ByteView server_finished_hash) {
  const size_t n = crypto::hash_length(hash_);
  const SecureBytes zeros(n, 0);
  const Bytes empty_hash = crypto::Hash::digest(hash_, {});
  const SecureBytes derived = derive_secret(handshake_secret_, "derived", empty_hash);
  master_secret_ = hkdf_extract(hash_, derived, zeros);
  client_app_ = derive_secret(master_secret_, "c ap traffic", server_finished_hash);
  server_app_ = derive_secret(master_secret_, "s ap traffic", server_finished_hash);
  exporter_ = derive_secret(master_secret_, "exp master", server_finished_hash);
  // The handshake secret is no longer needed: drop it now, not at the end.
  SecureBytes().swap(handshake_secret_);
}

SecureBytes KeySchedule::resumption_master_secret(ByteView client_finished_hash) const {
  return derive_secret(master_secret_, "res master", client_finished_hash);
}

}  // namespace coda::hs
