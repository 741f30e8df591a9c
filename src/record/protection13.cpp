#include "base/secure.hpp"
#include "record/protection.hpp"

#include <algorithm>

namespace coda::record {

Result<Protection13> Protection13::create(crypto::AeadAlg alg, ByteView key, ByteView iv) {
  if (iv.size() != crypto::kAeadNonceLength) {
    return Error::make(ErrorKind::internal, "record iv has the wrong length");
  }
  CODA_ASSIGN(auto aead, crypto::Aead::create(alg, key));
  return Protection13(std::move(aead), iv);
}

Protection13::Protection13(crypto::Aead aead, ByteView iv) : aead_(std::move(aead)) {
  std::copy(iv.begin(), iv.end(), iv_.begin());
}

// RFC 8446 5.3: the 64-bit sequence number, left-padded to the IV length,
// XORed with the static IV.
std::array<uint8_t, crypto::kAeadNonceLength> Protection13::nonce_for_sequence() const {
  auto nonce = iv_;
  for (size_t i = 0; i < 8; ++i) {
    nonce[nonce.size() - 1 - i] ^= static_cast<uint8_t>(sequence_ >> (8U * i));
  }
  return nonce;
}

Status Protection13::advance_sequence() {
  // RFC 8446 5.3: the sequence number MUST NOT wrap; rekey or close first.
  if (sequence_ == UINT64_MAX) {
    return Error::alert_error(AlertDescription::internal_error, "record sequence exhausted");
  }
  ++sequence_;
  return {};
}

Status Protection13::seal(ContentType type, ByteView plaintext, Bytes& out, size_t padding) {
  const size_t inner_length = plaintext.size() + 1 + padding;
  const size_t length = inner_length + crypto::kAeadTagLength;
  // RFC 8446 5.4: the whole TLSInnerPlaintext (content, type and padding)
  // MUST NOT exceed 2^14 + 1 octets.
  if (inner_length > kMaxPlaintext + 1) {
    return Error::make(ErrorKind::internal, "record plaintext too long");
  }
  const size_t start = out.size();
  out.resize(start + kHeaderLength + length);
  uint8_t* header = out.data() + start;
  // RFC 8446 5.2: opaque_type application_data, legacy version 0x0303.
  header[0] = static_cast<uint8_t>(ContentType::application_data);
  header[1] = 0x03;
  header[2] = 0x03;
  header[3] = static_cast<uint8_t>(length >> 8U);
  header[4] = static_cast<uint8_t>(length);
  uint8_t* body = header + kHeaderLength;
  // The content type and the padding go where they are encrypted; the
  // content itself is encrypted from where the caller has it.
  uint8_t* trailer = body + plaintext.size();
  trailer[0] = static_cast<uint8_t>(type);
  std::fill_n(trailer + 1, padding, 0);

  const auto nonce = nonce_for_sequence();
  CODA_TRY(aead_.seal_into(nonce, ByteView(header, kHeaderLength), plaintext,
                           ByteView(trailer, 1 + padding), MutableByteView(body, inner_length),
                           MutableByteView(body + inner_length, crypto::kAeadTagLength)));
  return advance_sequence();
}

Result<OpenedRecord> Protection13::open(ByteView header, MutableByteView body) {
  if (body.size() < crypto::kAeadTagLength + 1) {
    // Too short to hold a tag and a content type: it cannot authenticate.
    return Error::alert_error(AlertDescription::bad_record_mac, "record too short");
  }
  const size_t inner_length = body.size() - crypto::kAeadTagLength;
  // RFC 8446 5.4: an inner plaintext above 2^14 + 1 octets (padding
  // included) gets record_overflow.
  if (inner_length > kMaxPlaintext + 1) {
    return Error::alert_error(AlertDescription::record_overflow, "record plaintext too long");
  }
  const auto nonce = nonce_for_sequence();
  CODA_TRY(aead_.open(nonce, header, body.first(inner_length), body.subspan(inner_length)));
  CODA_TRY(advance_sequence());

  // RFC 8446 5.4: the content type is the last non-zero byte; a record of
  // nothing but zeros MUST be answered with unexpected_message.
  size_t end = inner_length;
  while (end > 0 && body[end - 1] == 0) --end;
  if (end == 0) {
    return Error::alert_error(AlertDescription::unexpected_message, "record has no content type");
  }
  const uint8_t type = body[end - 1];
  const size_t content_length = end - 1;
  if (!is_known_content_type(type)) {
    return Error::alert_error(AlertDescription::unexpected_message, "unknown inner content type");
  }
  return OpenedRecord{static_cast<ContentType>(type), body.first(content_length)};
}

}  // namespace coda::record
