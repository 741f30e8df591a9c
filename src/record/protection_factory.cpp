#include "record/protection.hpp"

namespace coda::record {

Result<std::unique_ptr<Protection>> make_protection(ProtocolVersion version, crypto::AeadAlg alg,
                                                    ByteView key, ByteView iv) {
  switch (version) {
    case ProtocolVersion::tls13: {
      CODA_ASSIGN(auto protection, Protection13::create(alg, key, iv));
      return std::unique_ptr<Protection>(new Protection13(std::move(protection)));
    }
    case ProtocolVersion::tls12:
      return make_protection12(alg, key, iv);
    default:
      return Error::make(ErrorKind::not_supported, "no record protection for this version");
  }
}

}  // namespace coda::record
