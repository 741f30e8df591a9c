// RFC 8448 section 3 ("Simple 1-RTT Handshake"): every protected record of
// the trace opened and sealed again byte for byte with Protection13, under
// the traffic keys the RFC prints (unit/handshake/rfc8448_test.cpp checks
// that Coda's key schedule derives the same keys).
#include <gtest/gtest.h>

#include <string_view>

#include "record/protection.hpp"
#include "unit/record/record_test_util.hpp"
#include "unit/record/rfc8448_vectors.hpp"

namespace coda::record {
namespace {

namespace v = ::coda::test::rfc8448;
using test::fails_with;
using test::hex;
using test::make_protection;
using test::open_record;

constexpr auto kAead = crypto::AeadAlg::aes128gcm;

Protection13 server_handshake() {
  return make_protection(kAead, v::kServerHandshakeKey, v::kServerHandshakeIv);
}
Protection13 client_handshake() {
  return make_protection(kAead, v::kClientHandshakeKey, v::kClientHandshakeIv);
}
Protection13 server_application() {
  return make_protection(kAead, v::kServerApplicationKey, v::kServerApplicationIv);
}
Protection13 client_application() {
  return make_protection(kAead, v::kClientApplicationKey, v::kClientApplicationIv);
}

// EncryptedExtensions, Certificate, CertificateVerify, Finished (657 octets).
Bytes server_flight() {
  Bytes out = hex(v::kEncryptedExtensions);
  append(out, hex(v::kCertificate));
  append(out, hex(v::kCertificateVerify));
  append(out, hex(v::kServerFinished));
  return out;
}

// ---- the server's encrypted handshake flight (server handshake key, seq 0)

TEST(Rfc8448Record, ServerFlightOpens) {
  auto p = server_handshake();
  auto opened = open_record(p, hex(v::kServerHandshakeRecord));
  ASSERT_TRUE(opened.ok()) << opened.result.error().detail;
  EXPECT_EQ(opened.type(), ContentType::handshake);
  EXPECT_EQ(opened.content().size(), 657u);
  EXPECT_EQ(opened.content(), server_flight());
  EXPECT_EQ(p.sequence(), 1u);
}

TEST(Rfc8448Record, ServerFlightSealsToTheRfcBytes) {
  auto p = server_handshake();
  Bytes out;
  ASSERT_TRUE(p.seal(ContentType::handshake, server_flight(), out).ok());
  EXPECT_EQ(out, hex(v::kServerHandshakeRecord));
  EXPECT_EQ(p.sequence(), 1u);
}

TEST(Rfc8448Record, SealAppendsToWhatIsInTheBuffer) {
  auto p = server_handshake();
  Bytes out = {0xaa, 0xbb};
  ASSERT_TRUE(p.seal(ContentType::handshake, server_flight(), out).ok());
  Bytes want = {0xaa, 0xbb};
  append(want, hex(v::kServerHandshakeRecord));
  EXPECT_EQ(out, want);
}

// ---- the client's Finished (client handshake key, seq 0)

TEST(Rfc8448Record, ClientFinishedOpens) {
  auto p = client_handshake();
  auto opened = open_record(p, hex(v::kClientFinishedRecord));
  ASSERT_TRUE(opened.ok()) << opened.result.error().detail;
  EXPECT_EQ(opened.type(), ContentType::handshake);
  EXPECT_EQ(opened.content(), hex(v::kClientFinished));
}

TEST(Rfc8448Record, ClientFinishedSealsToTheRfcBytes) {
  auto p = client_handshake();
  Bytes out;
  ASSERT_TRUE(p.seal(ContentType::handshake, hex(v::kClientFinished), out).ok());
  EXPECT_EQ(out, hex(v::kClientFinishedRecord));
}

// ---- server application traffic: NewSessionTicket (seq 0), application
// data (seq 1), close_notify (seq 2)

TEST(Rfc8448Record, ServerApplicationRecordsOpenInOrder) {
  auto p = server_application();
  auto ticket = open_record(p, hex(v::kNewSessionTicketRecord));
  ASSERT_TRUE(ticket.ok()) << ticket.result.error().detail;
  EXPECT_EQ(ticket.type(), ContentType::handshake);
  EXPECT_EQ(ticket.content(), hex(v::kNewSessionTicket));

  auto data = open_record(p, hex(v::kServerApplicationRecord));
  ASSERT_TRUE(data.ok()) << data.result.error().detail;
  EXPECT_EQ(data.type(), ContentType::application_data);
  EXPECT_EQ(data.content(), hex(v::kApplicationData));

  auto alert = open_record(p, hex(v::kServerCloseNotifyRecord));
  ASSERT_TRUE(alert.ok()) << alert.result.error().detail;
  EXPECT_EQ(alert.type(), ContentType::alert);
  EXPECT_EQ(alert.content(), hex(v::kCloseNotify));
  EXPECT_EQ(p.sequence(), 3u);
}

TEST(Rfc8448Record, ServerApplicationRecordsSealToTheRfcBytes) {
  auto p = server_application();
  Bytes out;
  ASSERT_TRUE(p.seal(ContentType::handshake, hex(v::kNewSessionTicket), out).ok());
  EXPECT_EQ(out, hex(v::kNewSessionTicketRecord));
  out.clear();
  ASSERT_TRUE(p.seal(ContentType::application_data, hex(v::kApplicationData), out).ok());
  EXPECT_EQ(out, hex(v::kServerApplicationRecord));
  out.clear();
  ASSERT_TRUE(p.seal(ContentType::alert, hex(v::kCloseNotify), out).ok());
  EXPECT_EQ(out, hex(v::kServerCloseNotifyRecord));
}

// ---- client application traffic: application data (seq 0), close_notify (seq 1)

TEST(Rfc8448Record, ClientApplicationRecordsOpenInOrder) {
  auto p = client_application();
  auto data = open_record(p, hex(v::kClientApplicationRecord));
  ASSERT_TRUE(data.ok()) << data.result.error().detail;
  EXPECT_EQ(data.type(), ContentType::application_data);
  EXPECT_EQ(data.content(), hex(v::kApplicationData));

  auto alert = open_record(p, hex(v::kClientCloseNotifyRecord));
  ASSERT_TRUE(alert.ok()) << alert.result.error().detail;
  EXPECT_EQ(alert.type(), ContentType::alert);
  EXPECT_EQ(alert.content(), hex(v::kCloseNotify));
}

TEST(Rfc8448Record, ClientApplicationRecordsSealToTheRfcBytes) {
  auto p = client_application();
  Bytes out;
  ASSERT_TRUE(p.seal(ContentType::application_data, hex(v::kApplicationData), out).ok());
  ASSERT_TRUE(p.seal(ContentType::alert, hex(v::kCloseNotify), out).ok());
  Bytes want = hex(v::kClientApplicationRecord);
  append(want, hex(v::kClientCloseNotifyRecord));
  EXPECT_EQ(out, want);
}

// ---- negative: any changed byte, the wrong sequence number, the wrong key

struct TraceRecord {
  const char* name;
  std::string_view record;
  Protection13 (*protection)();
  unsigned sequence;  // records opened before this one under the same key
};

const TraceRecord kTraceRecords[] = {
    {"server_flight", v::kServerHandshakeRecord, server_handshake, 0},
    {"client_finished", v::kClientFinishedRecord, client_handshake, 0},
    {"new_session_ticket", v::kNewSessionTicketRecord, server_application, 0},
    {"server_application_data", v::kServerApplicationRecord, server_application, 1},
    {"server_close_notify", v::kServerCloseNotifyRecord, server_application, 2},
    {"client_application_data", v::kClientApplicationRecord, client_application, 0},
    {"client_close_notify", v::kClientCloseNotifyRecord, client_application, 1},
};

// A Protection13 whose next sequence number is `sequence` (it seals and
// throws away that many records first).
Protection13 at_sequence(const TraceRecord& r, uint64_t sequence) {
  Protection13 p = r.protection();
  Bytes scratch;
  for (uint64_t i = 0; i < sequence; ++i) {
    EXPECT_TRUE(p.seal(ContentType::application_data, {}, scratch).ok());
  }
  EXPECT_EQ(p.sequence(), sequence);
  return p;
}

class Rfc8448Tampering : public ::testing::TestWithParam<TraceRecord> {};

TEST_P(Rfc8448Tampering, OpensAtItsSequenceNumber) {
  auto p = at_sequence(GetParam(), GetParam().sequence);
  EXPECT_TRUE(open_record(p, hex(GetParam().record)).ok());
}

TEST_P(Rfc8448Tampering, EveryFlippedByteIsBadRecordMac) {
  const Bytes record = hex(GetParam().record);
  for (size_t i = 0; i < record.size(); ++i) {
    // The header is the additional data: a flip there fails the tag too.
    Bytes changed = record;
    changed[i] ^= 0x01;
    auto p = at_sequence(GetParam(), GetParam().sequence);
    auto opened = open_record(p, changed);
    EXPECT_TRUE(fails_with(opened.result, AlertDescription::bad_record_mac)) << "byte " << i;
    // A record that does not authenticate uses no sequence number.
    EXPECT_EQ(p.sequence(), GetParam().sequence) << "byte " << i;
  }
}

TEST_P(Rfc8448Tampering, WrongSequenceNumberIsBadRecordMac) {
  for (uint64_t sequence : {GetParam().sequence + 1ULL, GetParam().sequence + 2ULL}) {
    auto p = at_sequence(GetParam(), sequence);
    auto opened = open_record(p, hex(GetParam().record));
    EXPECT_TRUE(fails_with(opened.result, AlertDescription::bad_record_mac)) << sequence;
  }
  if (GetParam().sequence > 0) {
    auto p = at_sequence(GetParam(), GetParam().sequence - 1);
    auto opened = open_record(p, hex(GetParam().record));
    EXPECT_TRUE(fails_with(opened.result, AlertDescription::bad_record_mac));
  }
}

TEST_P(Rfc8448Tampering, TruncatedRecordIsBadRecordMac) {
  Bytes record = hex(GetParam().record);
  record.pop_back();
  auto p = at_sequence(GetParam(), GetParam().sequence);
  EXPECT_TRUE(fails_with(open_record(p, record).result, AlertDescription::bad_record_mac));
}

TEST_P(Rfc8448Tampering, OtherDirectionsKeyIsBadRecordMac) {
  // Server records under the client's key of the same epoch, and back.
  auto other = GetParam().protection == server_handshake     ? client_handshake()
               : GetParam().protection == client_handshake   ? server_handshake()
               : GetParam().protection == server_application ? client_application()
                                                             : server_application();
  Bytes scratch;
  for (unsigned i = 0; i < GetParam().sequence; ++i) {
    ASSERT_TRUE(other.seal(ContentType::application_data, {}, scratch).ok());
  }
  EXPECT_TRUE(fails_with(open_record(other, hex(GetParam().record)).result,
                         AlertDescription::bad_record_mac));
}

INSTANTIATE_TEST_SUITE_P(Rfc8448Section3, Rfc8448Tampering, ::testing::ValuesIn(kTraceRecords),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace coda::record
