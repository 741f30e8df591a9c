// The record layer: RecordReader framing and record protection (TLS 1.3 and
// 1.2, every AEAD) under fixed keys (fuzz_common.hpp).
//
// Input: a control byte, then the data.
//   bits 0..1  AEAD: AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305 (3: AES-128)
//   bit 2      0: TLS 1.3, 1: TLS 1.2
//   bit 3      0 (wire): the data is a stream of protected records, framed by
//              RecordReader and opened one by one until the first failure;
//              a TLS 1.3 record that opens must seal back to the same bytes.
//              1 (plaintext): the data is a list of entries (type u8,
//              length u16, bytes); the harness encrypts each entry's bytes as
//              the record's plaintext (TLS 1.3: as the whole inner plaintext,
//              content type and padding included) and checks that open()
//              returns exactly what RFC 8446 5.4 / RFC 5246 6 say.
//   bits 4..6  chunking of the wire stream (fuzz_common.hpp's Chunker).
#include <algorithm>
#include <cstdint>
#include <memory>

#include "crypto/aead.hpp"
#include "fuzz_common.hpp"
#include "record/protection.hpp"
#include "record/record_reader.hpp"

namespace {

using namespace coda;
using namespace coda::record;

struct Setup {
  crypto::AeadAlg alg;
  bool tls12;
  std::unique_ptr<Protection> make() const {
    auto p = make_protection(tls12 ? ProtocolVersion::tls12 : ProtocolVersion::tls13, alg,
                             fuzz::record_key(alg), fuzz::record_iv(alg, tls12));
    if (!p) __builtin_trap();
    return std::move(p).value();
  }
};

bool equal(ByteView a, ByteView b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

void wire(const Setup& setup, int chunking, ByteView data) {
  auto opener = setup.make();
  auto sealer = setup.make();
  RecordReader reader;
  reader.set_max_length(setup.tls12 ? kMaxCiphertext12 : kMaxCiphertext13);
  fuzz::Chunker chunks(chunking, data);
  while (!chunks.done()) {
    if (reader.bytes_needed() == 0) __builtin_trap();
    const ByteView piece = chunks.peek();
    auto used = reader.feed(piece);
    if (!used) return;
    if (*used > piece.size() || (*used == 0 && !reader.complete())) __builtin_trap();
    chunks.advance(*used);
    if (!reader.complete()) continue;
    Bytes original(reader.header().begin(), reader.header().end());
    append(original, reader.body());
    const Bytes header(reader.header().begin(), reader.header().end());
    auto opened = opener->open(header, reader.body());
    if (!opened) return;  // fatal, as in the engine
    const size_t body_size = reader.body().size();
    if (opened->content.size() > kMaxPlaintext) __builtin_trap();
    if (!setup.tls12) {
      const size_t padding = body_size - crypto::kAeadTagLength - 1 - opened->content.size();
      Bytes resealed;
      if (!sealer->seal(opened->type, opened->content, resealed, padding)) __builtin_trap();
      if (!equal(resealed, original)) __builtin_trap();
    }
    reader.reset();
  }
}

void plaintext(const Setup& setup, ByteView data) {
  auto opener = setup.make();
  auto aead = crypto::Aead::create(setup.alg, fuzz::record_key(setup.alg));
  if (!aead) __builtin_trap();
  const ByteView iv = fuzz::record_iv(setup.alg, setup.tls12);
  const bool explicit_nonce = setup.tls12 && setup.alg != crypto::AeadAlg::chacha20poly1305;
  uint64_t sequence = 0;
  size_t at = 0;
  while (at + 3 <= data.size()) {
    const uint8_t type = data[at];
    const size_t length =
        std::min<size_t>((size_t{data[at + 1]} << 8) | data[at + 2], data.size() - at - 3);
    const ByteView bytes = data.subspan(at + 3, length);
    at += 3 + length;

    // Build the record by hand from the RFC (not from our seal()).
    uint8_t nonce[12];
    std::copy(iv.begin(), iv.end(), nonce);
    Bytes body;
    if (explicit_nonce) {
      for (int i = 7; i >= 0; --i) body.push_back(static_cast<uint8_t>(sequence >> (8 * i)));
      for (int i = 0; i < 8; ++i) nonce[4 + i] = body[i];
    } else {
      for (int i = 0; i < 8; ++i) nonce[11 - i] ^= static_cast<uint8_t>(sequence >> (8 * i));
    }
    const size_t prefix = body.size();
    append(body, bytes);
    body.resize(body.size() + crypto::kAeadTagLength);
    const size_t record_length = body.size();
    if (record_length > 0xffff) return;
    const uint8_t header[5] = {setup.tls12 ? type : uint8_t{23}, 3, 3,
                               static_cast<uint8_t>(record_length >> 8),
                               static_cast<uint8_t>(record_length)};
    Bytes aad;
    if (setup.tls12) {
      for (int i = 7; i >= 0; --i) aad.push_back(static_cast<uint8_t>(sequence >> (8 * i)));
      aad.insert(aad.end(),
                 {type, 3, 3, static_cast<uint8_t>(length >> 8), static_cast<uint8_t>(length)});
    } else {
      aad.assign(header, header + 5);
    }
    const MutableByteView content(body.data() + prefix, length);
    const MutableByteView tag(body.data() + prefix + length, crypto::kAeadTagLength);
    if (!aead->seal(ByteView(nonce, 12), aad, content, tag)) __builtin_trap();

    auto opened = opener->open(ByteView(header, 5), body);
    // What the RFCs say the result is.
    bool ok = true;
    uint8_t want_type = type;
    ByteView want = bytes;
    if (setup.tls12) {
      ok = length <= kMaxPlaintext && is_known_content_type(type);
    } else {
      size_t end = bytes.size();
      while (end > 0 && bytes[end - 1] == 0) --end;
      ok = bytes.size() <= kMaxPlaintext + 1 && end > 0 && is_known_content_type(bytes[end - 1]);
      if (ok) {
        want_type = bytes[end - 1];
        want = bytes.first(end - 1);
      }
    }
    if (opened.ok() != ok) __builtin_trap();
    if (!opened) return;
    if (static_cast<uint8_t>(opened->type) != want_type) __builtin_trap();
    if (!equal(opened->content, want)) __builtin_trap();
    ++sequence;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const crypto::AeadAlg kAlgs[] = {crypto::AeadAlg::aes128gcm, crypto::AeadAlg::aes256gcm,
                                          crypto::AeadAlg::chacha20poly1305,
                                          crypto::AeadAlg::aes128gcm};
  const Setup setup{kAlgs[data[0] & 3], (data[0] & 4) != 0};
  const ByteView rest(data + 1, size - 1);
  if (data[0] & 8) {
    plaintext(setup, rest);
  } else {
    wire(setup, (data[0] >> 4) & 7, rest);
  }
  return 0;
}
