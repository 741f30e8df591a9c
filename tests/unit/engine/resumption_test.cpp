// TLS 1.3 resumption with session tickets in memory (RFC 8446 2.2, 4.2.11,
// 4.6.1): tickets after the handshake, a resumed handshake without
// Certificate, HelloRetryRequest with a PSK, and every ticket the server
// must not take falling back to a full handshake.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "config/resumable_session.hpp"
#include "support/malformed_support.hpp"
#include "support/memory_pair.hpp"
#include "support/test_keys.hpp"
#include "support/test_pki.hpp"

namespace coda {
namespace {

constexpr uint8_t kCertificateType = 11;

uint64_t wall_ms() {
  using namespace std::chrono;
  return static_cast<uint64_t>(
      duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

struct Peers {
  std::shared_ptr<Config> client = std::make_shared<Config>();
  std::shared_ptr<Config> server = std::make_shared<Config>();

  Peers() {
    client->role = Role::client;
    client->server_name = "localhost";
    client->trust = test::trust_store();
    server->role = Role::server;
    server->certificates.push_back(test::certified_key(test::TestKeyType::ecdsa_p256));
    client->fill_defaults();
    server->fill_defaults();
  }
};

// Counts the Certificate messages that cross, whichever way.
struct Observed {
  int certificates = 0;
  int tickets_in = 0;
};

test::MemoryPair connect(const std::shared_ptr<Config>& client,
                         const std::shared_ptr<Config>& server, Observed* seen = nullptr) {
  auto pair = test::make_pair(client, server);
  if (seen) {
    pair.client->set_handshake_observer([seen](uint8_t type, bool incoming, bool post, ByteView) {
      if (post && type == kCertificateType) ++seen->certificates;
      if (post && incoming && type == 4) ++seen->tickets_in;
      return 0;
    });
  }
  return pair;
}

// A full handshake whose client keeps the newest ticket.
std::shared_ptr<const ResumableSession> first_session(const Peers& peers) {
  auto pair = test::make_pair(peers.client, peers.server);
  EXPECT_TRUE(pair.pump());
  EXPECT_TRUE(pair.client->handshake_complete());
  EXPECT_FALSE(pair.client->info().resumed);
  return pair.client->info().ticket;
}

// The client of `peers` resumes `session`; returns the pair after the handshake.
test::MemoryPair resume(const Peers& peers, std::shared_ptr<const ResumableSession> session,
                        Observed* seen = nullptr) {
  auto client = std::make_shared<Config>(*peers.client);
  client->resume = std::move(session);
  auto pair = connect(client, peers.server, seen);
  EXPECT_TRUE(pair.pump());
  return pair;
}

TEST(Resumption, ServerSendsTwoTicketsAfterTheHandshake) {
  Peers peers;
  Observed seen;
  auto pair = connect(peers.client, peers.server, &seen);
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(pair.server->info().tickets, 2U);
  EXPECT_EQ(pair.client->info().tickets, 2U);
  EXPECT_EQ(seen.tickets_in, 2);
  ASSERT_TRUE(pair.client->info().ticket);
  const auto& t = *pair.client->info().ticket;
  EXPECT_EQ(t.lifetime, 21600U);
  EXPECT_EQ(t.server_name, "localhost");
  EXPECT_EQ(t.psk.size(), 48U);  // the default suite is TLS_AES_256_GCM_SHA384
  EXPECT_FALSE(t.peer_chain.empty());
  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "ping"), "ping");
}

TEST(Resumption, ResumedHandshakeHasNoCertificateAndDataFlows) {
  Peers peers;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  Observed seen;
  auto pair = resume(peers, session, &seen);
  ASSERT_TRUE(pair.client->handshake_complete());
  ASSERT_TRUE(pair.server->handshake_complete());
  EXPECT_TRUE(pair.client->info().resumed);
  EXPECT_TRUE(pair.server->info().resumed);
  EXPECT_TRUE(pair.server->info().resumption_offered);
  EXPECT_EQ(seen.certificates, 0);
  // The original server's chain is still the peer's.
  EXPECT_EQ(pair.client->info().peer_chain.size(), session->peer_chain.size());
  EXPECT_EQ(pair.client->info().peer_verify_status, 0U);
  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "ping"), "ping");
  EXPECT_EQ(pair.transfer(*pair.server, *pair.client, "pong"), "pong");
  // A resumed session gets tickets too, and those resume again.
  ASSERT_TRUE(pair.client->info().ticket);
  auto again = resume(peers, pair.client->info().ticket);
  EXPECT_TRUE(again.client->info().resumed);
  EXPECT_TRUE(again.server->info().resumed);
}

TEST(Resumption, FullHandshakeSendsCertificate) {
  // The counter above can fail: a full handshake shows the Certificate.
  Peers peers;
  Observed seen;
  auto pair = connect(peers.client, peers.server, &seen);
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(seen.certificates, 1);
}

TEST(Resumption, EverySuiteResumes) {
  for (CipherSuite suite :
       {CipherSuite::tls13_aes_128_gcm_sha256, CipherSuite::tls13_aes_256_gcm_sha384,
        CipherSuite::tls13_chacha20_poly1305_sha256}) {
    Peers peers;
    peers.client->cipher_suites = {suite};
    auto pair = resume(peers, first_session(peers));
    EXPECT_TRUE(pair.client->info().resumed) << static_cast<int>(suite);
    EXPECT_EQ(pair.client->info().cipher_suite, suite);
  }
}

TEST(Resumption, SessionDataRoundTrips) {
  Peers peers;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  const SecureBytes data = session->serialize();
  ASSERT_FALSE(data.empty());
  auto parsed = ResumableSession::parse(data);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->ticket, session->ticket);
  EXPECT_EQ(parsed->psk, session->psk);
  EXPECT_EQ(parsed->peer_chain.size(), session->peer_chain.size());
  auto pair = resume(peers, std::make_shared<ResumableSession>(std::move(*parsed)));
  EXPECT_TRUE(pair.client->info().resumed);
}

TEST(Resumption, GarbageSessionDataIsRefused) {
  Peers peers;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  const SecureBytes data = session->serialize();
  ResumableSession::ParseError why{};
  // Every truncation is malformed, never a crash.
  for (size_t n = 4; n < data.size(); ++n) {
    EXPECT_FALSE(ResumableSession::parse(ByteView(data).first(n), &why)) << n;
    EXPECT_EQ(why, ResumableSession::ParseError::malformed) << n;
  }
  const Bytes garbage = {'g', 'a', 'r', 'b', 'a', 'g', 'e'};
  EXPECT_FALSE(ResumableSession::parse(garbage, &why));
  EXPECT_EQ(why, ResumableSession::ParseError::unknown_format);
  EXPECT_FALSE(ResumableSession::parse({}, &why));
  Bytes extra(data.begin(), data.end());
  extra.push_back(0);
  EXPECT_FALSE(ResumableSession::parse(extra, &why));
}

TEST(Resumption, HelloRetryRequestWithPsk) {
  Peers peers;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  auto client = std::make_shared<Config>(*peers.client);
  client->groups = {NamedGroup::x25519, NamedGroup::secp384r1};  // a share for x25519 only
  client->resume = session;
  auto server = std::make_shared<Config>(*peers.server);
  server->groups = {NamedGroup::secp384r1};
  Observed seen;
  auto pair = connect(client, server, &seen);
  ASSERT_TRUE(pair.pump());
  EXPECT_TRUE(pair.client->info().hello_retry);
  EXPECT_TRUE(pair.client->info().resumed);
  EXPECT_TRUE(pair.server->info().resumed);
  EXPECT_EQ(pair.client->info().group, NamedGroup::secp384r1);
  EXPECT_EQ(seen.certificates, 0);
  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "after hrr"), "after hrr");
}

// The server refuses the ticket: a full handshake, no error on either side.
void expect_full_handshake(test::MemoryPair& pair, const Observed& seen) {
  EXPECT_FALSE(pair.client->error());
  EXPECT_FALSE(pair.server->error());
  ASSERT_TRUE(pair.client->handshake_complete());
  EXPECT_FALSE(pair.client->info().resumed);
  EXPECT_FALSE(pair.server->info().resumed);
  EXPECT_EQ(seen.certificates, 1);
  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "full"), "full");
}

TEST(Resumption, TamperedTicketFallsBack) {
  Peers peers;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  for (size_t at : {size_t{0}, size_t{5}, session->ticket.size() / 2, session->ticket.size() - 1}) {
    auto bad = std::make_shared<ResumableSession>(*session);
    bad->ticket[at] ^= 0x01;
    Observed seen;
    auto pair = resume(peers, bad, &seen);
    EXPECT_TRUE(pair.server->info().resumption_offered);
    expect_full_handshake(pair, seen);
  }
}

TEST(Resumption, TruncatedTicketFallsBack) {
  Peers peers;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  for (size_t n : {size_t{1}, size_t{13}, size_t{29}, session->ticket.size() - 1}) {
    auto bad = std::make_shared<ResumableSession>(*session);
    bad->ticket.resize(n);
    Observed seen;
    auto pair = resume(peers, bad, &seen);
    expect_full_handshake(pair, seen);
  }
}

TEST(Resumption, WrongKeyFallsBack) {
  Peers peers;
  auto key = std::make_shared<SecureBytes>(32, 0x42);
  peers.server->ticket_key = key;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  // The same key resumes ...
  auto same = resume(peers, session);
  EXPECT_TRUE(same.server->info().resumed);
  // ... another does not.
  Peers other = peers;
  other.server = std::make_shared<Config>(*peers.server);
  other.server->ticket_key = std::make_shared<SecureBytes>(32, 0x43);
  Observed seen;
  auto pair = resume(other, session, &seen);
  expect_full_handshake(pair, seen);
}

TEST(Resumption, ExpiredTicketFallsBack) {
  Peers peers;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  // The server's clock is past the ticket's six hours; the client's is not.
  auto server = std::make_shared<Config>(*peers.server);
  server->clock_ms = [] { return wall_ms() + 21601ULL * 1000; };
  Peers later = peers;
  later.server = server;
  Observed seen;
  auto pair = resume(later, session, &seen);
  EXPECT_TRUE(pair.server->info().resumption_offered);
  expect_full_handshake(pair, seen);
}

TEST(Resumption, ClientDoesNotOfferAnExpiredTicket) {
  Peers peers;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  auto client = std::make_shared<Config>(*peers.client);
  client->clock_ms = [] { return wall_ms() + 21601ULL * 1000; };
  client->resume = session;
  Observed seen;
  auto pair = connect(client, peers.server, &seen);
  ASSERT_TRUE(pair.pump());
  EXPECT_FALSE(pair.server->info().resumption_offered);
  expect_full_handshake(pair, seen);
}

TEST(Resumption, TicketAgeFarFromTheServersFallsBack) {
  Peers peers;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  // The client says the ticket is two minutes old; the server knows better.
  auto client = std::make_shared<Config>(*peers.client);
  client->clock_ms = [] { return wall_ms() + 120'000; };
  client->resume = session;
  Observed seen;
  auto pair = connect(client, peers.server, &seen);
  ASSERT_TRUE(pair.pump());
  EXPECT_TRUE(pair.server->info().resumption_offered);
  expect_full_handshake(pair, seen);
}

TEST(Resumption, OtherServerNameFallsBack) {
  Peers peers;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  // The client would not offer it for another name; forge that it does.
  auto forged = std::make_shared<ResumableSession>(*session);
  forged->server_name = "other.example";
  auto client = std::make_shared<Config>(*peers.client);
  client->server_name = "other.example";
  client->verify_hostname = "localhost";
  client->resume = forged;
  Observed seen;
  auto pair = connect(client, peers.server, &seen);
  ASSERT_TRUE(pair.pump());
  EXPECT_TRUE(pair.server->info().resumption_offered);
  expect_full_handshake(pair, seen);
}

TEST(Resumption, ClientDoesNotOfferForAnotherName) {
  Peers peers;
  auto session = first_session(peers);
  auto client = std::make_shared<Config>(*peers.client);
  client->server_name = "other.example";
  client->verify_hostname = "localhost";
  client->resume = session;
  auto pair = connect(client, peers.server);
  ASSERT_TRUE(pair.pump());
  EXPECT_FALSE(pair.server->info().resumption_offered);
}

TEST(Resumption, OtherAlpnFallsBack) {
  Peers peers;
  peers.client->alpn_protocols = {"h2"};
  peers.server->alpn_protocols = {"h2", "http/1.1"};
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->alpn, "h2");
  auto client = std::make_shared<Config>(*peers.client);
  client->alpn_protocols = {"http/1.1"};
  client->resume = session;
  Observed seen;
  auto pair = connect(client, peers.server, &seen);
  ASSERT_TRUE(pair.pump());
  expect_full_handshake(pair, seen);
  EXPECT_EQ(pair.client->info().alpn, "http/1.1");
}

TEST(Resumption, SuiteOfAnotherHashFallsBack) {
  Peers peers;
  peers.client->cipher_suites = {CipherSuite::tls13_aes_128_gcm_sha256};
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  auto client = std::make_shared<Config>(*peers.client);
  client->cipher_suites = {CipherSuite::tls13_aes_256_gcm_sha384,
                           CipherSuite::tls13_aes_128_gcm_sha256};
  client->resume = session;
  auto server = std::make_shared<Config>(*peers.server);
  server->cipher_suites = {CipherSuite::tls13_aes_256_gcm_sha384};
  Observed seen;
  auto pair = connect(client, server, &seen);
  ASSERT_TRUE(pair.pump());
  EXPECT_TRUE(pair.server->info().resumption_offered);
  expect_full_handshake(pair, seen);
}

TEST(Resumption, ServerThatTakesNoTicketsFallsBack) {
  Peers peers;
  auto session = first_session(peers);
  Peers strict = peers;
  strict.server = std::make_shared<Config>(*peers.server);
  strict.server->accept_tickets = false;
  Observed seen;
  auto pair = resume(strict, session, &seen);
  expect_full_handshake(pair, seen);
}

TEST(Resumption, BadBinderIsDecryptError) {
  Peers peers;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  auto bad = std::make_shared<ResumableSession>(*session);
  bad->psk[0] ^= 0x01;  // the binder is then computed with the wrong key
  auto client = std::make_shared<Config>(*peers.client);
  client->resume = bad;
  auto pair = connect(client, peers.server);
  EXPECT_FALSE(pair.pump());
  ASSERT_TRUE(pair.server->error());
  EXPECT_EQ(pair.server->error()->alert, AlertDescription::decrypt_error);
  ASSERT_TRUE(pair.client->error());
  EXPECT_EQ(pair.client->error()->kind, ErrorKind::peer_alert);
  EXPECT_EQ(pair.client->error()->alert, AlertDescription::decrypt_error);
}

TEST(Resumption, NoTicketsUnlessAskedThenOnDemand) {
  Peers peers;
  peers.server->tickets_after_handshake = 0;
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(pair.client->info().tickets, 0U);
  EXPECT_FALSE(pair.client->info().ticket);
  // Not for a client.
  EXPECT_FALSE(pair.client->send_session_tickets(1));
  ASSERT_TRUE(pair.server->send_session_tickets(3));
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(pair.client->info().tickets, 3U);
  ASSERT_TRUE(pair.client->info().ticket);
  auto again = resume(peers, pair.client->info().ticket);
  EXPECT_TRUE(again.client->info().resumed);
}

TEST(Resumption, TicketsDisabledMeansNoneSentTakenOrOffered) {
  Peers peers;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  // Server side: no tickets sent, and an offered one is not taken.
  Peers off = peers;
  off.server = std::make_shared<Config>(*peers.server);
  off.server->tickets_enabled = false;
  Observed seen;
  auto pair = resume(off, session, &seen);
  expect_full_handshake(pair, seen);
  EXPECT_EQ(pair.server->info().tickets, 0U);
  EXPECT_FALSE(pair.client->info().ticket);
  // Client side: nothing offered.
  auto client = std::make_shared<Config>(*peers.client);
  client->tickets_enabled = false;
  client->resume = session;
  auto quiet = connect(client, peers.server);
  ASSERT_TRUE(quiet.pump());
  EXPECT_FALSE(quiet.server->info().resumption_offered);
  EXPECT_FALSE(quiet.client->info().resumed);
}

TEST(Resumption, ResumedServerKeepsTheClientCertificate) {
  Peers peers;
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
  ASSERT_TRUE(first.client->info().ticket);
  Observed seen;
  auto pair = resume(peers, first.client->info().ticket, &seen);
  ASSERT_TRUE(pair.server->handshake_complete());
  EXPECT_TRUE(pair.server->info().resumed);
  EXPECT_EQ(seen.certificates, 0);  // none either way
  ASSERT_EQ(pair.server->info().peer_chain.size(), 1U);
  EXPECT_TRUE(std::ranges::equal(pair.server->info().peer_chain[0].der(),
                                 first.server->info().peer_chain[0].der()));
  EXPECT_EQ(pair.server->info().peer_verify_status, 0U);
  EXPECT_EQ(pair.transfer(*pair.client, *pair.server, "authenticated"), "authenticated");
}

TEST(Resumption, LifetimeIsCappedAtSevenDays) {
  Peers peers;
  peers.server->ticket_lifetime = 30 * 86400;
  auto session = first_session(peers);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->lifetime, kMaxTicketLifetimeSeconds);
}

TEST(Resumption, Tls12SessionGetsNoTicket) {
  Peers peers;
  peers.client->min_version = ProtocolVersion::tls12;
  peers.client->max_version = ProtocolVersion::tls12;
  peers.server->min_version = ProtocolVersion::tls12;
  auto pair = test::make_pair(peers.client, peers.server);
  ASSERT_TRUE(pair.pump());
  EXPECT_EQ(pair.client->info().version, ProtocolVersion::tls12);
  EXPECT_FALSE(pair.client->info().ticket);
  EXPECT_FALSE(pair.server->send_session_tickets(1));
}

}  // namespace
}  // namespace coda
