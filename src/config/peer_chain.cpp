#include "config/peer_chain.hpp"

namespace coda {

size_t peer_chain_size(const std::vector<crypto::Certificate>& chain) {
  size_t size = 0;
  for (const auto& cert : chain) size += 3 + cert.der().size();
  return size;
}

bool write_peer_chain(Writer& w, const std::vector<crypto::Certificate>& chain) {
  auto list = w.begin_vec24();
  bool ok = true;
  for (const auto& cert : chain) ok = ok && w.vec24(cert.der());
  return w.end(list) && ok;
}

Result<std::vector<crypto::Certificate>> read_peer_chain(Reader list) {
  std::vector<crypto::Certificate> chain;
  while (!list.empty()) {
    ByteView der;
    if (!list.vec24(der))
      return Error::make(ErrorKind::invalid_argument, "session data: bad chain");
    auto cert = crypto::Certificate::from_der(der);
    if (!cert) return Error::make(ErrorKind::invalid_argument, "session data: bad certificate");
    chain.push_back(std::move(*cert));
  }
  return chain;
}

}  // namespace coda
