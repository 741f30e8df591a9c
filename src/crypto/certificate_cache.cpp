#include "crypto/certificate_cache.hpp"

#include <climits>
#include <cstring>
#include <list>
#include <mutex>

namespace coda::crypto {

namespace {

// A small most-recently-used list: a process talks to few peers at once, and
// a miss costs only a parse. Certificates are public, so keeping them is safe.
constexpr size_t kEntries = 32;

struct Entry {
  std::shared_ptr<const Bytes> der;
  ossl::X509Ptr x509;
};

struct Cache {
  std::mutex lock;
  std::list<Entry> entries;  // most recently used first
};

Cache& cache() {
  static Cache* const instance = new Cache();  // never destroyed: used until exit
  return *instance;
}

ossl::X509Ptr share(X509* x) {
  X509_up_ref(x);
  return ossl::X509Ptr(x);
}

SharedCertificate share(const Entry& e) {
  return SharedCertificate{share(e.x509.get()), e.der};
}

}  // namespace

SharedCertificate parse_certificate_shared(ByteView der) {
  if (der.empty() || der.size() > static_cast<size_t>(LONG_MAX)) return {};
  Cache& c = cache();
  {
    std::lock_guard<std::mutex> held(c.lock);
    for (auto it = c.entries.begin(); it != c.entries.end(); ++it) {
      if (it->der->size() == der.size() &&
          std::memcmp(it->der->data(), der.data(), der.size()) == 0) {
        c.entries.splice(c.entries.begin(), c.entries, it);
        return share(*it);
      }
    }
  }
  const unsigned char* p = der.data();
  ossl::X509Ptr parsed(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  // Bytes after the certificate mean the encoding is not what the peer says.
  if (!parsed || p != der.data() + der.size()) {
    ossl::clear_errors();
    return {};
  }
  Entry entry{std::make_shared<const Bytes>(der.begin(), der.end()), std::move(parsed)};
  SharedCertificate result = share(entry);
  std::lock_guard<std::mutex> held(c.lock);
  c.entries.push_front(std::move(entry));
  if (c.entries.size() > kEntries) c.entries.pop_back();
  return result;
}

}  // namespace coda::crypto
