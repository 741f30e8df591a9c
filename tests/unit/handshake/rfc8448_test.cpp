// RFC 8448 section 3 ("Simple 1-RTT Handshake") replayed byte for byte
// against the x25519 key exchange, the transcript and the key schedule.
// The records of the same trace are replayed in unit/record/rfc8448_record_test.cpp
// with the keys checked here.
#include <gtest/gtest.h>

#include <string_view>

#include "crypto/key_exchange.hpp"
#include "handshake/key_schedule.hpp"
#include "handshake/transcript.hpp"
#include "unit/handshake/test_util.hpp"
#include "unit/record/rfc8448_vectors.hpp"

namespace coda::hs {
namespace {

namespace v = ::coda::test::rfc8448;
using test::hex;

constexpr auto kHash = crypto::HashAlg::sha256;
constexpr auto kAead = crypto::AeadAlg::aes128gcm;

template <typename Container>
Bytes bytes_of(const Container& c) {
  return Bytes(c.begin(), c.end());
}

// The session as the trace drives it: transcript and key schedule fed the
// RFC's messages in order.
struct Replay {
  Transcript transcript;
  KeySchedule schedule{kHash};

  Replay() {
    transcript.add(hex(v::kClientHello));
    transcript.add(hex(v::kServerHello));
    // The suite is known from the ServerHello: TLS_AES_128_GCM_SHA256.
    transcript.set_hash(kHash);
    schedule.derive_handshake_secrets(hex(v::kSharedSecret), transcript.current());
  }

  // Adds EncryptedExtensions, Certificate and CertificateVerify.
  void add_server_flight_before_finished() {
    transcript.add(hex(v::kEncryptedExtensions));
    transcript.add(hex(v::kCertificate));
    transcript.add(hex(v::kCertificateVerify));
  }
};

TEST(Rfc8448, VectorLengthsMatchTheRfc) {
  EXPECT_EQ(hex(v::kClientHello).size(), 196u);
  EXPECT_EQ(hex(v::kServerHello).size(), 90u);
  EXPECT_EQ(hex(v::kEncryptedExtensions).size(), 40u);
  EXPECT_EQ(hex(v::kCertificate).size(), 445u);
  EXPECT_EQ(hex(v::kCertificateVerify).size(), 136u);
  EXPECT_EQ(hex(v::kServerFinished).size(), 36u);
  EXPECT_EQ(hex(v::kClientFinished).size(), 36u);
  EXPECT_EQ(hex(v::kServerHandshakeRecord).size(), 679u);
}

TEST(Rfc8448, X25519ClientComputesSharedSecret) {
  auto client = crypto::KeyShare::from_private(NamedGroup::x25519, hex(v::kClientPrivate));
  ASSERT_TRUE(client.ok());
  EXPECT_EQ(bytes_of(client->public_key()), hex(v::kClientPublic));
  auto secret = client->shared_secret(hex(v::kServerPublic));
  ASSERT_TRUE(secret.ok());
  EXPECT_EQ(bytes_of(*secret), hex(v::kSharedSecret));
}

TEST(Rfc8448, X25519ServerComputesSharedSecret) {
  auto server = crypto::KeyShare::from_private(NamedGroup::x25519, hex(v::kServerPrivate));
  ASSERT_TRUE(server.ok());
  EXPECT_EQ(bytes_of(server->public_key()), hex(v::kServerPublic));
  auto secret = server->shared_secret(hex(v::kClientPublic));
  ASSERT_TRUE(secret.ok());
  EXPECT_EQ(bytes_of(*secret), hex(v::kSharedSecret));
}

TEST(Rfc8448, TranscriptHashOfHellos) {
  Transcript transcript;
  transcript.add(hex(v::kClientHello));
  transcript.add(hex(v::kServerHello));
  transcript.set_hash(kHash);
  EXPECT_EQ(transcript.current(), hex(v::kHelloHash));
}

TEST(Rfc8448, TranscriptHashIsTheSameWhenTheHashIsSetFirst) {
  Transcript transcript;
  transcript.set_hash(kHash);
  transcript.add(hex(v::kClientHello));
  transcript.add(hex(v::kServerHello));
  EXPECT_EQ(transcript.current(), hex(v::kHelloHash));
}

TEST(Rfc8448, HandshakeTrafficSecrets) {
  Replay r;
  EXPECT_EQ(bytes_of(r.schedule.client_handshake_secret()), hex(v::kClientHandshakeSecret));
  EXPECT_EQ(bytes_of(r.schedule.server_handshake_secret()), hex(v::kServerHandshakeSecret));
}

TEST(Rfc8448, HandshakeTrafficKeys) {
  Replay r;
  const TrafficKeys server = traffic_keys(kAead, kHash, r.schedule.server_handshake_secret());
  EXPECT_EQ(bytes_of(server.key), hex(v::kServerHandshakeKey));
  EXPECT_EQ(bytes_of(server.iv), hex(v::kServerHandshakeIv));
  const TrafficKeys client = traffic_keys(kAead, kHash, r.schedule.client_handshake_secret());
  EXPECT_EQ(bytes_of(client.key), hex(v::kClientHandshakeKey));
  EXPECT_EQ(bytes_of(client.iv), hex(v::kClientHandshakeIv));
}

TEST(Rfc8448, ServerFinishedVerifyData) {
  Replay r;
  r.add_server_flight_before_finished();
  const Bytes verify_data =
      finished_verify_data(kHash, r.schedule.server_handshake_secret(), r.transcript.current());
  EXPECT_EQ(verify_data, hex(v::kServerVerifyData));
  // The Finished message is its 4-byte header and the verify_data.
  const Bytes finished = hex(v::kServerFinished);
  EXPECT_EQ(Bytes(finished.begin() + 4, finished.end()), verify_data);
}

TEST(Rfc8448, ApplicationTrafficSecrets) {
  Replay r;
  r.add_server_flight_before_finished();
  r.transcript.add(hex(v::kServerFinished));
  EXPECT_EQ(r.transcript.current(), hex(v::kServerFinishedHash));
  r.schedule.derive_application_secrets(r.transcript.current());
  EXPECT_EQ(bytes_of(r.schedule.client_application_secret()), hex(v::kClientApplicationSecret));
  EXPECT_EQ(bytes_of(r.schedule.server_application_secret()), hex(v::kServerApplicationSecret));
  EXPECT_EQ(bytes_of(r.schedule.exporter_master_secret()), hex(v::kExporterMasterSecret));
  // The handshake secrets stay available for the client's Finished.
  EXPECT_EQ(bytes_of(r.schedule.client_handshake_secret()), hex(v::kClientHandshakeSecret));
}

TEST(Rfc8448, ApplicationTrafficKeys) {
  Replay r;
  r.add_server_flight_before_finished();
  r.transcript.add(hex(v::kServerFinished));
  r.schedule.derive_application_secrets(r.transcript.current());
  const TrafficKeys server = traffic_keys(kAead, kHash, r.schedule.server_application_secret());
  EXPECT_EQ(bytes_of(server.key), hex(v::kServerApplicationKey));
  EXPECT_EQ(bytes_of(server.iv), hex(v::kServerApplicationIv));
  const TrafficKeys client = traffic_keys(kAead, kHash, r.schedule.client_application_secret());
  EXPECT_EQ(bytes_of(client.key), hex(v::kClientApplicationKey));
  EXPECT_EQ(bytes_of(client.iv), hex(v::kClientApplicationIv));
}

TEST(Rfc8448, ClientFinishedVerifyData) {
  Replay r;
  r.add_server_flight_before_finished();
  r.transcript.add(hex(v::kServerFinished));
  r.schedule.derive_application_secrets(r.transcript.current());
  // RFC 8446 4.4.4: the client's Finished covers ClientHello..server Finished,
  // keyed with the client handshake traffic secret.
  const Bytes verify_data =
      finished_verify_data(kHash, r.schedule.client_handshake_secret(), r.transcript.current());
  EXPECT_EQ(verify_data, hex(v::kClientVerifyData));
  const Bytes finished = hex(v::kClientFinished);
  EXPECT_EQ(Bytes(finished.begin() + 4, finished.end()), verify_data);
}

TEST(Rfc8448, FinishedDependsOnTheTranscript) {
  Replay r;
  r.add_server_flight_before_finished();
  Bytes hash = r.transcript.current();
  hash[0] ^= 1;
  EXPECT_NE(finished_verify_data(kHash, r.schedule.server_handshake_secret(), hash),
            hex(v::kServerVerifyData));
}

TEST(Rfc8448, WrongSharedSecretGivesOtherSecrets) {
  Transcript transcript;
  transcript.add(hex(v::kClientHello));
  transcript.add(hex(v::kServerHello));
  transcript.set_hash(kHash);
  Bytes shared = hex(v::kSharedSecret);
  shared[31] ^= 0x80;
  KeySchedule schedule(kHash);
  schedule.derive_handshake_secrets(shared, transcript.current());
  EXPECT_NE(bytes_of(schedule.client_handshake_secret()), hex(v::kClientHandshakeSecret));
  EXPECT_NE(bytes_of(schedule.server_handshake_secret()), hex(v::kServerHandshakeSecret));
}

}  // namespace
}  // namespace coda::hs
