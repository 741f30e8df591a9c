#include "crypto/digest.hpp"

#include <openssl/evp.h>

#include <string>

#include "crypto/ossl.hpp"

namespace coda::crypto {

std::optional<Bytes> digest_by_name(std::string_view name, ByteView data) {
  const std::string n(name);
  EVP_MD* md = EVP_MD_fetch(nullptr, n.c_str(), nullptr);
  if (md == nullptr) {
    ossl::clear_errors();
    return std::nullopt;
  }
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  const int ok = EVP_Digest(data.data(), data.size(), out, &len, md, nullptr);
  EVP_MD_free(md);
  if (ok != 1) {
    ossl::clear_errors();
    return std::nullopt;
  }
  return Bytes(out, out + len);
}

}  // namespace coda::crypto
