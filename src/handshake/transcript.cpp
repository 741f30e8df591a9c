#include "handshake/transcript.hpp"

#include <cassert>

#include "handshake/messages.hpp"

namespace coda::hs {

void Transcript::add(ByteView message) {
  if (hash_) hash_->update(message);
  if (!hash_ || keep_) append(pending_, message);
}

void Transcript::set_hash(crypto::HashAlg alg) {
  if (hash_) return;
  hash_.emplace(alg);
  hash_->update(pending_);
  if (!keep_) Bytes().swap(pending_);
}

void Transcript::keep_messages() {
  // After set_hash() the earlier messages are gone (unless already kept).
  assert(!hash_ || keep_);
  keep_ = true;
}

ByteView Transcript::messages() const {
  assert(keep_);
  return pending_;
}

void Transcript::drop_messages() {
  if (!keep_) return;
  keep_ = false;
  if (hash_) Bytes().swap(pending_);
}

Bytes Transcript::current() const {
  assert(hash_);
  return hash_->current();
}

Bytes Transcript::current_with(crypto::HashAlg alg, ByteView extra) const {
  if (hash_) return hash_->current_with(extra);
  crypto::Hash h(alg);
  h.update(pending_);
  return h.current_with(extra);
}

void Transcript::replace_with_message_hash() {
  assert(hash_);
  const Bytes ch1_hash = hash_->current();
  const auto alg = hash_->alg();
  hash_.emplace(alg);
  Bytes synthetic;
  append_handshake(synthetic, HandshakeType::message_hash, ch1_hash);
  hash_->update(synthetic);
}

}  // namespace coda::hs
