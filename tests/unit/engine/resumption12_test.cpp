// TLS 1.2 resumption in memory (RFC 5246 7.3, RFC 5077, RFC 7627 5.3): the
// abbreviated handshake from the server's session cache and from a ticket,
// both roles, and every session the server must not take (damaged,
// truncated, expired, another key, another name, a corrupt cache entry)
// falling back to a full handshake.
#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "config/session12.hpp"
#include "support/malformed_support.hpp"
#include "support/memory_pair.hpp"
#include "support/test_keys.hpp"
#include "support/test_pki.hpp"

namespace coda {
namespace {

constexpr uint8_t kCertificateType = 11;
constexpr uint8_t kNewSessionTicketType = 4;

uint64_t wall_ms() {
  using namespace std::chrono;
  return static_cast<uint64_t>(
      duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

// A session cache in memory that counts its calls and can damage what it
// hands back.
struct MapCache final : SessionCache12 {
  std::map<Bytes, Bytes> entries;
  int stores = 0, retrieves = 0, hits = 0;
  // Applied to an entry on its way out.
  std::function<void(SecureBytes&)> damage;

  void store(ByteView id, ByteView entry) override {
    ++stores;
    entries[Bytes(id.begin(), id.end())] = Bytes(entry.begin(), entry.end());
  }
  std::optional<SecureBytes> retrieve(ByteView id) override {
    ++retrieves;
    auto it = entries.find(Bytes(id.begin(), id.end()));
    if (it == entries.end()) return std::nullopt;
    ++hits;
    SecureBytes out(it->second.begin(), it->second.end());
    if (damage) damage(out);
    return out;
  }
  void remove(ByteView id) override { entries.erase(Bytes(id.begin(), id.end())); }
};

struct Peers {
  std::shared_ptr<Config> client = std::make_shared<Config>();
  std::shared_ptr<Config> server = std::make_shared<Config>();
  std::shared_ptr<MapCache> cache = std::make_shared<MapCache>();

  // `cache`: the server keeps sessions by id; `tickets`: RFC 5077.
  Peers(bool cache_on, bool tickets) {
    client->role = Role::client;
    client->server_name = "localhost";
    client->trust = test::trust_store();
    client->min_version = client->max_version = ProtocolVersion::tls12;
    server->role = Role::server;
    server->min_version = ProtocolVersion::tls12;
    server->certificates.push_back(test::certified_key(test::TestKeyType::ecdsa_p256));
    if (cache_on) server->session_cache = cache;
    server->accept_tickets = tickets;
    server->ticket_key = std::make_shared<SecureBytes>(32, 0x42);
    client->fill_defaults();
    server->fill_defaults();
  }
};

struct Observed {
  int certificates = 0;
  int tickets_in = 0;
};

test::MemoryPair connect(const std::shared_ptr<const Config>& client,
                         const std::shared_ptr<const Config>& server, Observed* seen) {
  auto pair = test::make_pair(client, server);
  if (seen) {
    pair.client->set_handshake_observer([seen](uint8_t type, bool incoming, bool post, ByteView) {
      if (post && type == kCertificateType) ++seen->certificates;
      if (post && incoming && type == kNewSessionTicketType) ++seen->tickets_in;
      return 0;
    });
  }
  return pair;
}

std::shared_ptr<const ResumableSession12> first_session(const Peers& peers,
                                                        Observed* seen = nullptr) {
  auto pair = connect(peers.client, peers.server, seen);
  EXPECT_TRUE(pair.pump());
  EXPECT_TRUE(pair.client->handshake_complete());
  EXPECT_EQ(pair.client->info().version, ProtocolVersion::tls12);
  EXPECT_FALSE(pair.client->info().resumed);
  EXPECT_FALSE(pair.server->info().resumed);
  EXPECT_EQ(pair.client->info().session_id, pair.server->info().session_id);
  return pair.client->info().session12;
}

test::MemoryPair resume(const Peers& peers, std::shared_ptr<const ResumableSession12> session,
                        Observed* seen = nullptr, std::shared_ptr<const Config> server = nullptr) {
  auto client = std::make_shared<Config>(*peers.client);
  client->resume12 = std::move(session);
  auto pair = connect(client, server ? server : peers.server, seen);
  EXPECT_TRUE(pair.pump());
  return pair;
}

void expect_resumed(test::MemoryPair& pair, const Observed& seen) {
  ASSERT_TRUE(pair.client->handshake_complete());
  ASSERT_TRUE(pair.server->handshake_complete());
  EXPECT_TRUE(pair.client->info().resumed);
  EXPECT_TRUE(pair.server->info().resumed);
  EXPECT_TRUE(pair.server->info().resumption_offered);
  EXPECT_EQ(seen.certificates, 0);
  EXPECT_FALSE(pair.client->info().peer_chain.empty());
  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "ping"), "ping");
  EXPECT_EQ(pair.transfer(*pair.server, *pair.client, "pong"), "pong");
}

void expect_full(test::MemoryPair& pair, const Observed& seen) {
  EXPECT_FALSE(pair.client->error());
  EXPECT_FALSE(pair.server->error());
  ASSERT_TRUE(pair.client->handshake_complete());
  EXPECT_FALSE(pair.client->info().resumed);
  EXPECT_FALSE(pair.server->info().resumed);
  EXPECT_EQ(seen.certificates, 1);
  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "full"), "full");
}

TEST(Resumption12, ServerSendsASessionIdAndStoresTheSession) {
  Peers peers(/*cache=*/true, /*tickets=*/false);
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->session_id.size(), 32U);
  EXPECT_TRUE(session->ticket.empty());
  EXPECT_EQ(session->master_secret.size(), kMasterSecret12Length);
  EXPECT_EQ(peers.cache->stores, 1);
  ASSERT_EQ(peers.cache->entries.count(session->session_id), 1U);
  auto entry = ServerSession12::parse(peers.cache->entries.begin()->second);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->expires_s - entry->created_s, 21600U);
  EXPECT_EQ(entry->master_secret, session->master_secret);
}

TEST(Resumption12, ResumesBySessionId) {
  Peers peers(true, false);
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  Observed seen;
  auto pair = resume(peers, session, &seen);
  expect_resumed(pair, seen);
  EXPECT_EQ(pair.client->info().session_id, session->session_id);
  EXPECT_EQ(pair.client->info().cipher_suite, session->cipher_suite);
  EXPECT_EQ(peers.cache->hits, 1);
  EXPECT_EQ(peers.cache->stores, 1);  // a resumed session is not stored again
  // The resumed session resumes again.
  ASSERT_TRUE(pair.client->info().session12);
  Observed again_seen;
  auto again = resume(peers, pair.client->info().session12, &again_seen);
  expect_resumed(again, again_seen);
}

TEST(Resumption12, EverySuiteResumes) {
  for (CipherSuite suite :
       {CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256, CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384,
        CipherSuite::ecdhe_ecdsa_chacha20_poly1305_sha256}) {
    Peers peers(true, true);
    peers.client->cipher_suites = {suite};
    Observed seen;
    auto pair = resume(peers, first_session(peers), &seen);
    expect_resumed(pair, seen);
    EXPECT_EQ(pair.client->info().cipher_suite, suite);
  }
}

TEST(Resumption12, NoCacheNoTicketsIsAFullHandshake) {
  Peers peers(false, false);
  auto session = first_session(peers);
  ASSERT_TRUE(session);  // a session id came all the same
  Observed seen;
  auto pair = resume(peers, session, &seen);
  EXPECT_TRUE(pair.server->info().resumption_offered);
  expect_full(pair, seen);
}

TEST(Resumption12, ResumesByTicket) {
  Peers peers(false, true);
  Observed first_seen;
  auto session = first_session(peers, &first_seen);
  ASSERT_TRUE(session);
  EXPECT_EQ(first_seen.tickets_in, 1);
  EXPECT_FALSE(session->ticket.empty());
  Observed seen;
  auto pair = resume(peers, session, &seen);
  expect_resumed(pair, seen);
  EXPECT_EQ(seen.tickets_in, 0);  // as GnuTLS: no new ticket when resumed
  EXPECT_TRUE(pair.client->info().session12);
}

TEST(Resumption12, TicketIssuedMeansNotStored) {
  Peers peers(true, true);
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  EXPECT_EQ(peers.cache->stores, 0);
  Observed seen;
  auto pair = resume(peers, session, &seen);
  expect_resumed(pair, seen);
  EXPECT_EQ(peers.cache->retrieves, 1);  // the cache is asked first
}

TEST(Resumption12, ClientWithoutTicketsResumesById) {
  Peers peers(true, true);
  peers.client->tickets_enabled = false;
  Observed first_seen;
  auto session = first_session(peers, &first_seen);
  ASSERT_TRUE(session);
  EXPECT_EQ(first_seen.tickets_in, 0);
  EXPECT_EQ(peers.cache->stores, 1);
  Observed seen;
  auto pair = resume(peers, session, &seen);
  expect_resumed(pair, seen);
}

TEST(Resumption12, TamperedTicketFallsBack) {
  Peers peers(false, true);
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  for (size_t at : {size_t{0}, size_t{5}, session->ticket.size() / 2, session->ticket.size() - 1}) {
    auto bad = std::make_shared<ResumableSession12>(*session);
    bad->ticket[at] ^= 0x01;
    Observed seen;
    auto pair = resume(peers, bad, &seen);
    EXPECT_TRUE(pair.server->info().resumption_offered);
    expect_full(pair, seen);
  }
}

TEST(Resumption12, TruncatedTicketFallsBack) {
  Peers peers(false, true);
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  for (size_t n : {size_t{1}, size_t{13}, size_t{29}, session->ticket.size() - 1}) {
    auto bad = std::make_shared<ResumableSession12>(*session);
    bad->ticket.resize(n);
    Observed seen;
    auto pair = resume(peers, bad, &seen);
    expect_full(pair, seen);
  }
}

TEST(Resumption12, WrongTicketKeyFallsBack) {
  Peers peers(false, true);
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  auto other = std::make_shared<Config>(*peers.server);
  other->ticket_key = std::make_shared<SecureBytes>(32, 0x43);
  Observed seen;
  auto pair = resume(peers, session, &seen, other);
  expect_full(pair, seen);
}

TEST(Resumption12, ATls13TicketIsNoTls12Ticket) {
  // The same key seals both; the format byte keeps them apart.
  Peers peers(false, true);
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  auto bad = std::make_shared<ResumableSession12>(*session);
  bad->ticket[0] = 1;  // TLS 1.3's format
  Observed seen;
  auto pair = resume(peers, bad, &seen);
  expect_full(pair, seen);
}

TEST(Resumption12, ExpiredSessionFallsBack) {
  for (bool tickets : {false, true}) {
    Peers peers(!tickets, tickets);
    auto session = first_session(peers);
    ASSERT_TRUE(session);
    auto later = std::make_shared<Config>(*peers.server);
    later->clock_ms = [] { return wall_ms() + 21601ULL * 1000; };
    Observed seen;
    auto pair = resume(peers, session, &seen, later);
    expect_full(pair, seen);
    // Within the lifetime it resumes.
    auto sooner = std::make_shared<Config>(*peers.server);
    sooner->clock_ms = [] { return wall_ms() + 21500ULL * 1000; };
    Observed seen2;
    auto ok = resume(peers, session, &seen2, sooner);
    expect_resumed(ok, seen2);
  }
}

TEST(Resumption12, CorruptCacheEntryFallsBack) {
  Peers peers(true, false);
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  const size_t size = peers.cache->entries.begin()->second.size();
  for (size_t at : {size_t{0}, size_t{4}, size_t{30}, size / 2, size - 1}) {
    peers.cache->damage = [at](SecureBytes& e) { e[at] ^= 0x01; };
    Observed seen;
    auto pair = resume(peers, session, &seen);
    expect_full(pair, seen);
  }
  for (size_t n : {size_t{0}, size_t{3}, size_t{20}, size - 1}) {
    peers.cache->damage = [n](SecureBytes& e) { e.resize(n); };
    Observed seen;
    auto pair = resume(peers, session, &seen);
    expect_full(pair, seen);
  }
}

TEST(Resumption12, OtherServerNameFallsBack) {
  Peers peers(true, true);
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  // The client would not offer it for another name ...
  auto client = std::make_shared<Config>(*peers.client);
  client->server_name = "other.example";
  client->verify_peer = false;
  client->resume12 = session;
  Observed seen;
  auto pair = connect(client, peers.server, &seen);
  ASSERT_TRUE(pair.pump());
  EXPECT_FALSE(pair.server->info().resumption_offered);
  EXPECT_FALSE(pair.client->info().resumed);
  // ... and the server would not take it: the entry is for "localhost".
  auto named = std::make_shared<ResumableSession12>(*session);
  named->server_name = "other.example";
  client->resume12 = named;
  Observed seen2;
  auto pair2 = connect(client, peers.server, &seen2);
  ASSERT_TRUE(pair2.pump());
  EXPECT_TRUE(pair2.server->info().resumption_offered);
  expect_full(pair2, seen2);
}

TEST(Resumption12, SuiteNoLongerOfferedFallsBack) {
  Peers peers(true, false);
  peers.client->cipher_suites = {CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256,
                                 CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384};
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  ASSERT_EQ(session->cipher_suite, CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256);
  auto client = std::make_shared<Config>(*peers.client);
  client->cipher_suites = {CipherSuite::ecdhe_ecdsa_aes_256_gcm_sha384};
  client->resume12 = session;
  Observed seen;
  auto pair = connect(client, peers.server, &seen);
  ASSERT_TRUE(pair.pump());
  expect_full(pair, seen);
}

TEST(Resumption12, SessionWithoutExtendedMasterSecretIsNotOffered) {
  // RFC 7627 5.3: never resumed with the extension; Coda has no handshake
  // without it, so such a session is not offered at all.
  Peers peers(true, false);
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  auto no_ems = std::make_shared<ResumableSession12>(*session);
  no_ems->extended_master_secret = false;
  EXPECT_FALSE(no_ems->offerable());
  Observed seen;
  auto pair = resume(peers, no_ems, &seen);
  EXPECT_FALSE(pair.server->info().resumption_offered);
  expect_full(pair, seen);
  // And a server entry without it is not resumed.
  auto entry = ServerSession12::parse(peers.cache->entries.at(session->session_id));
  ASSERT_TRUE(entry);
  entry->extended_master_secret = false;
  const SecureBytes bad = entry->serialize();
  peers.cache->entries[session->session_id] = Bytes(bad.begin(), bad.end());
  Observed seen2;
  auto pair2 = resume(peers, session, &seen2);
  expect_full(pair2, seen2);
}

TEST(Resumption12, ResumedServerKeepsTheClientCertificate) {
  for (bool tickets : {false, true}) {
    Peers peers(!tickets, tickets);
    test::LeafOptions leaf;
    leaf.key = test::TestKeyType::ecdsa_p256;
    leaf.server_auth = false;
    leaf.client_auth = true;
    leaf.common_name = "Coda Test Client";
    peers.client->client_certificate = test::certified(test::default_pki().issue(leaf));
    peers.server->client_auth = Config::ClientAuth::require;
    peers.server->trust = test::trust_store();
    peers.server->verify_peer = true;
    auto first = test::make_pair(peers.client, peers.server);
    ASSERT_TRUE(first.pump());
    ASSERT_EQ(first.server->info().peer_chain.size(), 1U);
    Observed seen;
    auto pair = resume(peers, first.client->info().session12, &seen);
    ASSERT_TRUE(pair.server->handshake_complete());
    EXPECT_TRUE(pair.server->info().resumed);
    ASSERT_EQ(pair.server->info().peer_chain.size(), 1U);
    EXPECT_TRUE(std::ranges::equal(pair.server->info().peer_chain[0].der(),
                                   first.server->info().peer_chain[0].der()));
  }
}

TEST(Resumption12, ClientOffersTls12SessionAlongsideTls13) {
  // A client that offers both versions still offers its TLS 1.2 session;
  // a TLS 1.2 server resumes it.
  Peers peers(true, true);
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  auto client = std::make_shared<Config>(*peers.client);
  client->max_version = ProtocolVersion::tls13;
  client->fill_defaults();
  auto server = std::make_shared<Config>(*peers.server);
  server->max_version = ProtocolVersion::tls12;
  client->resume12 = session;
  Observed seen;
  auto pair = connect(client, server, &seen);
  ASSERT_TRUE(pair.pump());
  expect_resumed(pair, seen);
}

TEST(Resumption12, SessionDataRoundTripsAndRefusesDamage) {
  Peers peers(true, true);
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  const SecureBytes data = session->serialize();
  auto parsed = ResumableSession12::parse(data);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->serialize(), data);
  ResumableSession12::ParseError why{};
  for (size_t n = 4; n < data.size(); ++n) {
    EXPECT_FALSE(ResumableSession12::parse(ByteView(data).first(n), &why)) << n;
    EXPECT_EQ(why, ResumableSession12::ParseError::malformed) << n;
  }
  EXPECT_FALSE(ResumableSession12::parse(Bytes{'C', 'd', 'S', 1}, &why));
  EXPECT_EQ(why, ResumableSession12::ParseError::unknown_format);
  Bytes extra(data.begin(), data.end());
  extra.push_back(0);
  EXPECT_FALSE(ResumableSession12::parse(extra, &why));
  Observed seen;
  auto pair = resume(peers, std::make_shared<ResumableSession12>(std::move(*parsed)), &seen);
  expect_resumed(pair, seen);
}

TEST(Resumption12, AFatalAlertTakesTheSessionOutOfTheCache) {
  // RFC 5246 7.2.2, for the alert either side sends.
  for (bool server_aborts : {false, true}) {
    Peers peers(true, false);
    auto pair = connect(peers.client, peers.server, nullptr);
    ASSERT_TRUE(pair.pump());
    auto session = pair.client->info().session12;
    ASSERT_TRUE(session);
    ASSERT_EQ(peers.cache->entries.size(), 1U);
    (server_aborts ? *pair.server : *pair.client).abort(AlertDescription::internal_error);
    pair.pump();
    EXPECT_TRUE(pair.client->error());
    EXPECT_TRUE(pair.server->error());
    EXPECT_EQ(peers.cache->entries.size(), 0U) << server_aborts;
    EXPECT_FALSE(pair.client->info().session12);
    Observed seen;
    auto again = resume(peers, session, &seen);
    expect_full(again, seen);
  }
}

TEST(Resumption12, ClientSessionIdIsSent) {
  Peers peers(true, false);
  auto client = std::make_shared<Config>(*peers.client);
  client->client_session_id = Bytes(32, 0x77);
  auto pair = connect(client, peers.server, nullptr);
  ASSERT_TRUE(pair.pump());
  EXPECT_TRUE(pair.server->info().resumption_offered);
  EXPECT_EQ(peers.cache->retrieves, 1);
  EXPECT_FALSE(pair.server->info().resumed);
}

}  // namespace
}  // namespace coda
