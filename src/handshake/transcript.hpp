// The handshake transcript (RFC 8446 4.4.1). Messages arrive before the
// hash is known (the ClientHello precedes the suite choice), so they are
// kept until set_hash() and hashed from then on. A TLS 1.2 CertificateVerify
// signs the messages themselves, not a hash of them (RFC 5246 7.4.8, with the
// hash of the signature scheme, or none for Ed25519), so a transcript can
// also keep every message (keep_messages) for as long as that needs.
#pragma once

#include <optional>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"

namespace coda::hs {

class Transcript {
 public:
  // `message` is a whole handshake message, header included.
  void add(ByteView message);
  void set_hash(crypto::HashAlg alg);
  bool has_hash() const { return hash_.has_value(); }
  // Hash of everything added so far; requires set_hash().
  Bytes current() const;
  // Hash (with `alg` when no hash is set yet) of everything added so far
  // followed by `extra`, which is not added: the PSK binder hashes a
  // truncated ClientHello that never enters the transcript as such.
  Bytes current_with(crypto::HashAlg alg, ByteView extra) const;
  // RFC 8446 4.4.1: after a HelloRetryRequest, ClientHello1 is replaced by
  // a synthetic message_hash message carrying its hash.
  void replace_with_message_hash();

  // From now on, keep a copy of every message. Call before set_hash(), so
  // that none is lost.
  void keep_messages();
  // Everything added so far, in order; requires keep_messages().
  ByteView messages() const;
  // Frees the copy and stops keeping one.
  void drop_messages();

 private:
  // Messages not hashed yet, or, while keep_ holds, every message.
  Bytes pending_;
  std::optional<crypto::Hash> hash_;
  bool keep_ = false;
};

}  // namespace coda::hs
