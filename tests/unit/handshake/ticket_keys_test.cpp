// The ticket keys (handshake/ticket.hpp): derived from the server's key per
// period, the previous period's still opening tickets, and the TLS 1.3 and
// TLS 1.2 tickets kept apart by their format byte.
#include <gtest/gtest.h>

#include "config/session12.hpp"
#include "crypto/random.hpp"
#include "handshake/ticket.hpp"
#include "handshake/tls12_resumption.hpp"

namespace coda::hs {
namespace {

constexpr uint32_t kPeriod = 21600;
constexpr uint64_t kNow = 1'800'000'000;  // some time, in seconds

const SecureBytes& server_key() {
  static const SecureBytes key(64, 0x5c);
  return key;
}

TicketContents contents() {
  TicketContents c;
  c.cipher_suite = CipherSuite::tls13_aes_128_gcm_sha256;
  c.psk = SecureBytes(32, 0x11);
  c.server_name = "localhost";
  return c;
}

TEST(TicketKeys, SamePeriodSameKeysAndTheyChangeWithTime) {
  const TicketKeys a = ticket_keys_at(server_key(), kNow, kPeriod);
  const TicketKeys b = ticket_keys_at(server_key(), kNow + 1, kPeriod);
  const uint64_t next_start = (kNow / kPeriod + 1) * kPeriod;
  const TicketKeys next = ticket_keys_at(server_key(), next_start, kPeriod);
  EXPECT_EQ(a.current.size(), kTicketKeyLength);
  EXPECT_EQ(a.current, b.current);
  EXPECT_NE(a.current, a.previous);
  EXPECT_NE(next.current, a.current);
  EXPECT_EQ(next.previous, a.current);
  // Another server key, other keys; and the key itself is never used.
  const SecureBytes other(64, 0x5d);
  EXPECT_NE(ticket_keys_at(other, kNow, kPeriod).current, a.current);
  EXPECT_NE(a.current, SecureBytes(server_key().begin(), server_key().begin() + kTicketKeyLength));
}

TEST(TicketKeys, ATicketOpensForOnePeriodMoreThenNot) {
  crypto::SeededRandom random(7);
  const TicketKeys now = ticket_keys_at(server_key(), kNow, kPeriod);
  auto ticket = seal_ticket(contents(), now.current, random);
  ASSERT_TRUE(ticket);
  EXPECT_TRUE(open_ticket(*ticket, now));
  EXPECT_TRUE(open_ticket(*ticket, ticket_keys_at(server_key(), kNow + kPeriod, kPeriod)));
  EXPECT_FALSE(open_ticket(*ticket, ticket_keys_at(server_key(), kNow + 2 * kPeriod, kPeriod)));
  const SecureBytes other(64, 0x5d);
  EXPECT_FALSE(open_ticket(*ticket, ticket_keys_at(other, kNow, kPeriod)));
}

TEST(TicketKeys, Tls12AndTls13TicketsDoNotOpenAsEachOther) {
  crypto::SeededRandom random(8);
  const TicketKeys keys = ticket_keys_at(server_key(), kNow, kPeriod);
  auto t13 = seal_ticket(contents(), keys.current, random);
  ServerSession12 s;
  s.created_s = kNow;
  s.expires_s = kNow + kPeriod;
  s.cipher_suite = CipherSuite::ecdhe_ecdsa_aes_128_gcm_sha256;
  s.master_secret = SecureBytes(kMasterSecret12Length, 0x22);
  auto t12 = seal_ticket12(s, keys.current, random);
  ASSERT_TRUE(t13 && t12);
  EXPECT_TRUE(open_ticket(*t13, keys));
  EXPECT_TRUE(open_ticket12(*t12, keys));
  EXPECT_FALSE(open_ticket12(*t13, keys));
  EXPECT_FALSE(open_ticket(*t12, keys));
  auto opened = open_ticket12(*t12, keys);
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->master_secret, s.master_secret);
  EXPECT_EQ(opened->expires_s, s.expires_s);
}

TEST(TicketKeys, ZeroPeriodIsOneSecond) {
  const TicketKeys a = ticket_keys_at(server_key(), kNow, 0);
  const TicketKeys b = ticket_keys_at(server_key(), kNow + 1, 0);
  EXPECT_EQ(b.previous, a.current);
}

}  // namespace
}  // namespace coda::hs
