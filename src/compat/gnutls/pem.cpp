#include "compat/gnutls/pem.hpp"

#include <gnutls/gnutls.h>

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "base/pem.hpp"
#include "base/secure.hpp"

namespace coda::compat {
namespace {

constexpr std::string_view kDashes = "-----";
constexpr std::string_view kEnd = "-----END";

enum class Found : uint8_t { none, block, broken };

struct Block {
  Found found = Found::none;
  size_t label = 0;  // which of the labels searched for
  SecureBytes der;   // when found == block; a key's, so wiped when freed
  size_t next = 0;   // where the search for the next block starts
};

// The first block at or after `from` whose BEGIN line names one of
// `labels` (the earliest in the text if several do).
Block find_block(std::string_view text, size_t from, std::span<const std::string_view> labels) {
  Block b;
  size_t at = std::string_view::npos;
  size_t marker_size = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    const std::string marker = "-----BEGIN " + std::string(labels[i]);
    const size_t p = text.find(marker, from);
    if (p < at) {
      at = p;
      marker_size = marker.size();
      b.label = i;
    }
  }
  if (at == std::string_view::npos) return b;
  b.found = Found::broken;
  b.next = text.size();
  const size_t close = text.find(kDashes, at + marker_size);
  if (close == std::string_view::npos) return b;
  const size_t body = close + kDashes.size();
  const size_t stop = text.find(kDashes, body);
  if (stop == std::string_view::npos || text.find(kEnd, body) == std::string_view::npos) return b;
  b.next = stop;
  if (base64_decode(text.substr(body, stop - body), b.der)) b.found = Found::block;
  return b;
}

std::string_view as_text(ByteView bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

}  // namespace

int read_pem_certificates(ByteView text, bool first_only, std::vector<crypto::Certificate>& out) {
  static constexpr std::array<std::string_view, 2> kLabels = {"CERTIFICATE", "X509 CERTIFICATE"};
  size_t from = 0;
  for (;;) {
    const Block b = find_block(as_text(text), from, kLabels);
    if (b.found == Found::none) return 0;
    if (b.found == Found::broken) {
      return b.label == 0 ? GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR
                          : GNUTLS_E_BASE64_DECODING_ERROR;
    }
    auto cert = crypto::Certificate::from_der(b.der);
    if (!cert) return GNUTLS_E_ASN1_TAG_ERROR;
    out.push_back(std::move(cert).value());
    if (first_only) return 0;
    from = b.next;
  }
}

int read_pem_private_key(ByteView text, std::optional<crypto::PrivateKey>& out) {
  static constexpr std::array<std::string_view, 4> kLabels = {"PRIVATE KEY", "RSA PRIVATE KEY",
                                                              "EC PRIVATE KEY", "DSA PRIVATE KEY"};
  const Block b = find_block(as_text(text), 0, kLabels);
  if (b.found == Found::none) return GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  if (b.found == Found::broken) return GNUTLS_E_BASE64_DECODING_ERROR;
  // Handed over as PEM again: fed DER, OpenSSL's PEM reader and generic
  // decoders would leave copies of the key in memory they free unwiped.
  auto key = crypto::PrivateKey::from_pem(pem_encode(kLabels[b.label], b.der));
  if (!key) {
    return key.error().kind == ErrorKind::not_supported ? GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE
                                                        : GNUTLS_E_ASN1_TAG_ERROR;
  }
  out.emplace(std::move(key).value());
  return 0;
}

int read_pem_block(ByteView text, std::string_view label, SecureBytes& der) {
  // With no label, "-----BEGIN " starts any block.
  const std::array<std::string_view, 1> labels = {label};
  const Block b = find_block(as_text(text), 0, labels);
  if (b.found == Found::none) return GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR;
  if (b.found == Found::broken) return GNUTLS_E_BASE64_DECODING_ERROR;
  der = b.der;
  return 0;
}

int read_pem_blocks(ByteView text, std::string_view label, std::vector<SecureBytes>& out) {
  const std::array<std::string_view, 1> labels = {label};
  for (size_t from = 0;;) {
    const Block b = find_block(as_text(text), from, labels);
    if (b.found == Found::none) return 0;
    if (b.found == Found::broken) return GNUTLS_E_BASE64_DECODING_ERROR;
    out.push_back(b.der);
    from = b.next;
  }
}

}  // namespace coda::compat
