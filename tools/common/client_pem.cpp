#include "common/client_pem.hpp"

#include "base/pem.hpp"

namespace coda::tools {

std::string pem_certificate(ByteView der) {
  const SecureBytes pem = pem_encode("CERTIFICATE", der);
  return std::string(pem.begin(), pem.end());
}

}  // namespace coda::tools
