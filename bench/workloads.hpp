// The workloads every stack runs, described once. The GnuTLS-API workload
// (gnutls_api_workload.cpp) and the libssl one (openssl_workload.cpp) each
// implement run_workload for the same table, so a row of the report compares
// the same thing on all three stacks.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "certs.hpp"

namespace bench {

enum class Kind {
  handshake,       // full handshakes: pair CPU, client CPU, wall per pair
  resumed,         // resumed TLS 1.3 handshakes from a ticket
  bulk_socket,     // one connection over a socketpair, a thread a side, MB/s
  records_memory,  // 16 KiB records through memory, one thread, CPU MB/s per side
  memory_idle,     // heap per session, idle and after traffic
  allocs,          // malloc calls per connection, peak heap in one handshake pair
  allocs_record,   // malloc calls per record
  close,           // bye both ways, CPU per pair
};

enum class Group { x25519, secp256r1 };
enum class Cipher { aes128gcm, aes256gcm, chacha20poly1305 };

struct Workload {
  const char* id;
  const char* title;
  Kind kind;
  CertKind cert = CertKind::ecdsa_p256;
  bool tls12 = false;
  Group group = Group::x25519;
  Cipher cipher = Cipher::aes128gcm;
  // Work per round: handshakes or sessions or MiB, in a full run and in --quick.
  int full_work = 0;
  int quick_work = 0;
  int full_rounds = 0;
  int quick_rounds = 1;
};

const std::vector<Workload>& all_workloads();
const Workload* find_workload(const std::string& id);

// What one round of a workload measured, in report order. Names end in their
// unit (_us, _mbps, _kb, _calls).
using Metrics = std::vector<std::pair<std::string, double>>;

// The size of every application write of the bulk and record workloads.
inline constexpr int kRecordBytes = 16 * 1024;

// Run one round on the stack this file implements; throws std::runtime_error
// with the reason on any failure (a handshake error, a wrong byte).
// What a handshake workload reports: CPU of the pair and of each side, and
// wall time, per handshake.
inline Metrics handshake_metrics(double client_cpu, double server_cpu, double wall, int count) {
  return {{"pair_cpu_us", (client_cpu + server_cpu) / count},
          {"client_cpu_us", client_cpu / count},
          {"server_cpu_us", server_cpu / count},
          {"pair_wall_us", wall / count}};
}

Metrics run_gnutls_api_workload(const Workload& w, int work, const std::string& pki_dir);
Metrics run_openssl_workload(const Workload& w, int work, const std::string& pki_dir);

}  // namespace bench
