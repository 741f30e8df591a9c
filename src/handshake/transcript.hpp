// The handshake transcript (RFC 8446 4.4.1). Messages arrive before the
// hash is known (the ClientHello precedes the suite choice), so they are
// kept until set_hash() and hashed from then on.
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
  // RFC 8446 4.4.1: after a HelloRetryRequest, ClientHello1 is replaced by
  // a synthetic message_hash message carrying its hash.
  void replace_with_message_hash();

 private:
  Bytes pending_;
  std::optional<crypto::Hash> hash_;
};

}  // namespace coda::hs
