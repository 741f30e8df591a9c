#include "record/protection.hpp"

namespace coda::record {

Result<std::unique_ptr<Protection>> make_protection12(crypto::AeadAlg, ByteView, ByteView) {
  return Error::make(ErrorKind::not_supported, "TLS 1.2 record protection is not implemented yet");
}

}  // namespace coda::record
