// Every valid message cut short at every length must be refused (never
// crash, never read past the end), and single-byte corruption must never
// crash. Run under CODA_SANITIZE to make "never read past" observable.
#include <gtest/gtest.h>

#include <functional>

#include "handshake/messages.hpp"
#include "unit/handshake/test_util.hpp"

namespace coda::hs {
namespace {

using test::ext;
using test::hex;

struct Sample {
  const char* name;
  Bytes wire;
  // Parses and reports whether it succeeded and, if so, whether the
  // message had an extensions block (for the TLS 1.2 hello rule below).
  std::function<bool(ByteView, bool& had_extensions)> parse;
};

template <typename T>
std::function<bool(ByteView, bool&)> parser() {
  return [](ByteView b, bool& had_ext) {
    auto r = T::parse(b);
    had_ext = false;
    if constexpr (requires(T t) { t.extension_types; }) {
      if (r.ok()) had_ext = !r->extension_types.empty();
    }
    return r.ok();
  };
}

std::vector<Sample> samples() {
  std::vector<Sample> out;

  ClientHello ch;
  ch.legacy_session_id = Bytes(32, 1);
  ch.cipher_suites = {0x1301, 0x1302};
  ch.server_name = "example.com";
  ch.supported_versions = {0x0304};
  ch.supported_groups = {0x001d};
  ch.signature_algorithms = {0x0804};
  ch.signature_algorithms_cert = {0x0804};
  ch.key_shares = std::vector<KeyShareEntry>{{0x001d, Bytes(32, 2)}};
  ch.cookie = Bytes{1};
  ch.psk_key_exchange_modes = {1};
  ch.alpn = {"h2"};
  ch.ec_point_formats = {0};
  ch.extended_master_secret = true;
  ch.renegotiation_info = Bytes{};
  ch.has_early_data = true;
  ch.post_handshake_auth = true;
  ch.other_extensions = {{0x1234, {1, 2, 3}}};
  out.push_back({"ClientHello", ch.serialize(), parser<ClientHello>()});

  ServerHello sh;
  sh.legacy_session_id_echo = Bytes(32, 1);
  sh.cipher_suite = 0x1301;
  sh.selected_version = 0x0304;
  sh.key_share = KeyShareEntry{0x001d, Bytes(32, 3)};
  sh.extended_master_secret = true;
  sh.renegotiation_info = Bytes{1};
  sh.ec_point_formats = {0};
  out.push_back({"ServerHello", sh.serialize(), parser<ServerHello>()});

  ServerHello hrr;
  hrr.random = kHelloRetryRequestRandom;
  hrr.cipher_suite = 0x1301;
  hrr.selected_version = 0x0304;
  hrr.selected_group = 0x0017;
  hrr.cookie = Bytes{4, 5};
  out.push_back({"HelloRetryRequest", hrr.serialize(), parser<ServerHello>()});

  EncryptedExtensions ee;
  ee.server_name_ack = true;
  ee.supported_groups = {0x001d};
  ee.alpn = "h2";
  ee.other_extensions = {{0x1234, {1}}};
  out.push_back({"EncryptedExtensions", ee.serialize(), parser<EncryptedExtensions>()});

  CertificateRequest cr;
  cr.request_context = {1};
  cr.signature_algorithms = {0x0804};
  cr.signature_algorithms_cert = {0x0804};
  out.push_back({"CertificateRequest", cr.serialize(), parser<CertificateRequest>()});

  CertificateMsg cert;
  cert.request_context = {1};
  cert.entries = {{Bytes(10, 0x30), ext(5, {1})}, {Bytes(3, 0x31), {}}};
  out.push_back({"Certificate", cert.serialize(), parser<CertificateMsg>()});

  out.push_back({"CertificateVerify", CertificateVerify{0x0804, Bytes(8, 9)}.serialize(),
                 parser<CertificateVerify>()});

  NewSessionTicket nst;
  nst.nonce = {1};
  nst.ticket = {2, 3};
  nst.extensions = {{42, {0, 0, 0, 1}}};
  out.push_back({"NewSessionTicket", nst.serialize(), parser<NewSessionTicket>()});

  out.push_back(
      {"KeyUpdate", KeyUpdate{KeyUpdate::update_requested}.serialize(), parser<KeyUpdate>()});

  const size_t finished_len = 32;
  out.push_back({"Finished", Finished{Bytes(finished_len, 7)}.serialize(),
                 [finished_len](ByteView b, bool& had_ext) {
                   had_ext = false;
                   return Finished::parse(b, finished_len).ok();
                 }});
  return out;
}

TEST(Truncation, EveryPrefixOfEveryMessageIsRefused) {
  for (const auto& s : samples()) {
    SCOPED_TRACE(s.name);
    ASSERT_FALSE(s.wire.empty());
    bool had_ext = false;
    ASSERT_TRUE(s.parse(s.wire, had_ext));
    const bool is_hello = std::string(s.name).find("Hello") != std::string::npos;
    int accepted = 0;
    for (size_t n = 0; n < s.wire.size(); ++n) {
      // A copy of exactly n bytes, so a sanitizer sees any read past it.
      const Bytes prefix(s.wire.begin(), s.wire.begin() + static_cast<std::ptrdiff_t>(n));
      if (s.parse(prefix, had_ext)) {
        // RFC 5246 7.4.1.2/7.4.1.3: a hello cut exactly before its
        // extensions block is a valid extension-less TLS 1.2 hello.
        EXPECT_TRUE(is_hello) << "prefix of " << n << " bytes parsed";
        EXPECT_FALSE(had_ext) << "prefix of " << n << " bytes parsed with extensions";
        ++accepted;
      }
    }
    EXPECT_EQ(accepted, is_hello ? 1 : 0);
  }
}

TEST(Truncation, CorruptingAnyByteNeverCrashes) {
  for (const auto& s : samples()) {
    SCOPED_TRACE(s.name);
    for (size_t i = 0; i < s.wire.size(); ++i) {
      for (uint8_t x : {uint8_t{0x01}, uint8_t{0x80}, uint8_t{0xff}}) {
        Bytes m = s.wire;
        m[i] ^= x;
        bool had_ext = false;
        (void)s.parse(m, had_ext);
      }
    }
  }
}

TEST(Truncation, Rfc8448ClientHelloPrefixes) {
  const Bytes body = hex(
      "03 03 cb 34 ec b1 e7 81 63 ba 1c 38 c6 da cb 19 6a 6d ff a2 1a 8d 99 12 ec 18 a2 ef 62 83"
      "02 4d ec e7 00 00 06 13 01 13 03 13 02 01 00 00 91 00 00 00 0b 00 09 00 00 06 73 65 72 76"
      "65 72 ff 01 00 01 00 00 0a 00 14 00 12 00 1d 00 17 00 18 00 19 01 00 01 01 01 02 01 03 01"
      "04 00 23 00 00 00 33 00 26 00 24 00 1d 00 20 99 38 1d e5 60 e4 bd 43 d2 3d 8e 43 5a 7d ba"
      "fe b3 c0 6e 51 c1 3c ae 4d 54 13 69 1e 52 9a af 2c 00 2b 00 03 02 03 04 00 0d 00 20 00 1e"
      "04 03 05 03 06 03 02 03 08 04 08 05 08 06 04 01 05 01 06 01 02 01 04 02 05 02 06 02 02 02"
      "00 2d 00 02 01 01 00 1c 00 02 40 01");
  ASSERT_EQ(body.size(), 0xc0U);
  ASSERT_TRUE(ClientHello::parse(body).ok());
  const size_t before_extensions = 2 + 32 + 1 + 2 + 6 + 2;
  for (size_t n = 0; n < body.size(); ++n) {
    const Bytes prefix(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_EQ(ClientHello::parse(prefix).ok(), n == before_extensions) << n;
  }
}

}  // namespace
}  // namespace coda::hs
