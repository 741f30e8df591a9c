// TLS 1.2 AEAD record protection (RFC 5246 6.2.3.3): AES-GCM with a 4-byte
// implicit salt and an 8-byte explicit nonce carried in the record (RFC 5288
// 3), ChaCha20-Poly1305 with a 12-byte IV XORed with the sequence number and
// no explicit nonce (RFC 7905 2). Unlike TLS 1.3 the content type travels in
// the clear in the record header and is authenticated through the
// additional data; there is no padding.
#include <algorithm>
#include <array>
#include <cstdint>

#include "record/protection.hpp"

namespace coda::record {

namespace {

// RFC 5288 3: the salt (client_write_IV / server_write_IV) is 4 bytes, the
// nonce_explicit carried in each record 8.
constexpr size_t kGcmSaltLength = 4;
constexpr size_t kGcmExplicitNonceLength = 8;
// RFC 5246 6.2.3.3: additional_data = seq_num(8) + TLSCompressed.type(1) +
// TLSCompressed.version(2) + TLSCompressed.length(2).
constexpr size_t kAdditionalDataLength = 13;

class Protection12 final : public Protection {
 public:
  Protection12(crypto::Aead aead, ByteView iv) : aead_(std::move(aead)) {
    explicit_nonce_ =
        aead_.alg() == crypto::AeadAlg::chacha20poly1305 ? 0 : kGcmExplicitNonceLength;
    std::copy(iv.begin(), iv.end(), iv_.begin());
  }

  Status seal(ContentType type, ByteView plaintext, Bytes& out, size_t padding) override;
  Result<OpenedRecord> open(ByteView header, MutableByteView body) override;
  uint64_t sequence() const override { return sequence_; }

 private:
  // The per-record nonce. AES-GCM: salt || nonce_explicit, where the
  // explicit part is given (seal writes the sequence number there, open
  // reads it from the record). ChaCha20: iv XOR (0^4 || seq_num).
  std::array<uint8_t, crypto::kAeadNonceLength> nonce(ByteView explicit_nonce) const;
  std::array<uint8_t, kAdditionalDataLength> additional_data(uint8_t type, uint8_t version_major,
                                                             uint8_t version_minor,
                                                             size_t length) const;

  crypto::Aead aead_;
  // AES-GCM: the 4-byte salt in the first bytes; ChaCha20: all 12 bytes.
  SecureArray<crypto::kAeadNonceLength> iv_;  // key material: wiped with the object
  size_t explicit_nonce_ = 0;
  uint64_t sequence_ = 0;
};

void put_u64(uint8_t* at, uint64_t v) {
  for (size_t i = 0; i < 8; ++i) at[i] = static_cast<uint8_t>(v >> (8U * (7 - i)));
}

std::array<uint8_t, crypto::kAeadNonceLength> Protection12::nonce(ByteView explicit_nonce) const {
  auto nonce = iv_;
  if (explicit_nonce_ != 0) {
    // RFC 5288 3: GCMNonce = salt (4, implicit) || nonce_explicit (8).
    std::copy(explicit_nonce.begin(), explicit_nonce.end(), nonce.begin() + kGcmSaltLength);
  } else {
    // RFC 7905 2: the 64-bit sequence number, big-endian, left-padded with
    // zeros to 12 bytes and XORed with the client/server_write_IV.
    for (size_t i = 0; i < 8; ++i) {
      nonce[nonce.size() - 1 - i] ^= static_cast<uint8_t>(sequence_ >> (8U * i));
    }
  }
  return nonce;
}

std::array<uint8_t, kAdditionalDataLength> Protection12::additional_data(uint8_t type,
                                                                         uint8_t version_major,
                                                                         uint8_t version_minor,
                                                                         size_t length) const {
  // RFC 5246 6.2.3.3: seq_num + TLSCompressed.type + TLSCompressed.version +
  // TLSCompressed.length, the length being that of the plaintext.
  std::array<uint8_t, kAdditionalDataLength> ad{};
  put_u64(ad.data(), sequence_);
  ad[8] = type;
  ad[9] = version_major;
  ad[10] = version_minor;
  ad[11] = static_cast<uint8_t>(length >> 8U);
  ad[12] = static_cast<uint8_t>(length);
  return ad;
}

Status Protection12::seal(ContentType type, ByteView plaintext, Bytes& out, size_t padding) {
  if (padding != 0) return Error::make(ErrorKind::internal, "TLS 1.2 records have no padding");
  // RFC 5246 6.2.1: TLSPlaintext.length MUST NOT exceed 2^14.
  if (plaintext.size() > kMaxPlaintext) {
    return Error::make(ErrorKind::internal, "record plaintext too long");
  }
  // RFC 5246 6.1: sequence numbers MUST NOT wrap; renegotiate or close
  // first. The last value is never used, so no record is ever written
  // under a sequence number that cannot be followed.
  if (sequence_ == UINT64_MAX) {
    return Error::alert_error(AlertDescription::internal_error, "record sequence exhausted");
  }
  const size_t length = explicit_nonce_ + plaintext.size() + crypto::kAeadTagLength;
  const size_t start = out.size();
  out.resize(start + kHeaderLength + length);
  uint8_t* header = out.data() + start;
  // RFC 5246 6.2.3: type, version {3, 3}, length of the fragment.
  header[0] = static_cast<uint8_t>(type);
  header[1] = 0x03;
  header[2] = 0x03;
  header[3] = static_cast<uint8_t>(length >> 8U);
  header[4] = static_cast<uint8_t>(length);
  uint8_t* body = header + kHeaderLength;
  // RFC 5288 3: the explicit nonce MUST be distinct for each invocation of
  // the GCM encrypt function for a given key; the sequence number is.
  if (explicit_nonce_ != 0) put_u64(body, sequence_);
  uint8_t* data = body + explicit_nonce_;

  const auto n = nonce(ByteView(body, explicit_nonce_));
  const auto ad = additional_data(header[0], header[1], header[2], plaintext.size());
  // Encrypted from where the caller has it, with no copy into the record.
  CODA_TRY(aead_.seal_into(n, ad, plaintext, {}, MutableByteView(data, plaintext.size()),
                           MutableByteView(data + plaintext.size(), crypto::kAeadTagLength)));
  ++sequence_;
  return {};
}

Result<OpenedRecord> Protection12::open(ByteView header, MutableByteView body) {
  if (header.size() != kHeaderLength) {
    return Error::make(ErrorKind::internal, "record header has the wrong length");
  }
  if (body.size() < explicit_nonce_ + crypto::kAeadTagLength) {
    // Too short to hold the explicit nonce and a tag: it cannot authenticate.
    return Error::alert_error(AlertDescription::bad_record_mac, "record too short");
  }
  const size_t length = body.size() - explicit_nonce_ - crypto::kAeadTagLength;
  // RFC 5246 6.2.1: a plaintext fragment MUST NOT exceed 2^14 bytes; with
  // no compression a larger one is a record_overflow (RFC 5246 7.2.2).
  if (length > kMaxPlaintext) {
    return Error::alert_error(AlertDescription::record_overflow, "record plaintext too long");
  }
  // RFC 5246 6.1: sequence numbers MUST NOT wrap (see seal).
  if (sequence_ == UINT64_MAX) {
    return Error::alert_error(AlertDescription::internal_error, "record sequence exhausted");
  }
  const auto n = nonce(body.first(explicit_nonce_));
  const auto ad = additional_data(header[0], header[1], header[2], length);
  const MutableByteView content = body.subspan(explicit_nonce_, length);
  // RFC 5246 6.2.3.3: a failed decryption MUST end in bad_record_mac
  // (crypto::Aead::open reports a bad tag that way).
  CODA_TRY(aead_.open(n, ad, content, body.subspan(explicit_nonce_ + length)));
  ++sequence_;
  // RFC 5246 6: a record of an unknown type MUST get unexpected_message.
  if (!is_known_content_type(header[0])) {
    return Error::alert_error(AlertDescription::unexpected_message, "unknown record content type");
  }
  return OpenedRecord{static_cast<ContentType>(header[0]), content};
}

}  // namespace

Result<std::unique_ptr<Protection>> make_protection12(crypto::AeadAlg alg, ByteView key,
                                                      ByteView iv) {
  // RFC 5288 3 (fixed_iv_length 4) and RFC 7905 2 (fixed_iv_length 12).
  const size_t iv_length =
      alg == crypto::AeadAlg::chacha20poly1305 ? crypto::kAeadNonceLength : kGcmSaltLength;
  if (iv.size() != iv_length) {
    return Error::make(ErrorKind::internal, "record iv has the wrong length");
  }
  CODA_ASSIGN(auto aead, crypto::Aead::create(alg, key));
  return std::unique_ptr<Protection>(new Protection12(std::move(aead), iv));
}

}  // namespace coda::record
