// Robustness: seeded random byte strings, and random mutations of a real
// ClientHello and of a real server flight, fed to fresh client and server
// Connections. Nothing may crash (the sanitizer build catches memory
// errors), hang, or leave the Connection in an inconsistent state: an error
// is stored and returned again, a local alert is queued, and each input is
// processed in bounded time.
#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "support/malformed_support.hpp"

namespace coda {
namespace {

using test::ConfigPair;
namespace wire = test::wire;
using Clock = std::chrono::steady_clock;

constexpr auto kMaxPerInput = std::chrono::milliseconds(2000);

const ConfigPair& configs() {
  static const ConfigPair pair;
  return pair;
}

Bytes random_bytes(std::mt19937_64& rng, size_t n) {
  Bytes out(n);
  for (auto& b : out) b = static_cast<uint8_t>(rng());
  return out;
}

// Random input shaped to get past the record layer now and then.
Bytes random_input(std::mt19937_64& rng, int mode) {
  switch (mode) {
    case 0:
      return random_bytes(rng, rng() % 700);
    case 1: {  // records of plausible types with random bodies
      Bytes out;
      const size_t count = 1 + rng() % 6;
      static const uint8_t kTypes[] = {20, 21, 22, 23, 22, 22, 0x19};
      for (size_t i = 0; i < count; ++i) {
        const uint8_t type = kTypes[rng() % sizeof(kTypes)];
        append(out, wire::record(type, random_bytes(rng, rng() % 300),
                                 rng() % 4 == 0 ? 0x0301 : 0x0303));
      }
      return out;
    }
    case 2: {  // handshake messages of random type with consistent lengths
      Bytes content;
      const size_t count = 1 + rng() % 3;
      for (size_t i = 0; i < count; ++i) {
        const uint8_t type = static_cast<uint8_t>(rng() % 4 == 0 ? rng() : 1 + rng() % 24);
        append(content, wire::handshake(type, random_bytes(rng, rng() % 400)));
      }
      Bytes out;
      for (size_t pos = 0; pos < content.size();) {
        const size_t n = std::min<size_t>(content.size() - pos, 1 + rng() % 600);
        append(out, wire::record(wire::kHandshake, ByteView(content).subspan(pos, n)));
        pos += n;
      }
      return out;
    }
    default: {  // headers with random lengths, truncated bodies
      Bytes out = wire::record_header(static_cast<uint8_t>(20 + rng() % 4),
                                      static_cast<size_t>(rng() % 65536));
      append(out, random_bytes(rng, rng() % 100));
      return out;
    }
  }
}

// Feeds `input` in random-sized chunks, as a transport would.
Result<size_t> feed_chunked(Connection& c, ByteView input, std::mt19937_64& rng) {
  size_t pos = 0;
  while (pos < input.size()) {
    const size_t n = std::min<size_t>(input.size() - pos, 1 + rng() % 512);
    auto used = c.receive(input.subspan(pos, n));
    if (!used) return used.error();
    if (*used == 0) break;  // stopped at close_notify
    EXPECT_LE(*used, n);
    pos += *used;
  }
  return pos;
}

// What must hold after any input.
void check_state(Connection& c, const Result<size_t>& result) {
  if (result.ok()) {
    if (auto e = c.error()) {
      // Only a premature EOF is stored without failing receive(); none here.
      ADD_FAILURE() << "receive() succeeded but an error is stored: " << e->detail;
    }
    return;
  }
  const Error& e = result.error();
  ASSERT_TRUE(c.error().has_value()) << "receive() failed but stored no error";
  EXPECT_EQ(c.error()->kind, e.kind);
  EXPECT_EQ(c.error()->alert, e.alert);
  EXPECT_TRUE(e.kind == ErrorKind::local_alert || e.kind == ErrorKind::peer_alert)
      << "unexpected error kind " << static_cast<int>(e.kind) << ": " << e.detail;
  EXPECT_NE(e.alert, AlertDescription::internal_error) << e.detail;
  EXPECT_EQ(c.read_state(), DirectionState::failed);
  if (e.kind == ErrorKind::local_alert) {
    ASSERT_TRUE(c.alert_sent().has_value()) << e.detail;
    EXPECT_EQ(*c.alert_sent(), e.alert);
    const auto records = wire::split_records(c.pending_output());
    ASSERT_FALSE(records.empty()) << "no alert queued for " << e.detail;
    EXPECT_TRUE(records.back().type == wire::kAlert ||
                records.back().type == wire::kApplicationData);
  }
  const uint8_t more[] = {0x17, 0x03, 0x03, 0x00, 0x01, 0x00};
  const auto again = c.receive(ByteView(more, sizeof(more)));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().alert, e.alert);
}

void run_one(Connection& c, ByteView input, std::mt19937_64& rng, const std::string& what) {
  SCOPED_TRACE(what);
  const auto start = Clock::now();
  const auto result = feed_chunked(c, input, rng);
  const auto elapsed = Clock::now() - start;
  EXPECT_LT(elapsed, kMaxPerInput) << "slow input";
  check_state(c, result);
}

TEST(MalformedRandom, RandomBytesToFreshClientsAndServers) {
  std::mt19937_64 rng(0xC0DA2024);
  int failures_seen = 0;
  for (int i = 0; i < 2000; ++i) {
    const Bytes input = random_input(rng, i % 4);
    auto server = test::connect(configs().server);
    auto client = test::connect(configs().client);
    ASSERT_TRUE(server && client);
    test::take_output(*client);
    run_one(*server, input, rng, "server, input " + std::to_string(i));
    run_one(*client, input, rng, "client, input " + std::to_string(i));
    failures_seen += server->error().has_value() ? 1 : 0;
    if (HasFailure()) break;  // one seed's worth of report is enough
  }
  EXPECT_GT(failures_seen, 1000);
}

Bytes mutate(const Bytes& original, std::mt19937_64& rng) {
  Bytes b = original;
  const int ops = 1 + static_cast<int>(rng() % 4);
  for (int k = 0; k < ops && !b.empty(); ++k) {
    const size_t at = rng() % b.size();
    switch (rng() % 7) {
      case 0:
        b[at] ^= static_cast<uint8_t>(1U << (rng() % 8));
        break;
      case 1:
        b[at] = static_cast<uint8_t>(rng());
        break;
      case 2:
        b[at] = rng() % 2 ? 0x00 : 0xff;
        break;
      case 3:
        b.resize(at);
        break;   // truncate
      case 4: {  // delete a range
        const size_t n = std::min<size_t>(b.size() - at, 1 + rng() % 8);
        b.erase(b.begin() + static_cast<std::ptrdiff_t>(at),
                b.begin() + static_cast<std::ptrdiff_t>(at + n));
        break;
      }
      case 5: {  // insert random bytes
        const Bytes extra = random_bytes(rng, 1 + rng() % 8);
        b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), extra.begin(), extra.end());
        break;
      }
      default: {  // duplicate a range
        const size_t n = std::min<size_t>(b.size() - at, 1 + rng() % 16);
        const Bytes copy(b.begin() + static_cast<std::ptrdiff_t>(at),
                         b.begin() + static_cast<std::ptrdiff_t>(at + n));
        b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), copy.begin(), copy.end());
        break;
      }
    }
  }
  return b;
}

TEST(MalformedRandom, MutatedClientHellosToServers) {
  auto client = test::connect(configs().client);
  ASSERT_TRUE(client);
  const Bytes record_bytes = test::take_output(*client);
  const auto records = wire::split_records(record_bytes);
  ASSERT_EQ(records.size(), 1U);
  const Bytes body(records[0].body.begin() + 4, records[0].body.end());
  std::mt19937_64 rng(0x5EED0001);
  for (int i = 0; i < 1000; ++i) {
    auto server = test::connect(configs().server);
    ASSERT_TRUE(server);
    // Odd: raw mutation of the record; even: of the body, lengths fixed up.
    const Bytes input = i % 2 ? mutate(record_bytes, rng)
                              : wire::record(wire::kHandshake, wire::handshake(wire::kClientHello,
                                                                               mutate(body, rng)));
    run_one(*server, input, rng, "ClientHello mutation " + std::to_string(i));
    if (HasFailure()) break;
  }
}

TEST(MalformedRandom, MutatedServerFlightsToClients) {
  // A client with a seeded random source sends the same ClientHello every
  // time, so one real server flight fits every fresh client.
  auto base = std::make_shared<Config>(*configs().client);
  crypto::SeededRandom capture_random(77);
  base->random = &capture_random;
  auto first = test::connect(base);
  auto server = test::connect(configs().server);
  ASSERT_TRUE(first && server);
  ASSERT_TRUE(test::feed(*server, test::take_output(*first)).ok());
  const Bytes flight = test::take_output(*server);
  const auto records = wire::split_records(flight);
  ASSERT_GE(records.size(), 3U);
  const Bytes sh_body(records[0].body.begin() + 4, records[0].body.end());
  Bytes rest;
  for (size_t i = 1; i < records.size(); ++i) append(rest, records[i].bytes());

  std::mt19937_64 rng(0x5EED0002);
  int completed = 0;
  for (int i = 0; i < 1000; ++i) {
    crypto::SeededRandom same(77);
    auto config = std::make_shared<Config>(*configs().client);
    config->random = &same;
    auto client = test::connect(config);
    ASSERT_TRUE(client);
    test::take_output(*client);
    Bytes input;
    switch (i % 3) {
      case 0:  // the ServerHello body, lengths fixed up, then the real rest
        input = wire::record(wire::kHandshake,
                             wire::handshake(wire::kServerHello, mutate(sh_body, rng)));
        append(input, rest);
        break;
      case 1:  // the whole flight, raw
        input = mutate(flight, rng);
        break;
      default: {  // the real ServerHello, then a mutated encrypted part
        input = records[0].bytes();
        append(input, mutate(rest, rng));
        break;
      }
    }
    run_one(*client, input, rng, "server flight mutation " + std::to_string(i));
    completed += client->handshake_complete() ? 1 : 0;
    if (HasFailure()) break;
  }
  // Sanity: the unmutated flight completes a handshake with such a client.
  crypto::SeededRandom same(77);
  auto config = std::make_shared<Config>(*configs().client);
  config->random = &same;
  auto client = test::connect(config);
  ASSERT_TRUE(client);
  ASSERT_TRUE(test::feed(*client, flight).ok());
  EXPECT_TRUE(client->handshake_complete());
  EXPECT_LT(completed, 100);
}

}  // namespace
}  // namespace coda
