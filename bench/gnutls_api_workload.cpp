// The workloads through the GnuTLS C API. Compiled against the system's
// GnuTLS headers and linked to libgnutls.so.30 by soname, so the same object
// code runs on the real GnuTLS or on Coda, whichever library the process
// loaded (child.cpp checks which).
#include <gnutls/gnutls.h>
#include <malloc.h>
#include <sys/socket.h>
#include <unistd.h>

#include <barrier>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

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

[[noreturn]] void fail(const std::string& what, int rc) {
  throw std::runtime_error(what + ": " + gnutls_strerror(rc) + " (" + std::to_string(rc) + ")");
}

void check(int rc, const char* what) {
  if (rc < 0) fail(what, rc);
}

struct Credentials {
  gnutls_certificate_credentials_t server = nullptr;
  gnutls_certificate_credentials_t client = nullptr;
};

// Credentials are made once per process, as a server or client program would:
// the per-connection cost is what the workloads measure.
const Credentials& credentials_for(CertKind kind, const std::string& pki_dir) {
  static std::map<CertKind, Credentials> cache;
  auto it = cache.find(kind);
  if (it != cache.end()) return it->second;
  const Credential pem = load_credential(pki_dir, kind);
  auto datum = [](const std::string& s) {
    return gnutls_datum_t{reinterpret_cast<unsigned char*>(const_cast<char*>(s.data())),
                          static_cast<unsigned>(s.size())};
  };
  Credentials c;
  check(gnutls_certificate_allocate_credentials(&c.server), "allocate server credentials");
  const gnutls_datum_t chain = datum(pem.chain_pem), key = datum(pem.key_pem);
  check(gnutls_certificate_set_x509_key_mem(c.server, &chain, &key, GNUTLS_X509_FMT_PEM),
        "server certificate");
  check(gnutls_certificate_allocate_credentials(&c.client), "allocate client credentials");
  const gnutls_datum_t ca = datum(pem.ca_pem);
  if (gnutls_certificate_set_x509_trust_mem(c.client, &ca, GNUTLS_X509_FMT_PEM) != 1) {
    throw std::runtime_error("client trust: the CA was not loaded");
  }
  return cache.emplace(kind, c).first->second;
}

std::string priority_string(const Workload& w) {
  std::string p = "NORMAL:-VERS-ALL:";
  p += w.tls12 ? "+VERS-TLS1.2" : "+VERS-TLS1.3";
  p += ":-CIPHER-ALL:";
  p += w.cipher == Cipher::aes128gcm   ? "+AES-128-GCM"
       : w.cipher == Cipher::aes256gcm ? "+AES-256-GCM"
                                       : "+CHACHA20-POLY1305";
  p += ":-GROUP-ALL:";
  // As for OpenSSL: TLS 1.2 lists the certificate's curve too, after X25519.
  p += w.group == Group::secp256r1 ? "+GROUP-SECP256R1"
       : w.tls12                   ? "+GROUP-X25519:+GROUP-SECP256R1"
                                   : "+GROUP-X25519";
  if (w.tls12) p += ":-KX-ALL:+ECDHE-ECDSA";
  return p;
}

// Thread-safe: the bulk workload's two threads both look their priority up.
gnutls_priority_t priority_for(const Workload& w) {
  static std::mutex lock;
  static std::map<std::string, gnutls_priority_t> cache;
  const std::lock_guard<std::mutex> held(lock);
  const std::string text = priority_string(w);
  auto it = cache.find(text);
  if (it != cache.end()) return it->second;
  gnutls_priority_t p = nullptr;
  const char* err = nullptr;
  const int rc = gnutls_priority_init(&p, text.c_str(), &err);
  if (rc < 0) fail("priority " + text + " at '" + (err ? err : "") + "'", rc);
  return cache.emplace(text, p).first->second;
}

gnutls_cipher_algorithm_t cipher_id(Cipher c) {
  return c == Cipher::aes128gcm   ? GNUTLS_CIPHER_AES_128_GCM
         : c == Cipher::aes256gcm ? GNUTLS_CIPHER_AES_256_GCM
                                  : GNUTLS_CIPHER_CHACHA20_POLY1305;
}

// One side's end of a MemoryLink, handed to GnuTLS as the transport pointer.
struct Endpoint {
  gnutls_session_t session = nullptr;
  MemoryPipe* in = nullptr;
  MemoryPipe* out = nullptr;
};

ssize_t memory_push(gnutls_transport_ptr_t ptr, const void* data, size_t n) {
  static_cast<Endpoint*>(ptr)->out->write(data, n);
  return static_cast<ssize_t>(n);
}

ssize_t memory_pull(gnutls_transport_ptr_t ptr, void* data, size_t n) {
  auto* e = static_cast<Endpoint*>(ptr);
  const size_t got = e->in->read(data, n);
  if (got == 0) {
    gnutls_transport_set_errno(e->session, EAGAIN);
    return -1;
  }
  return static_cast<ssize_t>(got);
}

// A client and a server session over memory. Not movable: the sessions hold
// pointers to its endpoints.
struct Pair {
  explicit Pair(size_t reserve) : link(reserve) {}
  Pair(const Pair&) = delete;
  Pair& operator=(const Pair&) = delete;
  ~Pair() {
    if (client.session) gnutls_deinit(client.session);
    if (server.session) gnutls_deinit(server.session);
  }
  MemoryLink link;
  Endpoint client;
  Endpoint server;
};

// Runs f as one side's call: its CPU time goes to acc, its allocations to side.
template <class F>
auto as_side(Side side, double& acc, F&& f) {
  SideScope scope(side);
  return cpu_timed(acc, std::forward<F>(f));
}

void attach(Endpoint& e, MemoryPipe& in, MemoryPipe& out) {
  e.in = &in;
  e.out = &out;
  gnutls_transport_set_ptr(e.session, &e);
  gnutls_transport_set_push_function(e.session, memory_push);
  gnutls_transport_set_pull_function(e.session, memory_pull);
}

// No tickets on either side: Coda sends none, and a ticket is work a full
// handshake benchmark should not charge to one stack only.
constexpr unsigned kMemoryFlags = GNUTLS_NONBLOCK | GNUTLS_NO_TICKETS;

void init_client(gnutls_session_t* s, const Workload& w, const Credentials& c, unsigned flags,
                 const char* verify_name = kHostname) {
  check(gnutls_init(s, GNUTLS_CLIENT | flags), "client init");
  check(gnutls_priority_set(*s, priority_for(w)), "client priority");
  check(gnutls_credentials_set(*s, GNUTLS_CRD_CERTIFICATE, c.client), "client credentials");
  check(gnutls_server_name_set(*s, GNUTLS_NAME_DNS, kHostname, std::strlen(kHostname)), "SNI");
  gnutls_session_set_verify_cert(*s, verify_name, 0);
}

void init_server(gnutls_session_t* s, const Workload& w, const Credentials& c, unsigned flags) {
  check(gnutls_init(s, GNUTLS_SERVER | flags), "server init");
  check(gnutls_priority_set(*s, priority_for(w)), "server priority");
  check(gnutls_credentials_set(*s, GNUTLS_CRD_CERTIFICATE, c.server), "server credentials");
}

void open_pair(Pair& p, const Workload& w, const Credentials& c, double& ccpu, double& scpu) {
  as_side(Side::client, ccpu, [&] {
    init_client(&p.client.session, w, c, kMemoryFlags);
    attach(p.client, p.link.to_client, p.link.to_server);
  });
  as_side(Side::server, scpu, [&] {
    init_server(&p.server.session, w, c, kMemoryFlags);
    attach(p.server, p.link.to_server, p.link.to_client);
  });
}

// Alternates the two sides' handshake calls until both are done.
void handshake(Pair& p, double& ccpu, double& scpu) {
  bool client_done = false, server_done = false;
  for (int turn = 0; turn < 100 && !(client_done && server_done); ++turn) {
    if (!client_done) {
      const int rc =
          as_side(Side::client, ccpu, [&] { return gnutls_handshake(p.client.session); });
      if (rc == 0) {
        client_done = true;
      } else if (rc != GNUTLS_E_AGAIN && rc != GNUTLS_E_INTERRUPTED) {
        fail("client handshake", rc);
      }
    }
    if (!server_done) {
      const int rc =
          as_side(Side::server, scpu, [&] { return gnutls_handshake(p.server.session); });
      if (rc == 0) {
        server_done = true;
      } else if (rc != GNUTLS_E_AGAIN && rc != GNUTLS_E_INTERRUPTED) {
        fail("server handshake", rc);
      }
    }
  }
  if (!(client_done && server_done)) throw std::runtime_error("handshake did not finish");
}

void check_negotiated(gnutls_session_t s, const Workload& w) {
  const auto want = w.tls12 ? GNUTLS_TLS1_2 : GNUTLS_TLS1_3;
  if (gnutls_protocol_get_version(s) != want) throw std::runtime_error("wrong protocol version");
  if (gnutls_cipher_get(s) != cipher_id(w.cipher)) throw std::runtime_error("wrong cipher");
  const auto group = w.group == Group::x25519 ? GNUTLS_GROUP_X25519 : GNUTLS_GROUP_SECP256R1;
  if (gnutls_group_get(s) != group) throw std::runtime_error("wrong group");
}

void close_session(Endpoint& e, Side side, double& acc) {
  as_side(side, acc, [&] { gnutls_deinit(e.session); });
  e.session = nullptr;
}

// Once per configuration and process: a client expecting another name must
// fail, or "verification on" would be a claim the numbers do not back.
void check_verification_is_on(const Workload& w, const Credentials& c) {
  Pair p(16 * 1024);
  double ccpu = 0, scpu = 0;
  init_client(&p.client.session, w, c, kMemoryFlags, "wrong.example");
  attach(p.client, p.link.to_client, p.link.to_server);
  init_server(&p.server.session, w, c, kMemoryFlags);
  attach(p.server, p.link.to_server, p.link.to_client);
  try {
    handshake(p, ccpu, scpu);
  } catch (const std::exception&) {
    return;
  }
  throw std::runtime_error("the client accepted a certificate for another name");
}

Metrics run_handshakes(const Workload& w, int count, const Credentials& c) {
  static std::map<std::string, bool> checked;
  if (!checked[w.id]) {
    check_verification_is_on(w, c);
    checked[w.id] = true;
  }
  double ccpu = 0, scpu = 0;
  const double wall_start = wall_now_us();
  for (int i = 0; i < count; ++i) {
    Pair p(16 * 1024);
    open_pair(p, w, c, ccpu, scpu);
    handshake(p, ccpu, scpu);
    check_negotiated(p.client.session, w);
    close_session(p.client, Side::client, ccpu);
    close_session(p.server, Side::server, scpu);
  }
  const double wall = wall_now_us() - wall_start;
  return handshake_metrics(ccpu, scpu, wall, count);
}

// Sends all of len, looping over short writes.
void send_all(gnutls_session_t s, const unsigned char* data, size_t len, const char* what) {
  while (len > 0) {
    const ssize_t n = gnutls_record_send(s, data, len);
    if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED) continue;
    if (n < 0) fail(what, static_cast<int>(n));
    data += n;
    len -= static_cast<size_t>(n);
  }
}

// One connection over a socketpair, a thread a side: the client sends mib
// MiB in 16 KiB writes, the server checks every byte.
Metrics run_bulk_socket(const Workload& w, int mib, const Credentials& c) {
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) throw std::runtime_error("socketpair");
  const std::uint64_t total = static_cast<std::uint64_t>(mib) * 1024 * 1024;
  std::barrier sync(3);
  std::string errors[2];

  // Each side: handshake, meet, transfer, meet. A side that fails shuts its
  // socket down so the other one's blocking call returns, and still meets.
  auto side = [&](int index) {
    const bool is_client = index == 0;
    gnutls_session_t s = nullptr;
    bool ok = true;
    try {
      if (is_client) {
        init_client(&s, w, c, GNUTLS_NO_TICKETS);
      } else {
        init_server(&s, w, c, GNUTLS_NO_TICKETS);
      }
      gnutls_transport_set_int(s, fds[index]);
      int rc;
      do {
        rc = gnutls_handshake(s);
      } while (rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED);
      check(rc, is_client ? "client handshake" : "server handshake");
      check_negotiated(s, w);
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
            send_all(s, buf.data(), buf.size(), "bulk send");
          }
        } else {
          StreamChecker checker;
          while (checker.received() < total) {
            const ssize_t n = gnutls_record_recv(s, buf.data(), buf.size());
            if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED) continue;
            if (n <= 0) fail("bulk recv", n == 0 ? GNUTLS_E_PREMATURE_TERMINATION : int(n));
            if (!checker.feed(buf.data(), static_cast<size_t>(n))) {
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
    if (s) gnutls_deinit(s);
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

// Records through memory in one thread, in batches of 16 so the clock is
// read rarely; the bytes are checked outside the timed calls.
Metrics run_records_memory(const Workload& w, int mib, const Credentials& c) {
  constexpr int kBatch = 16;
  Pair p(kBatch * (kRecordBytes + 256) * 2);
  double ccpu = 0, scpu = 0;
  open_pair(p, w, c, ccpu, scpu);
  handshake(p, ccpu, scpu);
  check_negotiated(p.client.session, w);
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
        send_all(p.client.session, out.data() + i * kRecordBytes, kRecordBytes, "record send");
      }
    });
    size_t got = 0;
    cpu_timed(scpu, [&] {
      while (got < in.size()) {
        const ssize_t n = gnutls_record_recv(p.server.session, in.data() + got, in.size() - got);
        if (n <= 0) fail("record recv", n == 0 ? GNUTLS_E_PREMATURE_TERMINATION : int(n));
        got += static_cast<size_t>(n);
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

// One 16 KiB record each way, each read to GNUTLS_E_AGAIN.
void exchange_record(Pair& p) {
  std::vector<unsigned char> buf(kRecordBytes);
  fill_chunk(buf.data(), 0);
  for (int dir = 0; dir < 2; ++dir) {
    gnutls_session_t from = dir == 0 ? p.client.session : p.server.session;
    gnutls_session_t to = dir == 0 ? p.server.session : p.client.session;
    send_all(from, buf.data(), buf.size(), "traffic send");
    StreamChecker checker;
    std::vector<unsigned char> in(kRecordBytes);
    for (;;) {
      const ssize_t n = gnutls_record_recv(to, in.data(), in.size());
      if (n == GNUTLS_E_AGAIN) break;
      if (n <= 0) fail("traffic recv", n == 0 ? GNUTLS_E_PREMATURE_TERMINATION : int(n));
      if (!checker.feed(in.data(), static_cast<size_t>(n)))
        throw std::runtime_error("traffic byte");
    }
    if (checker.received() != kRecordBytes) throw std::runtime_error("traffic: short record");
  }
}

// Heap per session from mallinfo2 deltas over `count` sessions open at once:
// the server sessions are freed first, so the drop is the server's share and
// the rest the client's.
Metrics run_memory_sessions(const Workload& w, int count, const Credentials& c) {
  Metrics m;
  for (int traffic = 0; traffic < 2; ++traffic) {
    std::vector<std::unique_ptr<Pair>> pairs;
    pairs.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) pairs.push_back(std::make_unique<Pair>(0));
    malloc_trim(0);
    const double before = heap_in_use();
    double ccpu = 0, scpu = 0;
    for (auto& p : pairs) {
      open_pair(*p, w, c, ccpu, scpu);
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

Metrics run_allocs(const Workload& w, int count, const Credentials& c) {
  double client_calls = 0, server_calls = 0, peak = 0;
  for (int i = 0; i < count; ++i) {
    Pair p(64 * 1024);
    double ccpu = 0, scpu = 0;
    alloc::reset();
    alloc::enable(true);
    open_pair(p, w, c, ccpu, scpu);
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

// Malloc calls per 16 KiB record, client sending and server reading: once
// reading each record with one call, once reading on to GNUTLS_E_AGAIN.
Metrics run_allocs_record(const Workload& w, int count, const Credentials& c) {
  Pair p(64 * 1024);
  double ccpu = 0, scpu = 0;
  open_pair(p, w, c, ccpu, scpu);
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
              [&] { send_all(p.client.session, out.data(), out.size(), "record send"); });
      SideScope scope(Side::server);
      size_t got = 0;
      while (got < in.size()) {
        const ssize_t n = gnutls_record_recv(p.server.session, in.data() + got, in.size() - got);
        if (n <= 0) fail("record recv", n == 0 ? GNUTLS_E_PREMATURE_TERMINATION : int(n));
        got += static_cast<size_t>(n);
      }
      if (read_to_again &&
          gnutls_record_recv(p.server.session, in.data(), in.size()) != GNUTLS_E_AGAIN) {
        throw std::runtime_error("record recv: no GNUTLS_E_AGAIN after the record");
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

// bye(RDWR) on both sides, alternating until both return 0. A close costs
// microseconds, about as much as a few reads of the CPU clock, so the clock
// is read once around all `count` closes, the handshakes done beforehand.
Metrics run_close(const Workload& w, int count, const Credentials& c) {
  std::vector<std::unique_ptr<Pair>> pairs;
  for (int i = 0; i < count; ++i) {
    pairs.push_back(std::make_unique<Pair>(4 * 1024));
    double hc = 0, hs = 0;
    open_pair(*pairs.back(), w, c, hc, hs);
    handshake(*pairs.back(), hc, hs);
  }
  auto bye = [](gnutls_session_t s, bool& done, const char* what) {
    if (done) return;
    const int rc = gnutls_bye(s, GNUTLS_SHUT_RDWR);
    if (rc == 0) {
      done = true;
    } else if (rc != GNUTLS_E_AGAIN) {
      fail(what, rc);
    }
  };
  double cpu = 0;
  cpu_timed(cpu, [&] {
    for (auto& p : pairs) {
      bool client_done = false, server_done = false;
      for (int turn = 0; turn < 10 && !(client_done && server_done); ++turn) {
        bye(p->client.session, client_done, "client bye");
        bye(p->server.session, server_done, "server bye");
      }
      if (!(client_done && server_done)) throw std::runtime_error("bye did not finish");
    }
  });
  return {{"pair_cpu_us", cpu / count}};
}

// Resumed TLS 1.3 handshakes (RFC 8446 2.2): one full handshake gives the
// client a ticket (the server has a ticket key, as a GnuTLS server needs);
// then each operation is a new pair whose client offers that session and
// resumes, checked on both sides. The ticket's reading and its session data
// are not timed: the timed part is what a reconnecting client and its
// server do. Tickets are on for this workload only.
Metrics run_resumed(const Workload& w, int count, const Credentials& c) {
  static gnutls_datum_t ticket_key = {nullptr, 0};
  if (ticket_key.data == nullptr) {
    check(gnutls_session_ticket_key_generate(&ticket_key), "ticket key");
  }
  constexpr unsigned kFlags = GNUTLS_NONBLOCK;
  auto open = [&](Pair& p, const gnutls_datum_t* session, double& ccpu, double& scpu) {
    as_side(Side::client, ccpu, [&] {
      init_client(&p.client.session, w, c, kFlags);
      attach(p.client, p.link.to_client, p.link.to_server);
      if (session != nullptr)
        check(gnutls_session_set_data(p.client.session, session->data, session->size),
              "client set_data");
    });
    as_side(Side::server, scpu, [&] {
      init_server(&p.server.session, w, c, kFlags);
      attach(p.server, p.link.to_server, p.link.to_client);
      check(gnutls_session_ticket_enable_server(p.server.session, &ticket_key),
            "server ticket key");
    });
  };
  // The first, full handshake, and the ticket it leaves with the client.
  gnutls_datum_t session = {nullptr, 0};
  {
    Pair p(32 * 1024);
    double ccpu = 0, scpu = 0;
    open(p, nullptr, ccpu, scpu);
    handshake(p, ccpu, scpu);
    unsigned char byte = 0;
    // Reading takes the tickets (E_AGAIN: nothing else came).
    for (int i = 0; i < 4; ++i) (void)gnutls_record_recv(p.client.session, &byte, 1);
    check(gnutls_session_get_data2(p.client.session, &session), "client get_data2");
    if (session.size <= 4) throw std::runtime_error("resumed: the client got no ticket");
  }
  double ccpu = 0, scpu = 0;
  const double wall_start = wall_now_us();
  for (int i = 0; i < count; ++i) {
    Pair p(32 * 1024);
    open(p, &session, ccpu, scpu);
    handshake(p, ccpu, scpu);
    if (!gnutls_session_is_resumed(p.client.session) ||
        !gnutls_session_is_resumed(p.server.session)) {
      throw std::runtime_error("resumed: the session was not resumed");
    }
    check_negotiated(p.client.session, w);
    close_session(p.client, Side::client, ccpu);
    close_session(p.server, Side::server, scpu);
  }
  const double wall = wall_now_us() - wall_start;
  gnutls_free(session.data);
  return handshake_metrics(ccpu, scpu, wall, count);
}

}  // namespace

Metrics run_gnutls_api_workload(const Workload& w, int work, const std::string& pki_dir) {
  const Credentials& c = credentials_for(w.cert, pki_dir);
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
  throw std::runtime_error(std::string("no GnuTLS-API workload for ") + w.id);
}

}  // namespace bench
