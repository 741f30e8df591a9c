// The workloads on OpenSSL's libssl: the same steps as the GnuTLS-API
// workload, in libssl's calls. In memory, a BIO of our own over the same
// MemoryPipe the GnuTLS push/pull callbacks use, so both stacks move bytes
// through the same code and neither is charged for the other's buffering.
#include <malloc.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <barrier>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>

#include "aead_ceiling.hpp"
#include "alloc_counter.hpp"
#include "clocks.hpp"
#include "memory_pipe.hpp"
#include "stream_check.hpp"
#include "workloads.hpp"

namespace bench {
namespace {

using alloc::Side;
using alloc::SideScope;

[[noreturn]] void fail(const std::string& what) {
  char buf[256] = "no OpenSSL error";
  if (const unsigned long e = ERR_get_error()) ERR_error_string_n(e, buf, sizeof buf);
  ERR_clear_error();
  throw std::runtime_error(what + ": " + buf);
}

void check(bool ok, const char* what) {
  if (!ok) fail(what);
}

std::vector<X509*> read_certs(const std::string& pem) {
  std::vector<X509*> certs;
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  while (X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) certs.push_back(x);
  ERR_clear_error();  // the end of the PEM text is reported as an error
  BIO_free(bio);
  if (certs.empty()) throw std::runtime_error("no certificate in PEM text");
  return certs;
}

const char* cipher_name(const Workload& w) {
  if (w.tls12) return "ECDHE-ECDSA-AES128-GCM-SHA256";
  return w.cipher == Cipher::aes128gcm   ? "TLS_AES_128_GCM_SHA256"
         : w.cipher == Cipher::aes256gcm ? "TLS_AES_256_GCM_SHA384"
                                         : "TLS_CHACHA20_POLY1305_SHA256";
}

struct Contexts {
  SSL_CTX* client = nullptr;
  SSL_CTX* server = nullptr;
};

void configure_common(SSL_CTX* ctx, const Workload& w, bool tickets) {
  const int version = w.tls12 ? TLS1_2_VERSION : TLS1_3_VERSION;
  check(SSL_CTX_set_min_proto_version(ctx, version) == 1, "min version");
  check(SSL_CTX_set_max_proto_version(ctx, version) == 1, "max version");
  if (w.tls12) {
    check(SSL_CTX_set_cipher_list(ctx, cipher_name(w)) == 1, "cipher list");
  } else {
    check(SSL_CTX_set_ciphersuites(ctx, cipher_name(w)) == 1, "ciphersuites");
  }
  // TLS 1.2 also needs the certificate's curve among the groups (RFC 8422
  // 5.1): P-256 comes after X25519, which the key exchange still uses.
  const char* groups = w.group == Group::secp256r1 ? "P-256" : w.tls12 ? "X25519:P-256" : "X25519";
  check(SSL_CTX_set1_groups_list(ctx, groups) == 1, "groups");
  // Tickets only for the resumed workload (a full-handshake benchmark should
  // not charge ticket work to any stack), and then the default cache mode,
  // without which OpenSSL's server takes no ticket back.
  if (tickets) return;
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
  SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
}

// Contexts are made once per process for each configuration, as a program
// would; the per-connection cost is what the workloads measure.
const Contexts& contexts_for(const Workload& w, const std::string& pki_dir) {
  static std::map<std::tuple<CertKind, bool, Group, Cipher, bool>, Contexts> cache;
  const bool tickets = w.kind == Kind::resumed;
  const auto config = std::make_tuple(w.cert, w.tls12, w.group, w.cipher, tickets);
  auto it = cache.find(config);
  if (it != cache.end()) return it->second;
  const Credential pem = load_credential(pki_dir, w.cert);
  Contexts c;

  c.server = SSL_CTX_new(TLS_server_method());
  check(c.server != nullptr, "server SSL_CTX_new");
  configure_common(c.server, w, tickets);
  // GnuTLS's and Coda's servers send two tickets; OpenSSL's default is two.
  SSL_CTX_set_num_tickets(c.server, tickets ? 2 : 0);
  std::vector<X509*> chain = read_certs(pem.chain_pem);
  check(SSL_CTX_use_certificate(c.server, chain[0]) == 1, "server certificate");
  for (size_t i = 1; i < chain.size(); ++i) {
    check(SSL_CTX_add1_chain_cert(c.server, chain[i]) == 1, "intermediate certificate");
  }
  for (X509* x : chain) X509_free(x);
  BIO* key_bio = BIO_new_mem_buf(pem.key_pem.data(), static_cast<int>(pem.key_pem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(key_bio, nullptr, nullptr, nullptr);
  BIO_free(key_bio);
  check(key != nullptr && SSL_CTX_use_PrivateKey(c.server, key) == 1, "server key");
  EVP_PKEY_free(key);

  c.client = SSL_CTX_new(TLS_client_method());
  check(c.client != nullptr, "client SSL_CTX_new");
  configure_common(c.client, w, tickets);
  SSL_CTX_set_verify(c.client, SSL_VERIFY_PEER, nullptr);
  for (X509* ca : read_certs(pem.ca_pem)) {
    check(X509_STORE_add_cert(SSL_CTX_get_cert_store(c.client), ca) == 1, "client trust");
    X509_free(ca);
  }
  return cache.emplace(config, c).first->second;
}

// One side's end of a MemoryLink, the data of its BIO.
struct Endpoint {
  SSL* ssl = nullptr;
  MemoryPipe* in = nullptr;
  MemoryPipe* out = nullptr;
};

int pipe_write(BIO* bio, const char* data, size_t n, size_t* written) {
  static_cast<Endpoint*>(BIO_get_data(bio))->out->write(data, n);
  *written = n;
  return 1;
}

int pipe_read(BIO* bio, char* data, size_t n, size_t* read) {
  BIO_clear_retry_flags(bio);
  const size_t got = static_cast<Endpoint*>(BIO_get_data(bio))->in->read(data, n);
  if (got == 0) {
    BIO_set_retry_read(bio);
    return 0;
  }
  *read = got;
  return 1;
}

long pipe_ctrl(BIO* bio, int cmd, long, void*) {
  switch (cmd) {
    case BIO_CTRL_FLUSH:
      return 1;
    case BIO_CTRL_PENDING:
      return static_cast<long>(static_cast<Endpoint*>(BIO_get_data(bio))->in->pending());
    default:
      return 0;
  }
}

int pipe_create(BIO* bio) {
  BIO_set_init(bio, 1);
  return 1;
}

BIO_METHOD* pipe_method() {
  static BIO_METHOD* method = [] {
    BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "bench pipe");
    BIO_meth_set_write_ex(m, pipe_write);
    BIO_meth_set_read_ex(m, pipe_read);
    BIO_meth_set_ctrl(m, pipe_ctrl);
    BIO_meth_set_create(m, pipe_create);
    return m;
  }();
  return method;
}

struct Pair {
  explicit Pair(size_t reserve) : link(reserve) {}
  Pair(const Pair&) = delete;
  Pair& operator=(const Pair&) = delete;
  ~Pair() {
    SSL_free(client.ssl);
    SSL_free(server.ssl);
  }
  MemoryLink link;
  Endpoint client;
  Endpoint server;
};

template <class F>
auto as_side(Side side, double& acc, F&& f) {
  SideScope scope(side);
  return cpu_timed(acc, std::forward<F>(f));
}

void attach(Endpoint& e, MemoryPipe& in, MemoryPipe& out) {
  e.in = &in;
  e.out = &out;
  BIO* bio = BIO_new(pipe_method());
  check(bio != nullptr, "BIO_new");
  BIO_set_data(bio, &e);
  SSL_set_bio(e.ssl, bio, bio);
}

SSL* new_client(const Contexts& c, const char* verify_name = kHostname) {
  SSL* ssl = SSL_new(c.client);
  check(ssl != nullptr, "client SSL_new");
  check(SSL_set_tlsext_host_name(ssl, kHostname) == 1, "SNI");
  check(SSL_set1_host(ssl, verify_name) == 1, "verify hostname");
  SSL_set_connect_state(ssl);
  return ssl;
}

SSL* new_server(const Contexts& c) {
  SSL* ssl = SSL_new(c.server);
  check(ssl != nullptr, "server SSL_new");
  SSL_set_accept_state(ssl);
  return ssl;
}

void open_pair(Pair& p, const Contexts& c, double& ccpu, double& scpu) {
  as_side(Side::client, ccpu, [&] {
    p.client.ssl = new_client(c);
    attach(p.client, p.link.to_client, p.link.to_server);
  });
  as_side(Side::server, scpu, [&] {
    p.server.ssl = new_server(c);
    attach(p.server, p.link.to_server, p.link.to_client);
  });
}

// True when the call may simply be made again later.
bool would_block(SSL* ssl, int rc) {
  const int err = SSL_get_error(ssl, rc);
  return err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE;
}

void handshake(Pair& p, double& ccpu, double& scpu) {
  bool client_done = false, server_done = false;
  for (int turn = 0; turn < 100 && !(client_done && server_done); ++turn) {
    if (!client_done) {
      const int rc = as_side(Side::client, ccpu, [&] { return SSL_do_handshake(p.client.ssl); });
      if (rc == 1) {
        client_done = true;
      } else if (!would_block(p.client.ssl, rc)) {
        fail("client handshake");
      }
    }
    if (!server_done) {
      const int rc = as_side(Side::server, scpu, [&] { return SSL_do_handshake(p.server.ssl); });
      if (rc == 1) {
        server_done = true;
      } else if (!would_block(p.server.ssl, rc)) {
        fail("server handshake");
      }
    }
  }
  if (!(client_done && server_done)) throw std::runtime_error("handshake did not finish");
}

void check_negotiated(SSL* ssl, const Workload& w) {
  if (SSL_version(ssl) != (w.tls12 ? TLS1_2_VERSION : TLS1_3_VERSION)) {
    throw std::runtime_error("wrong protocol version");
  }
  if (std::string(SSL_CIPHER_get_name(SSL_get_current_cipher(ssl))) != cipher_name(w)) {
    throw std::runtime_error("wrong cipher");
  }
  if (SSL_get_negotiated_group(ssl) !=
      (w.group == Group::x25519 ? NID_X25519 : NID_X9_62_prime256v1)) {
    throw std::runtime_error("wrong group");
  }
  if (SSL_get_verify_result(ssl) != X509_V_OK) throw std::runtime_error("peer not verified");
}

void close_session(Endpoint& e, Side side, double& acc) {
  as_side(side, acc, [&] { SSL_free(e.ssl); });
  e.ssl = nullptr;
}

// As in the GnuTLS-API workload: a client expecting another name must fail.
void check_verification_is_on(const Contexts& c) {
  Pair p(16 * 1024);
  double ccpu = 0, scpu = 0;
  p.client.ssl = new_client(c, "wrong.example");
  attach(p.client, p.link.to_client, p.link.to_server);
  p.server.ssl = new_server(c);
  attach(p.server, p.link.to_server, p.link.to_client);
  try {
    handshake(p, ccpu, scpu);
  } catch (const std::exception&) {
    return;
  }
  throw std::runtime_error("the client accepted a certificate for another name");
}

Metrics run_handshakes(const Workload& w, int count, const Contexts& c) {
  static std::map<std::string, bool> checked;
  if (!checked[w.id]) {
    check_verification_is_on(c);
    checked[w.id] = true;
  }
  double ccpu = 0, scpu = 0;
  const double wall_start = wall_now_us();
  for (int i = 0; i < count; ++i) {
    Pair p(16 * 1024);
    open_pair(p, c, ccpu, scpu);
    handshake(p, ccpu, scpu);
    check_negotiated(p.client.ssl, w);
    close_session(p.client, Side::client, ccpu);
    close_session(p.server, Side::server, scpu);
  }
  const double wall = wall_now_us() - wall_start;
  return handshake_metrics(ccpu, scpu, wall, count);
}

void write_all(SSL* ssl, const unsigned char* data, size_t len, const char* what) {
  while (len > 0) {
    size_t n = 0;
    const int rc = SSL_write_ex(ssl, data, len, &n);
    if (rc != 1) {
      if (would_block(ssl, rc)) continue;
      fail(what);
    }
    data += n;
    len -= n;
  }
}

// Reads up to len; 0 when the call would block, throws on an error or EOF.
size_t read_some(SSL* ssl, unsigned char* data, size_t len, const char* what) {
  size_t n = 0;
  const int rc = SSL_read_ex(ssl, data, len, &n);
  if (rc == 1) return n;
  if (SSL_get_error(ssl, rc) == SSL_ERROR_WANT_READ) return 0;
  fail(what);
}

Metrics run_bulk_socket(const Workload& w, int mib, const Contexts& c) {
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) throw std::runtime_error("socketpair");
  const std::uint64_t total = static_cast<std::uint64_t>(mib) * 1024 * 1024;
  std::barrier sync(3);
  std::string errors[2];

  // As in the GnuTLS-API workload: a side that fails shuts its socket down
  // so the other side's blocking call returns, and still meets the barriers.
  auto side = [&](int index) {
    const bool is_client = index == 0;
    SSL* ssl = nullptr;
    bool ok = true;
    try {
      ssl = is_client ? new_client(c) : new_server(c);
      check(SSL_set_fd(ssl, fds[index]) == 1, "SSL_set_fd");
      int rc;
      while ((rc = SSL_do_handshake(ssl)) != 1) {
        if (!would_block(ssl, rc)) fail(is_client ? "client handshake" : "server handshake");
      }
      check_negotiated(ssl, w);
    } catch (const std::exception& e) {
      errors[index] = e.what();
      ok = false;
      shutdown(fds[index], SHUT_RDWR);
    }
    sync.arrive_and_wait();
    try {
      if (ok && errors[1 - index].empty()) {
        std::vector<unsigned char> buf(kRecordBytes);
        if (is_client) {
          for (std::uint64_t k = 0; k * kRecordBytes < total; ++k) {
            fill_chunk(buf.data(), k);
            write_all(ssl, buf.data(), buf.size(), "bulk write");
          }
        } else {
          StreamChecker checker;
          while (checker.received() < total) {
            const size_t n = read_some(ssl, buf.data(), buf.size(), "bulk read");
            if (!checker.feed(buf.data(), n)) {
              throw std::runtime_error("bulk: wrong byte at offset " +
                                       std::to_string(checker.received()));
            }
          }
        }
      }
    } catch (const std::exception& e) {
      errors[index] = e.what();
      shutdown(fds[index], SHUT_RDWR);
    }
    sync.arrive_and_wait();
    SSL_free(ssl);
  };

  std::thread client(side, 0), server(side, 1);
  sync.arrive_and_wait();
  const double wall0 = wall_now_us(), cpu0 = cpu_now_us();
  sync.arrive_and_wait();
  const double wall = wall_now_us() - wall0, cpu = cpu_now_us() - cpu0;
  client.join();
  server.join();
  close(fds[0]);
  close(fds[1]);
  for (const auto& e : errors) {
    if (!e.empty()) throw std::runtime_error(e);
  }
  const double bytes = static_cast<double>(total);
  return {{"wall_mbps", bytes / wall},
          {"cpu_mbps", bytes / cpu},
          {"evp_ceiling_mbps", evp_aead_mbps(w.cipher, mib)}};
}

Metrics run_records_memory(const Workload& w, int mib, const Contexts& c) {
  constexpr int kBatch = 16;
  Pair p(kBatch * (kRecordBytes + 256) * 2);
  double ccpu = 0, scpu = 0;
  open_pair(p, c, ccpu, scpu);
  handshake(p, ccpu, scpu);
  check_negotiated(p.client.ssl, w);
  ccpu = scpu = 0;
  std::vector<unsigned char> out(static_cast<size_t>(kBatch) * kRecordBytes);
  std::vector<unsigned char> in(out.size());
  StreamChecker checker;
  const long batches = static_cast<long>(mib) * 1024 * 1024 / (kBatch * kRecordBytes);
  std::uint64_t chunk = 0;
  for (long b = 0; b < batches; ++b) {
    for (int i = 0; i < kBatch; ++i) fill_chunk(out.data() + i * kRecordBytes, chunk++);
    cpu_timed(ccpu, [&] {
      for (int i = 0; i < kBatch; ++i) {
        write_all(p.client.ssl, out.data() + i * kRecordBytes, kRecordBytes, "record write");
      }
    });
    size_t got = 0;
    cpu_timed(scpu, [&] {
      while (got < in.size()) {
        const size_t n = read_some(p.server.ssl, in.data() + got, in.size() - got, "record read");
        if (n == 0) throw std::runtime_error("record read: would block inside the batch");
        got += n;
      }
    });
    if (!checker.feed(in.data(), got)) throw std::runtime_error("records: wrong byte");
  }
  const double bytes = static_cast<double>(batches) * kBatch * kRecordBytes;
  return {{"send_cpu_mbps", bytes / ccpu},
          {"recv_cpu_mbps", bytes / scpu},
          {"evp_ceiling_mbps", evp_aead_mbps(w.cipher, mib)}};
}

double heap_in_use() {
  const struct mallinfo2 mi = mallinfo2();
  return static_cast<double>(mi.uordblks + mi.hblkhd);
}

void exchange_record(Pair& p) {
  std::vector<unsigned char> buf(kRecordBytes);
  fill_chunk(buf.data(), 0);
  for (int dir = 0; dir < 2; ++dir) {
    SSL* from = dir == 0 ? p.client.ssl : p.server.ssl;
    SSL* to = dir == 0 ? p.server.ssl : p.client.ssl;
    write_all(from, buf.data(), buf.size(), "traffic write");
    StreamChecker checker;
    std::vector<unsigned char> in(kRecordBytes);
    while (const size_t n = read_some(to, in.data(), in.size(), "traffic read")) {
      if (!checker.feed(in.data(), n)) throw std::runtime_error("traffic byte");
    }
    if (checker.received() != kRecordBytes) throw std::runtime_error("traffic: short record");
  }
}

// As in the GnuTLS-API workload: mallinfo2 deltas, servers freed first.
Metrics run_memory_sessions(const Workload& w, int count, const Contexts& c) {
  Metrics m;
  for (int traffic = 0; traffic < 2; ++traffic) {
    std::vector<std::unique_ptr<Pair>> pairs;
    pairs.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) pairs.push_back(std::make_unique<Pair>(0));
    malloc_trim(0);
    const double before = heap_in_use();
    double ccpu = 0, scpu = 0;
    for (auto& p : pairs) {
      open_pair(*p, c, ccpu, scpu);
      handshake(*p, ccpu, scpu);
      if (traffic) exchange_record(*p);
      p->link.to_client.release();
      p->link.to_server.release();
    }
    const double opened = heap_in_use();
    for (auto& p : pairs) close_session(p->server, Side::server, scpu);
    const double servers_closed = heap_in_use();
    const std::string when = traffic ? "traffic_" : "idle_";
    m.push_back({when + "client_kib", (servers_closed - before) / count / 1024});
    m.push_back({when + "server_kib", (opened - servers_closed) / count / 1024});
  }
  return m;
}

Metrics run_allocs(const Workload& w, int count, const Contexts& c) {
  double client_calls = 0, server_calls = 0, peak = 0;
  for (int i = 0; i < count; ++i) {
    Pair p(64 * 1024);
    double ccpu = 0, scpu = 0;
    alloc::reset();
    alloc::enable(true);
    open_pair(p, c, ccpu, scpu);
    handshake(p, ccpu, scpu);
    close_session(p.client, Side::client, ccpu);
    close_session(p.server, Side::server, scpu);
    alloc::enable(false);
    const alloc::Counts counts = alloc::snapshot();
    client_calls += static_cast<double>(counts.calls[static_cast<int>(Side::client)]);
    server_calls += static_cast<double>(counts.calls[static_cast<int>(Side::server)]);
    peak += static_cast<double>(counts.peak_bytes);
  }
  return {{"client_allocs_calls", client_calls / count},
          {"server_allocs_calls", server_calls / count},
          {"peak_heap_pair_kib", peak / count / 1024}};
}

Metrics run_allocs_record(const Workload& w, int count, const Contexts& c) {
  Pair p(64 * 1024);
  double ccpu = 0, scpu = 0;
  open_pair(p, c, ccpu, scpu);
  handshake(p, ccpu, scpu);
  std::vector<unsigned char> out(kRecordBytes), in(kRecordBytes);
  StreamChecker checker;
  std::uint64_t chunk = 0;
  Metrics m;
  for (int pass = 0; pass < 3; ++pass) {
    // Pass 0 warms up buffers a stack allocates on first use; it is not reported.
    const bool warmup = pass == 0;
    const bool read_to_again = pass == 2;
    alloc::reset();
    alloc::enable(!warmup);
    for (int i = 0; i < (warmup ? 4 : count); ++i) {
      fill_chunk(out.data(), chunk++);
      as_side(Side::client, ccpu,
              [&] { write_all(p.client.ssl, out.data(), out.size(), "record write"); });
      SideScope scope(Side::server);
      size_t got = 0;
      while (got < in.size()) {
        const size_t n = read_some(p.server.ssl, in.data() + got, in.size() - got, "record read");
        if (n == 0) throw std::runtime_error("record read: would block inside a record");
        got += n;
      }
      if (read_to_again && read_some(p.server.ssl, in.data(), in.size(), "record read") != 0) {
        throw std::runtime_error("record read: data after the record");
      }
      if (!checker.feed(in.data(), got)) throw std::runtime_error("records: wrong byte");
    }
    alloc::enable(false);
    if (warmup) continue;
    const alloc::Counts counts = alloc::snapshot();
    const std::string mode = read_to_again ? "to_again" : "once";
    if (!read_to_again) {
      m.push_back({"send_allocs_calls", double(counts.calls[int(Side::client)]) / count});
    }
    m.push_back(
        {"recv_" + mode + "_allocs_calls", double(counts.calls[int(Side::server)]) / count});
  }
  return m;
}

// SSL_shutdown on both sides, alternating until both return 1 (close_notify
// sent and the peer's received: the same full close as bye(RDWR)); the clock
// read once around all `count` closes, as in the GnuTLS-API workload.
Metrics run_close(const Workload& w, int count, const Contexts& c) {
  std::vector<std::unique_ptr<Pair>> pairs;
  for (int i = 0; i < count; ++i) {
    pairs.push_back(std::make_unique<Pair>(4 * 1024));
    double hc = 0, hs = 0;
    open_pair(*pairs.back(), c, hc, hs);
    handshake(*pairs.back(), hc, hs);
  }
  auto shut = [](SSL* ssl, bool& done, const char* what) {
    if (done) return;
    const int rc = SSL_shutdown(ssl);
    if (rc == 1) {
      done = true;
    } else if (rc < 0 && !would_block(ssl, rc)) {
      fail(what);
    }
  };
  double cpu = 0;
  cpu_timed(cpu, [&] {
    for (auto& p : pairs) {
      bool client_done = false, server_done = false;
      for (int turn = 0; turn < 10 && !(client_done && server_done); ++turn) {
        shut(p->client.ssl, client_done, "client shutdown");
        shut(p->server.ssl, server_done, "server shutdown");
      }
      if (!(client_done && server_done)) throw std::runtime_error("shutdown did not finish");
    }
  });
  return {{"pair_cpu_us", cpu / count}};
}

// Resumed TLS 1.3 handshakes, as in the GnuTLS-API workload: a full
// handshake leaves the client a ticket; each operation is a new pair whose
// client offers that session and resumes, checked on both sides.
Metrics run_resumed(const Workload& w, int count, const Contexts& c) {
  SSL_SESSION* session = nullptr;
  {
    Pair p(32 * 1024);
    double ccpu = 0, scpu = 0;
    open_pair(p, c, ccpu, scpu);
    handshake(p, ccpu, scpu);
    unsigned char byte = 0;
    size_t n = 0;
    // Reading takes the tickets (nothing else came: WANT_READ).
    for (int i = 0; i < 4; ++i) (void)SSL_read_ex(p.client.ssl, &byte, 1, &n);
    session = SSL_get1_session(p.client.ssl);
    if (session == nullptr || SSL_SESSION_has_ticket(session) != 1) {
      throw std::runtime_error("resumed: the client got no ticket");
    }
    // Freed without a shutdown, OpenSSL marks the session not resumable.
    SSL_set_shutdown(p.client.ssl, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
  }
  double ccpu = 0, scpu = 0;
  const double wall_start = wall_now_us();
  for (int i = 0; i < count; ++i) {
    Pair p(32 * 1024);
    as_side(Side::client, ccpu, [&] {
      p.client.ssl = new_client(c);
      check(SSL_set_session(p.client.ssl, session) == 1, "client set session");
      attach(p.client, p.link.to_client, p.link.to_server);
    });
    as_side(Side::server, scpu, [&] {
      p.server.ssl = new_server(c);
      attach(p.server, p.link.to_server, p.link.to_client);
    });
    handshake(p, ccpu, scpu);
    if (SSL_session_reused(p.client.ssl) != 1 || SSL_session_reused(p.server.ssl) != 1) {
      throw std::runtime_error("resumed: the session was not resumed");
    }
    check_negotiated(p.client.ssl, w);
    SSL_set_shutdown(p.client.ssl, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    close_session(p.client, Side::client, ccpu);
    close_session(p.server, Side::server, scpu);
  }
  const double wall = wall_now_us() - wall_start;
  SSL_SESSION_free(session);
  return handshake_metrics(ccpu, scpu, wall, count);
}

}  // namespace

Metrics run_openssl_workload(const Workload& w, int work, const std::string& pki_dir) {
  const Contexts& c = contexts_for(w, pki_dir);
  switch (w.kind) {
    case Kind::handshake:
      return run_handshakes(w, work, c);
    case Kind::bulk_socket:
      return run_bulk_socket(w, work, c);
    case Kind::records_memory:
      return run_records_memory(w, work, c);
    case Kind::memory_idle:
      return run_memory_sessions(w, work, c);
    case Kind::allocs:
      return run_allocs(w, work, c);
    case Kind::allocs_record:
      return run_allocs_record(w, work, c);
    case Kind::close:
      return run_close(w, work, c);
    case Kind::resumed:
      return run_resumed(w, work, c);
  }
  throw std::runtime_error(std::string("no OpenSSL workload for ") + w.id);
}

}  // namespace bench
