// Writes the seed corpora of the fuzz harnesses from Coda's own handshakes:
//   make_corpus OUT_DIR      (OUT_DIR = tests/fuzz/corpus; its output is
//                             committed, so this runs only when seeds change)
// Every engine variant of fuzz_common.hpp runs a whole handshake in memory
// with the harnesses' configs and seeds, then data both ways, a KeyUpdate
// (TLS 1.3) and close_notify both ways. The bytes each side received become
// the other role's seeds (they replay byte for byte: same seeds, Ed25519
// signatures), the handshake messages seen become the message and reader
// seeds, and records sealed under the fixed keys the record seeds.
// ClientHellos of openssl and gnutls-cli come from capture_hellos.py;
// priority strings are text files written by hand.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "crypto/dh_params.hpp"
#include "crypto/ffdhe.hpp"
#include "crypto/random.hpp"
#include "crypto/x509.hpp"
#include "engine/connection.hpp"
#include "fuzz_common.hpp"
#include "handshake/messages.hpp"
#include "handshake/tls12_resumption.hpp"
#include "record/protection.hpp"

namespace {

using namespace coda;
namespace fs = std::filesystem;

fs::path out_dir;

void write(const std::string& harness, const std::string& name, uint8_t prefix, ByteView data,
           bool with_prefix = true) {
  const fs::path dir = out_dir / harness;
  fs::create_directories(dir);
  std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
  if (with_prefix) out.put(static_cast<char>(prefix));
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
}

// Moves a's output into b; false when b fails.
bool move(Connection& a, Connection& b, Bytes& log) {
  const ByteView out = a.pending_output();
  const Bytes copy(out.begin(), out.end());
  a.consume_output(copy.size());
  append(log, copy);
  size_t at = 0;
  while (at < copy.size()) {
    auto used = b.receive(ByteView(copy).subspan(at));
    if (!used) return false;
    if (*used == 0) break;
    at += *used;
  }
  return true;
}

bool pump(Connection& c, Connection& s, Bytes& c2s, Bytes& s2c) {
  for (int i = 0; i < 50; ++i) {
    if (!move(c, s, c2s) || !move(s, c, s2c)) return false;
    if (c.pending_output().empty() && s.pending_output().empty()) return true;
  }
  return false;
}

// The messages harness's selector for a message of `type` (messages_fuzz.cpp).
int selector(uint8_t type, bool tls12, size_t body_size) {
  switch (type) {
    case 1:
      return 0;
    case 2:
      return 1;
    case 8:
      return 2;
    case 13:
      return tls12 ? 14 : 3;
    case 11:
      return tls12 ? 11 : 4;
    case 15:
      return 5;
    case 20:
      return tls12 ? 8 : (body_size == 48 ? 7 : 6);
    case 4:
      return tls12 ? 17 : 9;
    case 24:
      return 10;
    case 12:
      return 12;
    case 16:
      return 13;
    case 14:
      return 15;
    default:
      return -1;
  }
}

void engine_transcripts() {
  static const char* const kNames[] = {"both", "tls13_auth", "tls12", "tls13_hrr"};
  for (int variant = 0; variant < fuzz::kVariants; ++variant) {
    crypto::SeededRandom client_random(fuzz::kClientSeed);
    crypto::SeededRandom server_random(fuzz::kServerSeed);
    auto c = Connection::create(fuzz::engine_config(Role::client, variant, &client_random));
    auto s = Connection::create(fuzz::engine_config(Role::server, variant, &server_random));
    if (!c || !s) std::abort();
    Connection& client = *c.value();
    Connection& server = *s.value();
    std::map<std::string, Bytes> messages;  // type/direction -> message
    Bytes client_flights;                   // every message the client received
    Bytes server_flights;
    client.set_handshake_observer([&](uint8_t type, bool incoming, bool post, ByteView m) {
      if (post) return 0;
      messages[std::to_string(type) + (incoming ? "_s" : "_c")] = Bytes(m.begin(), m.end());
      if (incoming) append(client_flights, m);
      return 0;
    });
    server.set_handshake_observer([&](uint8_t, bool incoming, bool post, ByteView m) {
      if (!post && incoming) append(server_flights, m);
      return 0;
    });
    Bytes c2s, s2c;
    if (!pump(client, server, c2s, s2c) || !client.handshake_complete() ||
        !server.handshake_complete()) {
      std::fprintf(stderr, "variant %d: handshake failed\n", variant);
      std::exit(1);
    }
    const bool tls12 = variant == fuzz::kTls12;
    static const uint8_t hello[] = {'h', 'e', 'l', 'l', 'o'};
    if (!client.send(hello) || !server.send(hello)) std::abort();
    if (!tls12 && !client.update_keys(true)) std::abort();
    if (!pump(client, server, c2s, s2c)) std::abort();
    client.close_write();
    server.close_write();
    pump(client, server, c2s, s2c);

    // The first ClientHello was queued before the observers were set: take
    // it from the first record.
    const size_t first = 5 + ((size_t{c2s[3]} << 8) | c2s[4]);
    const Bytes hello_message(c2s.begin() + 5, c2s.begin() + static_cast<long>(first));
    server_flights.insert(server_flights.begin(), hello_message.begin(), hello_message.end());
    messages.emplace("1_c_first", hello_message);

    const std::string name = kNames[variant];
    for (const int mode : {0, 1, 7}) {
      const uint8_t control = static_cast<uint8_t>(mode | (variant << 3));
      const std::string suffix = name + "_chunk" + std::to_string(mode);
      write("server", suffix, control, c2s);
      write("client", suffix, control, s2c);
      write("handshake_reader", "from_server_" + suffix, static_cast<uint8_t>(mode),
            client_flights);
      write("handshake_reader", "from_client_" + suffix, static_cast<uint8_t>(mode),
            server_flights);
    }
    for (const auto& [key, m] : messages) {
      const ByteView body = ByteView(m).subspan(4);
      const int sel = selector(m[0], tls12, body.size());
      if (sel < 0) continue;
      write("messages", name + "_type" + key, static_cast<uint8_t>(sel), body);
      if (m[0] == 11 && tls12) write("x509", "certificate12_" + key, 2, body);
    }
  }
}

void record_seeds() {
  static const char* const kAlgNames[] = {"aes128", "aes256", "chacha"};
  const crypto::AeadAlg algs[] = {crypto::AeadAlg::aes128gcm, crypto::AeadAlg::aes256gcm,
                                  crypto::AeadAlg::chacha20poly1305};
  static const uint8_t finished[] = {20, 0, 0, 4, 1, 2, 3, 4};
  static const uint8_t data[] = {'G', 'E', 'T', ' ', '/'};
  static const uint8_t alert[] = {1, 0};
  for (int a = 0; a < 3; ++a) {
    for (const bool tls12 : {false, true}) {
      auto p =
          record::make_protection(tls12 ? ProtocolVersion::tls12 : ProtocolVersion::tls13, algs[a],
                                  fuzz::record_key(algs[a]), fuzz::record_iv(algs[a], tls12));
      if (!p) std::abort();
      Bytes records;
      const size_t padding = tls12 ? 0 : 7;
      if (!p.value()->seal(record::ContentType::handshake, finished, records, 0) ||
          !p.value()->seal(record::ContentType::application_data, data, records, padding) ||
          !p.value()->seal(record::ContentType::application_data, {}, records, 0) ||
          !p.value()->seal(record::ContentType::alert, alert, records, 0)) {
        std::abort();
      }
      const std::string name = std::string(tls12 ? "tls12_" : "tls13_") + kAlgNames[a];
      const uint8_t control = static_cast<uint8_t>(a | (tls12 ? 4 : 0));
      write("record", name + "_wire", control, records);
      write("record", name + "_wire_chunk1", static_cast<uint8_t>(control | (1 << 4)), records);
      // Plaintext mode: entries (type, u16 length, bytes).
      Bytes entries = {22, 0, sizeof(finished)};
      append(entries, finished);
      if (tls12) {
        entries.insert(entries.end(), {23, 0, 5, 'h', 'e', 'l', 'l', 'o', 21, 0, 2, 1, 0});
      } else {
        entries.insert(entries.end(), {23, 0, 9, 'h', 'e', 'l', 'l', 'o', 23, 0, 0, 0});
        entries.insert(entries.end(), {23, 0, 3, 0, 0, 0});  // no content type
      }
      write("record", name + "_plain", static_cast<uint8_t>(control | 8), entries);
    }
  }
}

// 0-RTT with the ticket of `session` (its server takes early data): the
// client bytes of a resumed handshake with early data (the clock and
// ticket key are the harness's, so the ticket opens), for the server
// harness, in three variants: taken (kBothVersions), refused and skipped
// under the handshake keys (kTls13, whose server does not take it), and
// refused after a HelloRetryRequest (kTls13Hrr: every application_data
// record before the second ClientHello skipped).
void early_data_seeds(const std::shared_ptr<const ResumableSession>& session) {
  if (session->max_early_data == 0) std::abort();
  const std::pair<int, const char*> cases[] = {{fuzz::kBothVersions, "early_data_accepted"},
                                               {fuzz::kTls13, "early_data_skipped"},
                                               {fuzz::kTls13Hrr, "early_data_after_hrr"}};
  for (const auto& [variant, name] : cases) {
    crypto::SeededRandom client_random(fuzz::kClientSeed + 7);
    crypto::SeededRandom server_random(fuzz::kServerSeed);
    auto client_config = fuzz::engine_config(Role::client, variant, &client_random);
    client_config->resume = session;
    const std::string early = "GET /0-rtt HTTP/1.1\r\nHost: localhost\r\n\r\n";
    client_config->early_data.assign(early.begin(), early.end());
    auto c = Connection::create(client_config);
    auto s = Connection::create(fuzz::engine_config(Role::server, variant, &server_random));
    if (!c || !s) std::abort();
    Bytes c2s, s2c;
    if (!pump(*c.value(), *s.value(), c2s, s2c)) std::abort();
    const bool taken = variant == fuzz::kBothVersions;
    if (c.value()->info().early_data_accepted != taken || c.value()->info().early_data_sent == 0) {
      std::abort();
    }
    const auto prefix = static_cast<uint8_t>(variant << 3U);
    // The client harness has no session to resume: server seeds only.
    write("server", name, prefix, c2s);
  }
}

// TLS 1.3 resumption: a full handshake whose ticket the client keeps, then
// a resumed one. Seeds: the session data, the ticket and the ClientHello's
// pre_shared_key for the resumption harness; the resumed handshake's client
// bytes for the server harness (its key and clock are the same, so the
// ticket opens and the server resumes).
void resumption_seeds() {
  std::shared_ptr<const ResumableSession> session;
  for (int round = 0; round < 2; ++round) {
    crypto::SeededRandom client_random(fuzz::kClientSeed + static_cast<uint64_t>(round));
    crypto::SeededRandom server_random(fuzz::kServerSeed);
    auto client_config = fuzz::engine_config(Role::client, fuzz::kBothVersions, &client_random);
    client_config->resume = session;
    auto c = Connection::create(client_config);
    auto s =
        Connection::create(fuzz::engine_config(Role::server, fuzz::kBothVersions, &server_random));
    if (!c || !s) std::abort();
    Bytes c2s, s2c;
    if (!pump(*c.value(), *s.value(), c2s, s2c) || !c.value()->info().ticket) std::abort();
    if (round == 0) {
      session = c.value()->info().ticket;
      const SecureBytes data = session->serialize();
      write("resumption", "session_data", 0, data);
      write("resumption", "ticket", 2, session->ticket);
      continue;
    }
    if (!c.value()->info().resumed || !s.value()->info().resumed) std::abort();
    const size_t first = 5 + ((size_t{c2s[3]} << 8) | c2s[4]);
    auto ch = hs::ClientHello::parse(ByteView(c2s).subspan(9, first - 9));
    if (!ch || !ch->pre_shared_key) std::abort();
    write("resumption", "pre_shared_key", 1, *ch->pre_shared_key);
    for (const int mode : {0, 1}) {
      write("server", "resumed_chunk" + std::to_string(mode), static_cast<uint8_t>(mode), c2s);
    }
  }
  early_data_seeds(session);
}

// TLS 1.2 resumption: a full TLS 1.2 handshake (the server sends an RFC
// 5077 ticket), then one resumed from that ticket. Seeds: the session data,
// the ticket and the server's cache entry of the same session for the
// resumption harness; the resumed handshake's client bytes for the server
// harness (TLS 1.2 variant: same key and clock, so the ticket opens).
void resumption12_seeds() {
  std::shared_ptr<const ResumableSession12> session;
  for (int round = 0; round < 2; ++round) {
    crypto::SeededRandom client_random(fuzz::kClientSeed + static_cast<uint64_t>(round));
    crypto::SeededRandom server_random(fuzz::kServerSeed);
    auto client_config = fuzz::engine_config(Role::client, fuzz::kTls12, &client_random);
    client_config->resume12 = session;
    auto c = Connection::create(client_config);
    auto s = Connection::create(fuzz::engine_config(Role::server, fuzz::kTls12, &server_random));
    if (!c || !s) std::abort();
    Bytes c2s, s2c;
    if (!pump(*c.value(), *s.value(), c2s, s2c) || !c.value()->info().session12) std::abort();
    if (round == 0) {
      session = c.value()->info().session12;
      write("resumption", "session_data12", 3, session->serialize());
      write("resumption", "ticket12", 5, session->ticket);
      auto entry = hs::open_ticket12(
          session->ticket,
          hs::ticket_keys_at(*fuzz::ticket_key(), fuzz::kClockMs / 1000, Config{}.ticket_lifetime));
      if (!entry) std::abort();
      write("resumption", "cache_entry12", 4, entry->serialize());
      continue;
    }
    if (!c.value()->info().resumed || !s.value()->info().resumed) std::abort();
    for (const int mode : {0, 1}) {
      write("server", "resumed12_chunk" + std::to_string(mode),
            static_cast<uint8_t>(mode | (fuzz::kTls12 << 3)), c2s);
    }
  }
}

void x509_seeds() {
  for (const auto& [name, pem] :
       {std::pair{"server", fuzz::kServerCertPem}, std::pair{"ca", fuzz::kCaPem}}) {
    auto chain = crypto::Certificate::chain_from_pem(as_bytes(pem, std::strlen(pem)));
    if (!chain) std::abort();
    write("x509", std::string("der_") + name, 0, chain.value()[0].der());
  }
  std::string both = std::string(fuzz::kServerCertPem) + fuzz::kCaPem;
  write("x509", "pem_chain", 1, as_bytes(both.data(), both.size()));
  const crypto::FfdheGroup& group = crypto::kFfdheGroups[0];
  auto dh = crypto::DhParams::from_raw(group.prime, group.generator, group.key_bits);
  if (!dh) std::abort();
  write("x509", "dh_pkcs3_ffdhe2048", 6, dh->to_pkcs3());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s tests/fuzz/corpus\n", argv[0]);
    return 2;
  }
  out_dir = argv[1];
  engine_transcripts();
  record_seeds();
  x509_seeds();
  resumption_seeds();
  resumption12_seeds();
  std::printf("seeds written to %s\n", argv[1]);
  return 0;
}
