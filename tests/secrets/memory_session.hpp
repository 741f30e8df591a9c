// A whole TLS session through the GnuTLS C API, client and server in one
// thread over an in-memory transport: handshake, data both ways, bye both
// ways, then every handle freed. The session's secrets are captured through
// the keylog callback into static storage (never the heap, which the test
// searches).
#pragma once

#include <gnutls/gnutls.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace coda::test {

struct CapturedSecret {
  char label[48];
  uint8_t bytes[64];
  size_t size;
};

// What the keylog callbacks of both sessions reported, each (label, value)
// once, in order. Reset by run_memory_session.
size_t captured_secret_count();
const CapturedSecret& captured_secret(size_t i);
const CapturedSecret* find_captured_secret(const char* label);

struct SessionFiles {
  std::string cert_file;  // server chain (PEM)
  std::string key_file;   // its private key (PEM)
  std::string ca_pem;     // the client's trust anchor
};

// The server's key and chain, the client's trust anchor. Loading a key is
// not part of a session: a test loads them before it watches the session.
struct Credentials {
  gnutls_certificate_credentials_t server = nullptr;
  gnutls_certificate_credentials_t client = nullptr;
  std::string error;  // empty: both loaded

  Credentials() = default;
  Credentials(Credentials&& other) noexcept;
  Credentials(const Credentials&) = delete;
  Credentials& operator=(const Credentials&) = delete;
  ~Credentials();
};
Credentials load_credentials(const SessionFiles& files);

struct SessionOutcome {
  std::string error;  // empty: the session ran to its end
  gnutls_protocol_t version = GNUTLS_VERSION_UNKNOWN;
  gnutls_cipher_algorithm_t cipher = GNUTLS_CIPHER_UNKNOWN;
  uint8_t client_random[32]{};  // from the ClientHello / ServerHello on the wire
  uint8_t server_random[32]{};
};

// Runs the session with `priority` on both sides, then frees every handle,
// the credentials too. When `plant_unwiped_copy_of` names a keylog label,
// the callback also copies that secret into a heap block it frees without
// wiping: the control that shows a leak is seen.
SessionOutcome run_memory_session(Credentials credentials, const char* priority,
                                  const char* plant_unwiped_copy_of = nullptr);

// TLS 1.3 resumption: the same session twice, the server with a ticket key
// (gnutls_session_ticket_key_generate), the second client resuming with the
// first one's session data. The program's key and the session data are
// copied here (static storage, outside the heap searched).
struct ResumptionCapture {
  uint8_t program_key[64];
  uint8_t session_data[4096];
  size_t session_data_size = 0;
  bool plant_unwiped_copy = false;  // the control: leak the session data once
};
SessionOutcome run_resumed_session(Credentials credentials, const char* priority,
                                   ResumptionCapture& capture);

}  // namespace coda::test
