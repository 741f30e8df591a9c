#include "crypto/hkdf.hpp"

#include <algorithm>
#include <cstdlib>

#include "crypto/ossl.hpp"

namespace coda::crypto {

namespace {

ByteView view(std::string_view s) {
  return as_bytes(s.data(), s.size());
}

}  // namespace

// RFC 5869 2.2: PRK = HMAC-Hash(salt, IKM); an absent salt is HashLen zeros.
SecureBytes hkdf_extract(HashAlg alg, ByteView salt, ByteView ikm) {
  SecureBytes zeros;
  if (salt.empty()) {
    zeros.assign(hash_length(alg), 0);
    salt = ByteView(zeros.data(), zeros.size());
  }
  ossl::Hmac mac(alg, salt);
  if (!mac.ok()) std::abort();
  mac.update(ikm);
  SecureBytes prk(hash_length(alg));
  mac.finish(prk.data());
  return prk;
}

// RFC 5869 2.3: T(i) = HMAC-Hash(PRK, T(i-1) | info | i), L <= 255*HashLen.
SecureBytes hkdf_expand(HashAlg alg, ByteView prk, ByteView info, size_t length) {
  const size_t hlen = hash_length(alg);
  // Asking for more than 255 blocks is a programming error, not peer input.
  if (length > 255 * hlen) std::abort();
  ossl::Hmac mac(alg, prk);
  if (!mac.ok()) std::abort();
  SecureBytes out(length);
  SecureBytes t(hlen);
  size_t done = 0;
  for (uint8_t i = 1; done < length; ++i) {
    if (i > 1) mac.update(ByteView(t.data(), t.size()));
    mac.update(info);
    mac.update(ByteView(&i, 1));
    mac.finish(t.data());
    const size_t n = std::min(hlen, length - done);
    std::copy_n(t.begin(), n, out.begin() + static_cast<std::ptrdiff_t>(done));
    done += n;
  }
  return out;
}

// RFC 8446 7.1: HkdfLabel = uint16 length || opaque label<7..255> ("tls13 " +
// Label) || opaque context<0..255>.
SecureBytes hkdf_expand_label(HashAlg alg, ByteView secret, std::string_view label,
                              ByteView context, size_t length) {
  static constexpr std::string_view kPrefix = "tls13 ";
  const size_t label_len = kPrefix.size() + label.size();
  if (label_len > 255 || context.size() > 255 || length > 0xFFFF) std::abort();
  Bytes info;
  info.reserve(2 + 1 + label_len + 1 + context.size());
  info.push_back(static_cast<uint8_t>(length >> 8));
  info.push_back(static_cast<uint8_t>(length));
  info.push_back(static_cast<uint8_t>(label_len));
  append(info, view(kPrefix));
  append(info, view(label));
  info.push_back(static_cast<uint8_t>(context.size()));
  append(info, context);
  return hkdf_expand(alg, secret, info, length);
}

// RFC 5246 5: PRF(secret, label, seed) = P_<hash>(secret, label + seed), with
// A(0) = label + seed, A(i) = HMAC(secret, A(i-1)) and
// P_hash = HMAC(secret, A(1) + label + seed) + HMAC(secret, A(2) + label + seed) + ...
SecureBytes tls12_prf(HashAlg alg, ByteView secret, std::string_view label, ByteView seed,
                      size_t length) {
  const size_t hlen = hash_length(alg);
  ossl::Hmac mac(alg, secret);
  if (!mac.ok()) std::abort();
  SecureBytes out(length);
  SecureBytes a(hlen);
  SecureBytes block(hlen);
  // A(1) = HMAC(secret, label + seed)
  mac.update(view(label));
  mac.update(seed);
  mac.finish(a.data());
  size_t done = 0;
  while (done < length) {
    mac.update(ByteView(a.data(), a.size()));
    mac.update(view(label));
    mac.update(seed);
    mac.finish(block.data());
    const size_t n = std::min(hlen, length - done);
    std::copy_n(block.begin(), n, out.begin() + static_cast<std::ptrdiff_t>(done));
    done += n;
    if (done < length) {
      mac.update(ByteView(a.data(), a.size()));
      mac.finish(a.data());
    }
  }
  return out;
}

}  // namespace coda::crypto
