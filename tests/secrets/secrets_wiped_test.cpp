// Key material is wiped when freed. A whole session (both roles, TLS 1.3 and
// TLS 1.2, several suites) runs through the C API under the debug heap of
// debug_heap.cpp, which copies every block freed while it runs. Then the
// session's secrets (from the keylog callback), the traffic keys and IVs
// derived from them and the server's long-term private key are searched in
// those copies and in every block still allocated: none may be there.
#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "base/secure.hpp"
#include "config/config.hpp"
#include "config/resumable_session.hpp"
#include "config/session12.hpp"
#include "crypto/aead.hpp"
#include "crypto/hkdf.hpp"
#include "debug_heap.hpp"
#include "handshake/ticket.hpp"
#include "memory_session.hpp"
#include "support/test_pki.hpp"

namespace coda::test {
namespace {

// The smallest value searched for: a 12-byte IV (TLS 1.2 GCM's 4-byte
// implicit IVs are too short to tell from chance).
constexpr size_t kMinValue = 12;

// ---- the values searched for, in static storage (not the heap) ----

struct Value {
  char label[64];
  uint8_t bytes[64];
  size_t size;
};
Value g_values[128];
size_t g_value_count = 0;

// Values shorter than kMinValue are not searched (by design); anything that
// does not fit is a mistake of this test.
void add_value(const std::string& label, ByteView bytes) {
  if (bytes.size() < kMinValue) return;
  if (bytes.size() > sizeof(g_values[0].bytes) || g_value_count == std::size(g_values)) {
    ADD_FAILURE() << "no room to search for " << label;
    return;
  }
  Value& v = g_values[g_value_count++];
  std::snprintf(v.label, sizeof(v.label), "%s", label.c_str());
  std::memcpy(v.bytes, bytes.data(), bytes.size());
  v.size = bytes.size();
}

std::vector<Needle> needles() {
  std::vector<Needle> out;
  for (size_t i = 0; i < g_value_count; ++i) {
    out.push_back({g_values[i].label, {g_values[i].bytes, g_values[i].size}});
  }
  return out;
}

// ---- the server's certificate and key ----

struct ServerFiles {
  SessionFiles files;
  uint8_t private_scalar[32]{};  // the ECDSA P-256 key itself
  bool have_scalar = false;
  char pem_chunk[49]{};  // a stretch of the key file's base64 text
};

// The long-term key's raw scalar, as OpenSSL reads it from the PEM.
bool read_private_scalar(const std::string& key_pem, uint8_t out[32]) {
  BIO* bio = BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIGNUM* priv = nullptr;
  const bool ok = key != nullptr && EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PRIV_KEY, &priv) &&
                  BN_bn2binpad(priv, out, 32) == 32;
  BN_clear_free(priv);
  EVP_PKEY_free(key);
  BIO_free(bio);
  return ok;
}

void remove_server_files();

// Made once, before any recording; a static object, so the key's bytes it
// keeps for the search are not on the heap.
const ServerFiles& server_files() {
  static ServerFiles files;
  static bool made = false;
  if (made) return files;
  made = true;
  TestCert leaf = default_pki().issue(LeafOptions{});
  char dir[] = "/tmp/coda-secrets-XXXXXX";
  if (mkdtemp(dir) == nullptr) return files;  // the session then fails to load the key
  files.files.cert_file = std::string(dir) + "/cert.pem";
  files.files.key_file = std::string(dir) + "/key.pem";
  files.files.ca_pem = default_pki().ca_pem();
  std::ofstream(files.files.cert_file) << leaf.chain_pem;
  std::ofstream(files.files.key_file) << leaf.key_pem;
  files.have_scalar = read_private_scalar(leaf.key_pem, files.private_scalar);
  const size_t body = leaf.key_pem.find('\n') + 1;
  std::snprintf(files.pem_chunk, sizeof(files.pem_chunk), "%.48s", leaf.key_pem.c_str() + body);
  secure_wipe(leaf.key_pem.data(), leaf.key_pem.size());
  std::atexit(remove_server_files);
  return files;
}

void remove_server_files() {
  const SessionFiles& f = server_files().files;
  std::remove(f.cert_file.c_str());
  std::remove(f.key_file.c_str());
  rmdir(f.key_file.substr(0, f.key_file.rfind('/')).c_str());
}

// ---- what each plan negotiates, and the keys it derives ----

struct Plan {
  const char* name;
  const char* priority;
  gnutls_protocol_t version;
  gnutls_cipher_algorithm_t cipher;
  crypto::AeadAlg aead;
  crypto::HashAlg hash;
  size_t tls12_iv_size;  // RFC 5288: 4 (GCM); RFC 7905: 12 (ChaCha20)
};

const Plan kPlans[] = {
    {"tls13_aes128gcm", "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+AES-128-GCM", GNUTLS_TLS1_3,
     GNUTLS_CIPHER_AES_128_GCM, crypto::AeadAlg::aes128gcm, crypto::HashAlg::sha256, 0},
    {"tls13_aes256gcm", "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+AES-256-GCM", GNUTLS_TLS1_3,
     GNUTLS_CIPHER_AES_256_GCM, crypto::AeadAlg::aes256gcm, crypto::HashAlg::sha384, 0},
    {"tls13_chacha20", "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+CHACHA20-POLY1305",
     GNUTLS_TLS1_3, GNUTLS_CIPHER_CHACHA20_POLY1305, crypto::AeadAlg::chacha20poly1305,
     crypto::HashAlg::sha256, 0},
    {"tls12_aes128gcm", "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-128-GCM", GNUTLS_TLS1_2,
     GNUTLS_CIPHER_AES_128_GCM, crypto::AeadAlg::aes128gcm, crypto::HashAlg::sha256, 4},
    {"tls12_aes256gcm", "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-256-GCM", GNUTLS_TLS1_2,
     GNUTLS_CIPHER_AES_256_GCM, crypto::AeadAlg::aes256gcm, crypto::HashAlg::sha384, 4},
    {"tls12_chacha20", "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+CHACHA20-POLY1305",
     GNUTLS_TLS1_2, GNUTLS_CIPHER_CHACHA20_POLY1305, crypto::AeadAlg::chacha20poly1305,
     crypto::HashAlg::sha256, 12},
};

const char* const kTls13TrafficSecrets[] = {"CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                                            "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                                            "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0"};

std::string captured_labels() {
  std::string out;
  for (size_t i = 0; i < captured_secret_count(); ++i)
    out += captured_secret(i).label + std::string(" ");
  return out.empty() ? "(none)" : out;
}

ByteView bytes_of(const CapturedSecret& s) {
  return {s.bytes, s.size};
}

// RFC 8446 7.3: each traffic secret's key and IV.
::testing::AssertionResult add_tls13_values(const Plan& plan) {
  for (const char* label : kTls13TrafficSecrets) {
    const CapturedSecret* s = find_captured_secret(label);
    if (s == nullptr) return ::testing::AssertionFailure() << "the keylog gave no " << label;
    add_value(label, bytes_of(*s));
    const SecureBytes key = crypto::hkdf_expand_label(plan.hash, bytes_of(*s), "key", {},
                                                      crypto::aead_key_length(plan.aead));
    const SecureBytes iv =
        crypto::hkdf_expand_label(plan.hash, bytes_of(*s), "iv", {}, crypto::kAeadNonceLength);
    add_value(std::string(label) + " key", key);
    add_value(std::string(label) + " iv", iv);
  }
  const CapturedSecret* exporter = find_captured_secret("EXPORTER_SECRET");
  if (exporter == nullptr)
    return ::testing::AssertionFailure() << "the keylog gave no EXPORTER_SECRET";
  add_value("EXPORTER_SECRET", bytes_of(*exporter));
  return ::testing::AssertionSuccess();
}

// RFC 5246 6.3: the key block from the master secret and both randoms.
::testing::AssertionResult add_tls12_values(const Plan& plan, const SessionOutcome& outcome) {
  const CapturedSecret* master = find_captured_secret("CLIENT_RANDOM");
  if (master == nullptr) return ::testing::AssertionFailure() << "the keylog gave no CLIENT_RANDOM";
  add_value("master secret", bytes_of(*master));
  uint8_t seed[64];
  std::memcpy(seed, outcome.server_random, 32);
  std::memcpy(seed + 32, outcome.client_random, 32);
  const size_t key_size = crypto::aead_key_length(plan.aead);
  const SecureBytes block = crypto::tls12_prf(plan.hash, bytes_of(*master), "key expansion", seed,
                                              2 * key_size + 2 * plan.tls12_iv_size);
  const ByteView all(block);
  add_value("client write key", all.subspan(0, key_size));
  add_value("server write key", all.subspan(key_size, key_size));
  add_value("client write IV", all.subspan(2 * key_size, plan.tls12_iv_size));
  add_value("server write IV", all.subspan(2 * key_size + plan.tls12_iv_size, plan.tls12_iv_size));
  return ::testing::AssertionSuccess();
}

// Starts the list of values afresh with the server's long-term key.
::testing::AssertionResult start_with_server_key() {
  g_value_count = 0;
  const ServerFiles& server = server_files();
  if (!server.have_scalar) return ::testing::AssertionFailure() << "cannot read the test key";
  add_value("server private key", {server.private_scalar, sizeof server.private_scalar});
  add_value("server private key file text",
            {reinterpret_cast<const uint8_t*>(server.pem_chunk), std::strlen(server.pem_chunk)});
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult collect_values(const Plan& plan, const SessionOutcome& outcome) {
  if (auto ok = start_with_server_key(); !ok) return ok;
  auto ok =
      plan.version == GNUTLS_TLS1_3 ? add_tls13_values(plan) : add_tls12_values(plan, outcome);
  if (!ok) ok << " (captured: " << captured_labels() << ")";
  return ok;
}

// Records the heap from the first gnutls_init to the last handle freed (the
// credentials, loaded before, included).
SessionOutcome run_recorded(const Plan& plan, const char* plant = nullptr) {
  Credentials credentials = load_credentials(server_files().files);
  start_recording(kMinValue);
  SessionOutcome outcome = run_memory_session(std::move(credentials), plan.priority, plant);
  stop_recording();
  return outcome;
}

void PrintTo(const Plan& plan, std::ostream* os) {
  *os << plan.name;
}

class SessionSecrets : public ::testing::TestWithParam<Plan> {};

TEST_P(SessionSecrets, NoneInFreedOrRemainingMemoryAfterDeinit) {
  const Plan& plan = GetParam();
  ASSERT_TRUE(openssl_allocations_hooked()) << "OpenSSL allocated before the hooks were set";
  const SessionOutcome outcome = run_recorded(plan);
  ASSERT_EQ(outcome.error, "");
  ASSERT_FALSE(recording_overflowed());
  EXPECT_GT(recorded_blocks(), 100u) << "the hooks saw too little being freed";
  EXPECT_EQ(outcome.version, plan.version);
  EXPECT_EQ(outcome.cipher, plan.cipher);
  // What could be collected is searched even when the keylog missed some.
  EXPECT_TRUE(collect_values(plan, outcome));
  for (const Finding& f : find_needles(needles())) ADD_FAILURE() << describe(f);
}

// The control at session level: the keylog callback copies one secret into
// a heap block and frees it unwiped; the search must report it.
TEST_P(SessionSecrets, APlantedUnwipedCopyIsFound) {
  const Plan& plan = GetParam();
  const char* planted = plan.version == GNUTLS_TLS1_3 ? "CLIENT_TRAFFIC_SECRET_0" : "CLIENT_RANDOM";
  const SessionOutcome outcome = run_recorded(plan, planted);
  ASSERT_EQ(outcome.error, "");
  ASSERT_TRUE(collect_values(plan, outcome));
  bool found = false;
  const std::string label = plan.version == GNUTLS_TLS1_3 ? planted : "master secret";
  for (const Finding& f : find_needles(needles())) {
    found = found || (f.label == label && !f.still_allocated);
  }
  EXPECT_TRUE(found) << "the planted copy of " << label << " was not found";
}

INSTANTIATE_TEST_SUITE_P(Plans, SessionSecrets, ::testing::ValuesIn(kPlans),
                         [](const auto& info) { return std::string(info.param.name); });

// ---- resumption ----

// The ticket key, the resumption PSK (TLS 1.3) or master secret (TLS 1.2,
// from the client's session data) and the derived AES keys of the tickets
// are wiped too, in both sessions: the one that got the ticket and the one
// that resumed with it.
class ResumptionSecrets : public ::testing::TestWithParam<const char*> {};

// Runs the two sessions and collects the values; false on failure.
::testing::AssertionResult run_resumption(const char* priority, ResumptionCapture& capture) {
  if (auto ok = start_with_server_key(); !ok) return ok;
  Credentials credentials = load_credentials(server_files().files);
  start_recording(kMinValue);
  const SessionOutcome outcome = run_resumed_session(std::move(credentials), priority, capture);
  stop_recording();
  if (!outcome.error.empty()) return ::testing::AssertionFailure() << outcome.error;
  if (recording_overflowed()) return ::testing::AssertionFailure() << "recording overflowed";
  add_value("program ticket key", {capture.program_key, 32});
  add_value("program ticket key (2nd half)", {capture.program_key + 32, 32});
  // The keys Coda derives from the program's (handshake/ticket.hpp): this
  // period's, and the previous one's, which opens tickets too.
  const uint64_t now_s = static_cast<uint64_t>(std::time(nullptr));
  const hs::TicketKeys keys = hs::ticket_keys_at(
      ByteView(capture.program_key, sizeof capture.program_key), now_s, Config{}.ticket_lifetime);
  add_value("ticket AES key", keys.current);
  add_value("previous ticket AES key", keys.previous);
  const ByteView data(capture.session_data, capture.session_data_size);
  if (ResumableSession12::is_format(data)) {
    // TLS 1.2: the master secret, in the session data and the ticket.
    auto session = ResumableSession12::parse(data);
    if (!session) return ::testing::AssertionFailure() << "the session data does not parse";
    add_value("TLS 1.2 master secret", session->master_secret);
    return ::testing::AssertionSuccess();
  }
  auto session = ResumableSession::parse(data);
  if (!session) return ::testing::AssertionFailure() << "the session data does not parse";
  add_value("resumption PSK", session->psk);
  return ::testing::AssertionSuccess();
}

const char* resumption_case_name(size_t index) {
  static const char* const names[] = {"sha256", "sha384", "tls12_ticket"};
  return index < 3 ? names[index] : "unknown";
}

TEST_P(ResumptionSecrets, APlantedUnwipedPskIsFound) {
  static ResumptionCapture capture;
  capture.plant_unwiped_copy = true;
  ASSERT_TRUE(run_resumption(GetParam(), capture));
  capture.plant_unwiped_copy = false;
  bool found = false;
  for (const Finding& f : find_needles(needles())) {
    found = found || ((f.label == "resumption PSK" || f.label == "TLS 1.2 master secret") &&
                      !f.still_allocated);
  }
  EXPECT_TRUE(found) << "the planted copy of the PSK (or master secret) was not found";
}

TEST_P(ResumptionSecrets, TicketKeyAndPskNotLeftInMemory) {
  static ResumptionCapture capture;  // static: outside the heap searched
  ASSERT_TRUE(run_resumption(GetParam(), capture));
  for (const Finding& f : find_needles(needles())) ADD_FAILURE() << describe(f);
}

INSTANTIATE_TEST_SUITE_P(
    Suites, ResumptionSecrets,
    ::testing::Values("NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+AES-128-GCM",
                      "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+AES-256-GCM",
                      "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+AES-256-GCM"),
    [](const auto& info) { return std::string(resumption_case_name(info.index)); });

// ---- loading the long-term key ----

// OpenSSL 3's key decoders (PEM to DER, DER to key) free their copies of the
// key's DER without clearing them. Coda cannot reach those buffers (avoiding
// them means decoding keys without OpenSSL's decoders); they are reported,
// not failed. Everything else, Coda's own copies above all, must be wiped.
bool freed_inside_openssl_decoders(const Finding& f) {
  for (const char* file : {"decode_pem2der.c", "decode_der2key.c", "asn1_lib.c"}) {
    if (f.freed_at.find(file) != std::string::npos) return true;
  }
  return false;
}

TEST(LongTermKey, LoadingAndFreeingLeavesNoCopyOutsideOpenSSLDecoders) {
  ASSERT_TRUE(openssl_allocations_hooked());
  const ServerFiles& server = server_files();
  gnutls_datum_t cert{}, key{};
  ASSERT_EQ(gnutls_load_file(server.files.cert_file.c_str(), &cert), 0);
  ASSERT_EQ(gnutls_load_file(server.files.key_file.c_str(), &key), 0);

  start_recording(kMinValue);
  gnutls_certificate_credentials_t cred = nullptr;
  ASSERT_EQ(gnutls_certificate_allocate_credentials(&cred), 0);
  EXPECT_EQ(
      gnutls_certificate_set_x509_key_file(cred, server.files.cert_file.c_str(),
                                           server.files.key_file.c_str(), GNUTLS_X509_FMT_PEM),
      0);
  EXPECT_EQ(gnutls_certificate_set_x509_key_mem(cred, &cert, &key, GNUTLS_X509_FMT_PEM), 0);
  gnutls_certificate_free_credentials(cred);
  stop_recording();
  // The program's own copy of the file (gnutls_load_file) is not the library's.
  secure_wipe(key.data, key.size);
  gnutls_free(key.data);
  gnutls_free(cert.data);

  ASSERT_TRUE(start_with_server_key());
  size_t in_decoders = 0;
  for (const Finding& f : find_needles(needles())) {
    if (!f.still_allocated && freed_inside_openssl_decoders(f)) {
      ++in_decoders;
    } else {
      ADD_FAILURE() << describe(f);
    }
  }
  RecordProperty("copies_freed_inside_openssl_decoders", static_cast<int>(in_decoders));
}

// ---- the debug heap itself ----

uint8_t g_control[32];

TEST(DebugHeap, SeesWhatIsFreedUnwipedAndWhatStaysAllocated) {
  ASSERT_TRUE(openssl_allocations_hooked());
  for (size_t i = 0; i < sizeof g_control; ++i) g_control[i] = static_cast<uint8_t>(0xA0 + i);
  const Needle needle{"control", {g_control, sizeof g_control}};

  start_recording(kMinValue);
  auto* careless = new uint8_t[64];
  std::memcpy(careless + 7, g_control, sizeof g_control);
  escape(careless);
  delete[] careless;  // found: freed unwiped
  auto* careful = new uint8_t[64];
  std::memcpy(careful + 7, g_control, sizeof g_control);
  secure_wipe(careful, 64);
  delete[] careful;  // not found
  void* ossl_careless = OPENSSL_malloc(64);
  std::memcpy(ossl_careless, g_control, sizeof g_control);
  escape(ossl_careless);
  OPENSSL_free(ossl_careless);  // found
  void* ossl_careful = OPENSSL_malloc(64);
  std::memcpy(ossl_careful, g_control, sizeof g_control);
  OPENSSL_clear_free(ossl_careful, 64);  // not found
  auto* kept = new uint8_t[40];
  std::memcpy(kept, g_control, sizeof g_control);  // found: still allocated
  stop_recording();

  const auto findings = find_needles({&needle, 1});
  secure_wipe(kept, 40);
  delete[] kept;
  ASSERT_EQ(findings.size(), 3u);
  int freed_cxx = 0, freed_openssl = 0, live = 0;
  for (const Finding& f : findings) {
    if (f.still_allocated) {
      ++live;
    } else if (std::string(f.origin) == "OpenSSL") {
      ++freed_openssl;
    } else {
      ++freed_cxx;
      EXPECT_EQ(f.offset, 7u);
      EXPECT_EQ(f.block_size, 64u);
    }
  }
  EXPECT_EQ(freed_cxx, 1);
  EXPECT_EQ(freed_openssl, 1);
  EXPECT_EQ(live, 1);
}

}  // namespace
}  // namespace coda::test
