// The peer's certificate chain as the client's session data keeps it (TLS
// 1.3 and TLS 1.2 alike): a 24-bit list of DER certificates, each with a
// 24-bit length, so a resumed session can report the peer it had.
#pragma once

#include <cstddef>
#include <vector>

#include "base/reader.hpp"
#include "base/result.hpp"
#include "base/writer.hpp"
#include "crypto/x509.hpp"

namespace coda {

// The bytes the certificates take in the list, their length fields included.
size_t peer_chain_size(const std::vector<crypto::Certificate>& chain);
// Writes the whole list; false if it does not fit a 24-bit length.
bool write_peer_chain(Writer& w, const std::vector<crypto::Certificate>& chain);
// Reads the certificates of a list's contents (`list`, its length already
// taken): malformed on a bad length or a certificate that does not parse.
Result<std::vector<crypto::Certificate>> read_peer_chain(Reader list);

}  // namespace coda
