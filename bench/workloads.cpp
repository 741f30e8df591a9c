// The table of workloads. The amounts are sized so a full run takes a few
// minutes on a 2-core machine and --quick a few seconds.
#include "workloads.hpp"

namespace bench {

const std::vector<Workload>& all_workloads() {
  static const std::vector<Workload> table = [] {
    std::vector<Workload> t;
    auto hs = [&](const char* id, const char* title, CertKind cert, bool tls12, Group group,
                  int full_work, Kind kind = Kind::handshake) {
      Workload w{id, title, kind, cert, tls12, group};
      w.full_work = full_work;
      w.quick_work = 5;
      w.full_rounds = 11;
      t.push_back(w);
    };
    hs("hs13_x25519_ecdsa", "TLS 1.3 full handshake, x25519, ECDSA P-256", CertKind::ecdsa_p256,
       false, Group::x25519, 200);
    hs("hs13_x25519_rsa2048", "TLS 1.3 full handshake, x25519, RSA-2048", CertKind::rsa_2048, false,
       Group::x25519, 60);
    hs("hs13_secp256r1_ecdsa", "TLS 1.3 full handshake, secp256r1, ECDSA P-256",
       CertKind::ecdsa_p256, false, Group::secp256r1, 200);
    hs("hs13_x25519_chain", "TLS 1.3 full handshake, x25519, leaf + intermediate",
       CertKind::ecdsa_chain, false, Group::x25519, 200);
    hs("hs12_ecdhe_ecdsa_aes128gcm", "TLS 1.2 full handshake, ECDHE-ECDSA-AES128-GCM, x25519",
       CertKind::ecdsa_p256, true, Group::x25519, 200);

    hs("hs13_resumed", "TLS 1.3 resumed handshake, x25519 (psk_dhe_ke)", CertKind::ecdsa_p256,
       false, Group::x25519, 300, Kind::resumed);

    auto bulk = [&](const char* id, const char* title, Cipher cipher) {
      Workload w{id, title, Kind::bulk_socket};
      w.cipher = cipher;
      w.full_work = 256;  // MiB per round
      w.quick_work = 4;
      w.full_rounds = 7;
      t.push_back(w);
    };
    bulk("bulk_aes128gcm", "Bulk over a socketpair, TLS 1.3 AES-128-GCM", Cipher::aes128gcm);
    bulk("bulk_aes256gcm", "Bulk over a socketpair, TLS 1.3 AES-256-GCM", Cipher::aes256gcm);
    bulk("bulk_chacha20", "Bulk over a socketpair, TLS 1.3 ChaCha20-Poly1305",
         Cipher::chacha20poly1305);

    auto records = [&](const char* id, const char* title, Cipher cipher) {
      Workload w{id, title, Kind::records_memory};
      w.cipher = cipher;
      w.full_work = 256;  // MiB per round
      w.quick_work = 4;
      w.full_rounds = 7;
      t.push_back(w);
    };
    records("records_aes128gcm", "16 KiB records in memory, AES-128-GCM", Cipher::aes128gcm);
    records("records_aes256gcm", "16 KiB records in memory, AES-256-GCM", Cipher::aes256gcm);
    records("records_chacha20", "16 KiB records in memory, ChaCha20-Poly1305",
            Cipher::chacha20poly1305);

    Workload idle{"memory_sessions", "Heap per session (TLS 1.3, x25519, ECDSA)",
                  Kind::memory_idle};
    idle.full_work = 1000;  // sessions open at once
    idle.quick_work = 20;
    idle.full_rounds = 3;
    t.push_back(idle);

    Workload allocs{"allocs_connection", "Allocations per connection, peak heap per pair",
                    Kind::allocs};
    allocs.full_work = 50;
    allocs.quick_work = 3;
    allocs.full_rounds = 3;
    t.push_back(allocs);

    Workload per_record{"allocs_record", "Allocations per 16 KiB record", Kind::allocs_record};
    per_record.full_work = 1000;  // records
    per_record.quick_work = 20;
    per_record.full_rounds = 3;
    t.push_back(per_record);

    Workload close{"close_rdwr", "Full close (bye RDWR / SSL_shutdown both ways)", Kind::close};
    close.full_work = 200;
    close.quick_work = 5;
    close.full_rounds = 11;
    t.push_back(close);
    return t;
  }();
  return table;
}

const Workload* find_workload(const std::string& id) {
  for (const auto& w : all_workloads()) {
    if (id == w.id) return &w;
  }
  return nullptr;
}

}  // namespace bench
