// TLS 1.3 0-RTT early data in memory (RFC 8446 2.3, 4.2.10, 4.5, 8): a
// server that does not take it skips it (trial decryption under the
// handshake keys, or every application_data record after a
// HelloRetryRequest) up to max_early_data_size; one that takes it (asked
// to, with anti-replay) reads it before the client's Finished, once within
// the anti-replay window.
#include <gtest/gtest.h>

#include <string>

#include "config/anti_replay.hpp"
#include "config/resumable_session.hpp"
#include "support/memory_pair.hpp"
#include "support/test_keys.hpp"
#include "support/test_pki.hpp"

namespace coda {
namespace {

constexpr uint8_t kEndOfEarlyData = 5;

struct Peers {
  std::shared_ptr<Config> client = std::make_shared<Config>();
  std::shared_ptr<Config> server = std::make_shared<Config>();

  explicit Peers(bool server_takes_early_data = false) {
    client->role = Role::client;
    client->server_name = "localhost";
    client->trust = test::trust_store();
    server->role = Role::server;
    server->certificates.push_back(test::certified_key(test::TestKeyType::ecdsa_p256));
    if (server_takes_early_data) {
      server->accept_early_data = true;
      server->anti_replay = std::make_shared<AntiReplay>(server->now_ms());
    }
    client->fill_defaults();
    server->fill_defaults();
  }
};

Bytes text(const std::string& s) {
  return Bytes(s.begin(), s.end());
}

std::string read_early(Connection& c) {
  std::string got(c.early_data_available(), '\0');
  c.read_early_data(MutableByteView(reinterpret_cast<uint8_t*>(got.data()), got.size()));
  return got;
}

// A ticket from a full handshake with `server`.
std::shared_ptr<const ResumableSession> first_ticket(const Peers& peers) {
  auto pair = test::make_pair(peers.client, peers.server);
  EXPECT_TRUE(pair.pump());
  return pair.client->info().ticket;
}

// The same ticket as if its server allowed `max` bytes of early data: what
// a client holds from a server that takes 0-RTT, offered to one that does
// not (now).
std::shared_ptr<const ResumableSession> allowing_early_data(
    std::shared_ptr<const ResumableSession> t, uint32_t max = 16384) {
  auto copy = std::make_shared<ResumableSession>(*t);
  copy->max_early_data = max;
  return copy;
}

struct Run {
  test::MemoryPair pair;
  bool ok = false;
  int end_of_early_data = 0;  // EndOfEarlyData messages the client sent
};

Run resume_with_early_data(const Peers& peers, std::shared_ptr<const ResumableSession> ticket,
                           const std::string& early, std::shared_ptr<Config> server = nullptr) {
  auto client = std::make_shared<Config>(*peers.client);
  client->resume = std::move(ticket);
  client->early_data = text(early);
  Run run{test::make_pair(client, server ? server : peers.server)};
  run.pair.client->set_handshake_observer([&run](uint8_t type, bool incoming, bool post, ByteView) {
    if (!incoming && post && type == kEndOfEarlyData) ++run.end_of_early_data;
    return 0;
  });
  run.ok = run.pair.pump();
  return run;
}

// ---- rejected (RFC 8446 4.2.10) ----

TEST(EarlyData, RejectedWithTheTicketAcceptedIsSkipped) {
  Peers peers;
  auto ticket = allowing_early_data(first_ticket(peers));
  auto run = resume_with_early_data(peers, ticket, "GET / early\n");
  ASSERT_TRUE(run.ok);
  EXPECT_TRUE(run.pair.client->info().resumed);
  EXPECT_TRUE(run.pair.server->info().resumed);
  EXPECT_EQ(run.pair.client->info().early_data_sent, 12U);
  EXPECT_FALSE(run.pair.client->info().early_data_accepted);
  EXPECT_FALSE(run.pair.server->info().early_data_accepted);
  EXPECT_EQ(run.end_of_early_data, 0);
  // Nothing of the early data reached the server's application.
  EXPECT_EQ(run.pair.server->app_data_available(), 0U);
  EXPECT_EQ(run.pair.server->early_data_available(), 0U);
  EXPECT_EQ(run.pair.transfer(*run.pair.client, *run.pair.server, "after"), "after");
}

TEST(EarlyData, RejectedWithAnUnknownTicketIsSkipped) {
  // A ticket of another server: a full handshake, and the early data under
  // keys the server never has is skipped all the same.
  Peers peers;
  auto foreign = std::make_shared<ResumableSession>(*first_ticket(peers));
  foreign->ticket.assign(foreign->ticket.size(), 0x5a);
  foreign->max_early_data = 16384;
  auto run = resume_with_early_data(peers, foreign, std::string(3000, 'e'));
  ASSERT_TRUE(run.ok);
  EXPECT_FALSE(run.pair.client->info().resumed);
  EXPECT_EQ(run.pair.client->info().early_data_sent, 3000U);
  EXPECT_FALSE(run.pair.client->info().early_data_accepted);
  EXPECT_EQ(run.pair.server->app_data_available(), 0U);
  EXPECT_EQ(run.pair.transfer(*run.pair.client, *run.pair.server, "x"), "x");
}

TEST(EarlyData, RejectedAfterHelloRetryRequestIsSkipped) {
  Peers peers;
  auto ticket = allowing_early_data(first_ticket(peers));
  peers.client->groups = {NamedGroup::x25519, NamedGroup::secp384r1};  // one share: x25519
  auto server = std::make_shared<Config>(*peers.server);
  server->groups = {NamedGroup::secp384r1};
  auto run = resume_with_early_data(peers, ticket, "early after hrr", server);
  ASSERT_TRUE(run.ok);
  EXPECT_TRUE(run.pair.client->info().hello_retry);
  EXPECT_TRUE(run.pair.client->info().resumed);
  EXPECT_FALSE(run.pair.client->info().early_data_accepted);
  EXPECT_EQ(run.pair.server->app_data_available(), 0U);
  EXPECT_EQ(run.pair.transfer(*run.pair.client, *run.pair.server, "y"), "y");
}

TEST(EarlyData, SkippedOnlyUpToMaxEarlyDataSize) {
  Peers peers;
  auto ticket = allowing_early_data(first_ticket(peers), 1U << 20U);
  auto server = std::make_shared<Config>(*peers.server);
  server->max_early_data_size = 1000;
  // 1000 bytes of plaintext are more than 1000 bytes of records.
  auto run = resume_with_early_data(peers, ticket, std::string(1000, 'z'), server);
  EXPECT_FALSE(run.ok);
  ASSERT_TRUE(run.pair.server->error());
  EXPECT_EQ(run.pair.server->error()->alert, AlertDescription::unexpected_message);
  // Within the limit it goes through.
  server->max_early_data_size = 2000;
  auto within = resume_with_early_data(peers, ticket, std::string(1000, 'z'), server);
  EXPECT_TRUE(within.ok);
}

TEST(EarlyData, NotOfferedWithoutATicketThatAllowsIt) {
  Peers peers;
  auto run = resume_with_early_data(peers, first_ticket(peers), "early");
  ASSERT_TRUE(run.ok);
  EXPECT_TRUE(run.pair.client->info().resumed);
  EXPECT_EQ(run.pair.client->info().early_data_sent, 0U);
}

// ---- accepted ----

TEST(EarlyData, AcceptedWhenTheServerTakesIt) {
  Peers peers(/*server_takes_early_data=*/true);
  auto ticket = first_ticket(peers);
  ASSERT_TRUE(ticket);
  EXPECT_EQ(ticket->max_early_data, 16384U);  // from the NewSessionTicket
  auto run = resume_with_early_data(peers, ticket, "GET / 0-RTT\n");
  ASSERT_TRUE(run.ok);
  EXPECT_TRUE(run.pair.client->info().early_data_accepted);
  EXPECT_TRUE(run.pair.server->info().early_data_accepted);
  EXPECT_EQ(run.end_of_early_data, 1);
  // Early data is kept apart from the data after the handshake.
  EXPECT_EQ(run.pair.server->app_data_available(), 0U);
  EXPECT_EQ(read_early(*run.pair.server), "GET / 0-RTT\n");
  EXPECT_EQ(run.pair.transfer(*run.pair.client, *run.pair.server, "1-RTT"), "1-RTT");
  EXPECT_EQ(run.pair.transfer(*run.pair.server, *run.pair.client, "back"), "back");
}

TEST(EarlyData, EarlyTrafficSecretIsLoggedOnBothSides) {
  // CLIENT_EARLY_TRAFFIC_SECRET, as GnuTLS logs it: the client derives it
  // in create(), before an observer can be set, and reports it then.
  Peers peers(true);
  auto client = std::make_shared<Config>(*peers.client);
  client->resume = first_ticket(peers);
  client->early_data = text("logged");
  auto pair = test::make_pair(client, peers.server);
  Bytes client_secret, server_secret;
  auto observe = [](Bytes& into) {
    return [&into](const char* label, ByteView secret) {
      if (std::string(label) == "CLIENT_EARLY_TRAFFIC_SECRET")
        into.assign(secret.begin(), secret.end());
      return 0;
    };
  };
  pair.client->set_secret_observer(observe(client_secret));
  pair.server->set_secret_observer(observe(server_secret));
  EXPECT_EQ(client_secret.size(), 48U);  // SHA-384, the default suite's hash
  ASSERT_TRUE(pair.pump());
  EXPECT_TRUE(pair.server->info().early_data_accepted);
  EXPECT_EQ(client_secret, server_secret);
}

TEST(EarlyData, AcceptedOnlyUpToTheTicketsLimit) {
  Peers peers(true);
  peers.server->max_early_data_size = 100;
  auto ticket = first_ticket(peers);
  ASSERT_TRUE(ticket);
  EXPECT_EQ(ticket->max_early_data, 100U);
  auto run = resume_with_early_data(peers, ticket, std::string(300, 'a'));
  ASSERT_TRUE(run.ok);
  EXPECT_EQ(run.pair.client->info().early_data_sent, 100U);
  EXPECT_EQ(read_early(*run.pair.server), std::string(100, 'a'));
}

TEST(EarlyData, ServerWithoutAntiReplayTakesNone) {
  // As GnuTLS: tickets allow early data, but without anti-replay it is
  // refused (and skipped).
  Peers peers(true);
  peers.server->anti_replay.reset();
  auto ticket = first_ticket(peers);
  ASSERT_TRUE(ticket);
  EXPECT_EQ(ticket->max_early_data, 16384U);
  auto run = resume_with_early_data(peers, ticket, "early");
  ASSERT_TRUE(run.ok);
  EXPECT_EQ(run.pair.client->info().early_data_sent, 5U);
  EXPECT_FALSE(run.pair.client->info().early_data_accepted);
  EXPECT_FALSE(run.pair.server->info().early_data_accepted);
  EXPECT_EQ(run.pair.server->app_data_available(), 0U);
  EXPECT_EQ(run.pair.server->early_data_available(), 0U);
}

TEST(EarlyData, ReplayedClientHelloGetsNoEarlyData) {
  // RFC 8446 8: the same ClientHello (same binder) twice within the window.
  Peers peers(true);
  auto ticket = first_ticket(peers);
  ASSERT_TRUE(ticket);
  auto client = std::make_shared<Config>(*peers.client);
  client->resume = ticket;
  client->early_data = text("once");
  auto first = Connection::create(client);
  ASSERT_TRUE(first.ok());
  const Bytes flight((*first)->pending_output().begin(), (*first)->pending_output().end());
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto server = Connection::create(peers.server);
    ASSERT_TRUE(server.ok());
    ASSERT_TRUE((*server)->receive(flight).ok());
    EXPECT_EQ((*server)->info().early_data_accepted, attempt == 0) << attempt;
    // Accepted, the data is there; not accepted, the 0-RTT records are
    // skipped, never delivered.
    EXPECT_EQ(read_early(**server), attempt == 0 ? "once" : "") << attempt;
    EXPECT_EQ((*server)->app_data_available(), 0U);
  }
}

TEST(EarlyData, AntiReplayWindow) {
  AntiReplay ar(/*start_ms=*/1000, /*window_ms=*/10000);
  const Bytes b1(32, 1);
  EXPECT_TRUE(ar.admit(b1, 1000, 400, 1500));
  EXPECT_FALSE(ar.admit(b1, 1000, 400, 1500));  // the same ClientHello
  EXPECT_TRUE(ar.admit(Bytes(32, 2), 1000, 400, 1500));
  // The client held the ticket longer than it exists.
  EXPECT_FALSE(ar.admit(Bytes(32, 3), 1000, 600, 1500));
  // Issued before the recording started.
  EXPECT_FALSE(ar.admit(Bytes(32, 4), 900, 100, 1500));
  // Arrives 11 s after the time its client claims (this also starts a new
  // window, at 12000).
  EXPECT_FALSE(ar.admit(Bytes(32, 5), 1000, 0, 12000));
  // Tickets from before the new window's start get no early data (GnuTLS).
  EXPECT_FALSE(ar.admit(Bytes(32, 6), 5000, 6900, 12000));
  // A binder seen in an earlier window is new in this one.
  EXPECT_TRUE(ar.admit(b1, 12000, 50, 12100));
  EXPECT_FALSE(ar.admit(b1, 12000, 50, 12100));
  EXPECT_FALSE(ar.admit({}, 12000, 0, 12000));
}

TEST(EarlyData, AntiReplayUsesTheProgramsStore) {
  AntiReplay ar(1000);
  int calls = 0;
  Bytes last_key;
  uint64_t last_expiry = 0;
  ar.set_store([&](ByteView key, uint64_t expires_s, ByteView entry) {
    ++calls;
    last_key.assign(key.begin(), key.end());
    last_expiry = expires_s;
    EXPECT_EQ(entry.size(), 12U);
    return calls == 1;  // the first is new, the rest are "already there"
  });
  EXPECT_TRUE(ar.admit(Bytes(32, 7), 1000, 100, 2000));
  EXPECT_FALSE(ar.admit(Bytes(32, 8), 1000, 100, 2000));
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(last_key.size(), 12U + 32U);  // the window's start, then the binder
  EXPECT_EQ(last_expiry, 2U + 10U);       // now + the window, in seconds
}

TEST(EarlyData, EarlyDataBeyondTheLimitIsRefusedWhenAccepted) {
  // A client that sends more than max_early_data_size (ours never does):
  // the server takes the ticket with a larger limit than it now allows.
  Peers peers(true);
  auto ticket = allowing_early_data(first_ticket(peers), 1U << 20U);
  auto server = std::make_shared<Config>(*peers.server);
  server->max_early_data_size = 10;
  auto run = resume_with_early_data(peers, ticket, std::string(50, 'q'), server);
  EXPECT_FALSE(run.ok);
  ASSERT_TRUE(run.pair.server->error());
  EXPECT_EQ(run.pair.server->error()->alert, AlertDescription::unexpected_message);
}

TEST(EarlyData, SessionDataKeepsTheLimit) {
  Peers peers(true);
  auto ticket = first_ticket(peers);
  ASSERT_TRUE(ticket);
  auto parsed = ResumableSession::parse(ticket->serialize());
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->max_early_data, 16384U);
}

}  // namespace
}  // namespace coda
