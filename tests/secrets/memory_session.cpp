#include "memory_session.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

#include "debug_heap.hpp"

namespace coda::test {
namespace {

// ---- keylog capture ----

CapturedSecret g_secrets[64];
size_t g_secret_count = 0;
const char* g_plant_label = nullptr;

int capture_secret(gnutls_session_t, const char* label, const gnutls_datum_t* secret) {
  if (label == nullptr || secret == nullptr || secret->size > sizeof(g_secrets[0].bytes)) return 0;
  for (size_t i = 0; i < g_secret_count; ++i) {
    const CapturedSecret& s = g_secrets[i];
    if (std::strcmp(s.label, label) == 0 && s.size == secret->size &&
        std::memcmp(s.bytes, secret->data, s.size) == 0) {
      return 0;  // the other side of the session logged it too
    }
  }
  if (g_secret_count == std::size(g_secrets)) return 0;
  CapturedSecret& s = g_secrets[g_secret_count++];
  std::snprintf(s.label, sizeof(s.label), "%s", label);
  std::memcpy(s.bytes, secret->data, secret->size);
  s.size = secret->size;
  if (g_plant_label != nullptr && std::strcmp(label, g_plant_label) == 0) {
    // The control: a careless copy, freed as it is.
    std::vector<uint8_t> careless(secret->data, secret->data + secret->size);
    escape(careless.data());
  }
  return 0;
}

// ---- the transport: one queue each way ----

struct Queue {
  std::vector<uint8_t> bytes;
  std::vector<uint8_t> first_record;  // the first bytes ever sent this way (a hello)
};

ssize_t queue_push(gnutls_transport_ptr_t ptr, const void* data, size_t size) {
  auto* q = static_cast<Queue*>(ptr);
  const auto* p = static_cast<const uint8_t*>(data);
  q->bytes.insert(q->bytes.end(), p, p + size);
  if (q->first_record.size() < 64) {
    q->first_record.insert(q->first_record.end(), p,
                           p + std::min(size, 64 - q->first_record.size()));
  }
  return static_cast<ssize_t>(size);
}

ssize_t queue_pull(gnutls_transport_ptr_t ptr, void* data, size_t size) {
  auto* q = static_cast<Queue*>(ptr);
  if (q->bytes.empty()) {
    errno = EAGAIN;
    return -1;
  }
  const size_t n = std::min(size, q->bytes.size());
  std::memcpy(data, q->bytes.data(), n);
  q->bytes.erase(q->bytes.begin(), q->bytes.begin() + static_cast<std::ptrdiff_t>(n));
  return static_cast<ssize_t>(n);
}

int queue_wait(gnutls_transport_ptr_t ptr, unsigned) {
  return static_cast<Queue*>(ptr)->bytes.empty() ? 0 : 1;
}

// The random of a hello: record header (5), handshake header (4), version (2).
void copy_random(const Queue& q, uint8_t out[32]) {
  if (q.first_record.size() >= 11 + 32) std::memcpy(out, q.first_record.data() + 11, 32);
}

// ---- the session ----

// Freed in this order: sessions, priority, then the credentials.
struct Handles {
  Credentials credentials;
  gnutls_priority_t priority = nullptr;
  gnutls_session_t client = nullptr;
  gnutls_session_t server = nullptr;

  explicit Handles(Credentials c) : credentials(std::move(c)) {}
  ~Handles() {
    gnutls_deinit(client);
    gnutls_deinit(server);
    gnutls_priority_deinit(priority);
  }
};

// What a careful program does with a datum that holds a secret.
void secure_wipe_datum(gnutls_datum_t& d) {
  if (d.data != nullptr) {
    volatile unsigned char* p = d.data;
    for (unsigned i = 0; i < d.size; ++i) p[i] = 0;
  }
  gnutls_free(d.data);
  d = gnutls_datum_t{nullptr, 0};
}

std::string failure(const char* what, long ret) {
  return std::string(what) + ": " + gnutls_strerror(static_cast<int>(ret));
}

void set_up(gnutls_session_t s, gnutls_priority_t priority, void* cred, Queue* in, Queue* out) {
  gnutls_priority_set(s, priority);
  gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred);
  gnutls_transport_set_ptr2(s, in, out);
  gnutls_transport_set_push_function(s, queue_push);
  gnutls_transport_set_pull_function(s, queue_pull);
  gnutls_transport_set_pull_timeout_function(s, queue_wait);
  gnutls_session_set_keylog_function(s, capture_secret);
}

// Both handshakes, turn about, until both are done.
std::string handshake(gnutls_session_t client, gnutls_session_t server) {
  int c = GNUTLS_E_AGAIN, s = GNUTLS_E_AGAIN;
  for (int round = 0; round < 50 && (c != 0 || s != 0); ++round) {
    if (c != 0) c = gnutls_handshake(client);
    if (s != 0) s = gnutls_handshake(server);
    if (c < 0 && c != GNUTLS_E_AGAIN) return failure("client handshake", c);
    if (s < 0 && s != GNUTLS_E_AGAIN) return failure("server handshake", s);
  }
  return c == 0 && s == 0 ? "" : "the handshake did not finish";
}

// `text` from one side, read whole on the other.
std::string transfer(gnutls_session_t from, gnutls_session_t to, const std::string& text) {
  const ssize_t sent = gnutls_record_send(from, text.data(), text.size());
  if (sent != static_cast<ssize_t>(text.size())) return failure("record_send", sent);
  std::string got(text.size(), '\0');
  size_t have = 0;
  int again = 0;
  while (have < got.size()) {
    const ssize_t n = gnutls_record_recv(to, got.data() + have, got.size() - have);
    // A NewSessionTicket read instead of data is an E_AGAIN (as in GnuTLS).
    if (n == GNUTLS_E_AGAIN && ++again < 8) continue;
    if (n <= 0) return failure("record_recv", n);
    have += static_cast<size_t>(n);
  }
  return got == text ? "" : "the data arrived changed";
}

std::string close_both(gnutls_session_t client, gnutls_session_t server) {
  char buf[16];
  if (const int r = gnutls_bye(client, GNUTLS_SHUT_WR); r != 0) return failure("client bye", r);
  if (const ssize_t r = gnutls_record_recv(server, buf, sizeof buf); r != 0) {
    return failure("server reading close_notify", r);
  }
  if (const int r = gnutls_bye(server, GNUTLS_SHUT_WR); r != 0) return failure("server bye", r);
  if (const ssize_t r = gnutls_record_recv(client, buf, sizeof buf); r != 0) {
    return failure("client reading close_notify", r);
  }
  return "";
}

ResumptionCapture* g_resumption = nullptr;
gnutls_datum_t g_ticket_key{nullptr, 0};

std::string run_one(Handles& h, const char* priority, SessionOutcome& outcome, bool second);

std::string run(Credentials credentials, const char* priority, SessionOutcome& outcome) {
  if (!credentials.error.empty()) return credentials.error;
  Handles h(std::move(credentials));
  if (g_resumption == nullptr) return run_one(h, priority, outcome, false);
  // Resumption: the server gets a ticket key; the client keeps the first
  // session's data and resumes with it.
  if (int r = gnutls_session_ticket_key_generate(&g_ticket_key); r < 0) {
    return failure("ticket key", r);
  }
  std::memcpy(g_resumption->program_key, g_ticket_key.data, g_ticket_key.size);
  std::string e = run_one(h, priority, outcome, false);
  if (e.empty()) {
    gnutls_deinit(h.client);
    gnutls_deinit(h.server);
    gnutls_priority_deinit(h.priority);
    h.client = h.server = nullptr;
    h.priority = nullptr;
    e = run_one(h, priority, outcome, true);
  }
  secure_wipe_datum(g_ticket_key);
  return e;
}

std::string run_one(Handles& h, const char* priority, SessionOutcome& outcome, bool second) {
  Queue to_server, to_client;
  if (int r = gnutls_priority_init(&h.priority, priority, nullptr); r < 0) {
    return failure("priority", r);
  }
  if (int r = gnutls_init(&h.client, GNUTLS_CLIENT | GNUTLS_NONBLOCK); r < 0) {
    return failure("client init", r);
  }
  if (int r = gnutls_init(&h.server, GNUTLS_SERVER | GNUTLS_NONBLOCK); r < 0) {
    return failure("server init", r);
  }
  set_up(h.client, h.priority, h.credentials.client, &to_client, &to_server);
  set_up(h.server, h.priority, h.credentials.server, &to_server, &to_client);
  gnutls_server_name_set(h.client, GNUTLS_NAME_DNS, "localhost", 9);
  gnutls_session_set_verify_cert(h.client, "localhost", 0);
  if (g_resumption != nullptr) {
    if (int r = gnutls_session_ticket_enable_server(h.server, &g_ticket_key); r < 0) {
      return failure("ticket_enable_server", r);
    }
    if (second) {
      if (int r = gnutls_session_set_data(h.client, g_resumption->session_data,
                                          g_resumption->session_data_size);
          r < 0) {
        return failure("set_data", r);
      }
    }
  }

  if (auto e = handshake(h.client, h.server); !e.empty()) return e;
  if (g_resumption != nullptr && second && !gnutls_session_is_resumed(h.client)) {
    return "the second session did not resume";
  }
  outcome.version = gnutls_protocol_get_version(h.client);
  outcome.cipher = gnutls_cipher_get(h.client);
  copy_random(to_server, outcome.client_random);
  copy_random(to_client, outcome.server_random);
  for (int i = 0; i < 3; ++i) {
    if (auto e = transfer(h.client, h.server, "request " + std::to_string(i)); !e.empty()) return e;
    if (auto e = transfer(h.server, h.client, std::string(3000, 'r')); !e.empty()) return e;
  }
  if (g_resumption != nullptr && !second) {
    gnutls_datum_t data{nullptr, 0};
    if (int r = gnutls_session_get_data2(h.client, &data); r < 0) return failure("get_data2", r);
    if (data.size <= 4 || data.size > sizeof g_resumption->session_data) {
      secure_wipe_datum(data);
      return "no session data to resume with";
    }
    std::memcpy(g_resumption->session_data, data.data, data.size);
    g_resumption->session_data_size = data.size;
    if (g_resumption->plant_unwiped_copy) {
      // The control: a careless copy of the session data, freed as it is.
      std::vector<uint8_t> careless(data.data, data.data + data.size);
      escape(careless.data());
    }
    secure_wipe_datum(data);  // the program's copy: it holds the PSK
  }
  return close_both(h.client, h.server);
  // ~Handles frees every handle, then the queues go.
}

}  // namespace

Credentials::Credentials(Credentials&& other) noexcept
    : server(std::exchange(other.server, nullptr)),
      client(std::exchange(other.client, nullptr)),
      error(std::move(other.error)) {}

Credentials::~Credentials() {
  gnutls_certificate_free_credentials(client);
  gnutls_certificate_free_credentials(server);
}

Credentials load_credentials(const SessionFiles& files) {
  Credentials c;
  const gnutls_datum_t ca{reinterpret_cast<unsigned char*>(const_cast<char*>(files.ca_pem.data())),
                          static_cast<unsigned>(files.ca_pem.size())};
  int r = gnutls_certificate_allocate_credentials(&c.server);
  if (r == 0) {
    r = gnutls_certificate_set_x509_key_file(c.server, files.cert_file.c_str(),
                                             files.key_file.c_str(), GNUTLS_X509_FMT_PEM);
  }
  if (r < 0) {
    c.error = failure("server key", r);
    return c;
  }
  r = gnutls_certificate_allocate_credentials(&c.client);
  if (r == 0) r = gnutls_certificate_set_x509_trust_mem(c.client, &ca, GNUTLS_X509_FMT_PEM);
  if (r <= 0) c.error = failure("client trust", r);
  return c;
}

size_t captured_secret_count() {
  return g_secret_count;
}

const CapturedSecret& captured_secret(size_t i) {
  return g_secrets[i];
}

const CapturedSecret* find_captured_secret(const char* label) {
  for (size_t i = 0; i < g_secret_count; ++i) {
    if (std::strcmp(g_secrets[i].label, label) == 0) return &g_secrets[i];
  }
  return nullptr;
}

SessionOutcome run_resumed_session(Credentials credentials, const char* priority,
                                   ResumptionCapture& capture) {
  std::memset(g_secrets, 0, sizeof g_secrets);
  g_secret_count = 0;
  g_resumption = &capture;
  SessionOutcome outcome;
  outcome.error = run(std::move(credentials), priority, outcome);
  g_resumption = nullptr;
  return outcome;
}

SessionOutcome run_memory_session(Credentials credentials, const char* priority,
                                  const char* plant_unwiped_copy_of) {
  std::memset(g_secrets, 0, sizeof g_secrets);
  g_secret_count = 0;
  g_plant_label = plant_unwiped_copy_of;
  SessionOutcome outcome;
  outcome.error = run(std::move(credentials), priority, outcome);
  g_plant_label = nullptr;
  return outcome;
}

}  // namespace coda::test
