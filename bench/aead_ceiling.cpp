// One EVP context for the whole run, a fresh nonce per buffer as TLS 1.3
// would use (the record sequence number XORed into the IV), and the tag
// taken per buffer: the work a record layer cannot avoid.
#include "aead_ceiling.hpp"

#include <openssl/evp.h>

#include <cstring>
#include <stdexcept>
#include <vector>

#include "clocks.hpp"

namespace bench {

double evp_aead_mbps(Cipher cipher, int mib) {
  const EVP_CIPHER* alg = cipher == Cipher::aes128gcm   ? EVP_aes_128_gcm()
                          : cipher == Cipher::aes256gcm ? EVP_aes_256_gcm()
                                                        : EVP_chacha20_poly1305();
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  if (ctx == nullptr) throw std::runtime_error("EVP_CIPHER_CTX_new");
  unsigned char key[32] = {1, 2, 3};
  unsigned char iv[12] = {4, 5, 6};
  unsigned char tag[16];
  std::vector<unsigned char> in(kRecordBytes, 0x5a), out(kRecordBytes + 16);
  const long pieces = static_cast<long>(mib) * 1024 * 1024 / kRecordBytes;
  bool ok = EVP_EncryptInit_ex(ctx, alg, nullptr, key, iv) == 1;
  const double start = cpu_now_us();
  for (long i = 0; ok && i < pieces; ++i) {
    std::memcpy(iv + 4, &i, sizeof i);
    int n = 0, fin = 0;
    ok = EVP_EncryptInit_ex(ctx, nullptr, nullptr, nullptr, iv) == 1 &&
         EVP_EncryptUpdate(ctx, out.data(), &n, in.data(), kRecordBytes) == 1 &&
         EVP_EncryptFinal_ex(ctx, out.data() + n, &fin) == 1 &&
         EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag) == 1;
  }
  const double elapsed = cpu_now_us() - start;
  EVP_CIPHER_CTX_free(ctx);
  if (!ok) throw std::runtime_error("EVP AEAD failed");
  return static_cast<double>(pieces) * kRecordBytes / elapsed;  // bytes per µs = MB/s
}

}  // namespace bench
