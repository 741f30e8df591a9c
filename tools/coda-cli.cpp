// coda-cli: a TLS client in the manner of gnutls-cli. Connects, verifies the
// server, copies standard input to the server and the server's data to
// standard output, and closes with close_notify at the end of input.
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>

#include "common/client_pem.hpp"
#include "common/client_starttls.hpp"
#include "common/net.hpp"
#include "common/options.hpp"
#include "common/session.hpp"
#include "engine/connection.hpp"
#include "engine/keylog_file.hpp"
#include "io/bounded_read.hpp"
#include "io/fd_driver.hpp"

namespace {

using namespace coda;

constexpr const char* kProgram = "coda-cli";
// --resume: how long the first connection waits for a ticket that follows
// the handshake (GnuTLS's client waits about a round trip plus 60 ms).
constexpr int kTicketWaitMs = 1000;

int usage_error(const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", kProgram, message.c_str());
  return 1;
}

tools::Options make_options() {
  return tools::Options(
      kProgram, "HOST",
      "Connects to HOST with TLS, sends standard input and prints what the server sends.\n"
      "At the end of input it sends close_notify and prints until the server's close_notify.\n"
      "A session summary goes to standard error (-q: none).\n"
      "\n"
      "Exit status, how the session ended:\n"
      "  0  clean: both sides sent close_notify (with --bye none: nothing failed before we\n"
      "     closed the socket)\n"
      "  1  usage or setup error (bad option, unreadable file, cannot connect, STARTTLS\n"
      "     refused, an option that is not supported yet)\n"
      "  2  the handshake failed, certificate verification included (the reason is printed)\n"
      "  3  truncated: the connection ended (EOF or reset) before the server's close_notify\n"
      "  4  the server never confirmed our close_notify within the timeout\n"
      "  5  a fatal alert, sent or received, after the handshake",
      {
          {"port", 'p', true, false, "PORT", "server port (default 443)"},
          {"x509cafile", 0, true, true, "FILE",
           "trusted CA certificates, PEM (default: the system store)"},
          {"x509certfile", 0, true, false, "FILE",
           "client certificate chain, PEM, sent when the server asks for one"},
          {"x509keyfile", 0, true, false, "FILE", "private key of --x509certfile, PEM"},
          {"verify-hostname", 0, true, false, "NAME",
           "name the certificate must match (default: HOST)"},
          {"sni-hostname", 0, true, false, "NAME",
           "server name to send as SNI (default: HOST, none for an IP address)"},
          {"insecure", 0, false, false, "", "do not verify the server's certificate"},
          {"priority", 0, true, false, "STRING", "GnuTLS priority string (default NORMAL)"},
          {"alpn", 0, true, true, "PROTOCOL",
           "offer an application protocol by ALPN (repeat for several, most wanted first); "
           "the summary shows the one the server chose"},
          {"resume", 'r', false, false, "",
           "connect once, keep the session the server offers (a TLS 1.3 ticket, a TLS 1.2 "
           "session id or ticket), close, "
           "connect again resuming it and say \"resumed: yes\" or \"resumed: no\"; the data "
           "goes over the second connection"},
          {"earlydata", 0, true, false, "FILE",
           "with --resume: send FILE as TLS 1.3 0-RTT early data on the resumed connection, "
           "when the ticket allows it (at most the server's max_early_data_size); if the "
           "server does not take it, it is sent again after the handshake"},
          {"keylogfile", 0, true, false, "FILE",
           "append the session's secrets to FILE in the NSS key log format (for Wireshark); "
           "anyone with the file can decrypt the session"},
          {"starttls-proto", 0, true, false, "smtp|imap|ftp",
           "speak the plaintext protocol up to STARTTLS (SMTP: EHLO, STARTTLS; IMAP: a "
           "STARTTLS; FTP: AUTH TLS), then the TLS handshake on the same connection"},
          {"bye", 0, true, false, "rdwr|wr|none",
           "at end of input: rdwr (default) sends close_notify and waits for the server's; wr "
           "also shuts down the TCP write side after the close_notify; none closes the socket "
           "without close_notify"},
          {"timeout", 0, true, false, "SECONDS",
           "limit for connecting, STARTTLS, the handshake and waiting for the server's "
           "close_notify (default 10)"},
          {"quiet", 'q', false, false, "", "no session summary"},
          {"print-cert", 0, false, false, "",
           "print the server's certificate chain (PEM) to standard output before the data"},
          {"help", 'h', false, false, "", "print this help and exit"},
          {"version", 'v', false, false, "", "print the version and exit"},
      });
}

// Exit statuses (see --help).
enum Exit : int {
  kClean = 0,
  kSetup = 1,
  kHandshake = 2,
  kTruncated = 3,
  kUnconfirmed = 4,
  kAlert = 5,
};

// How the session ended, for the summary and the exit status.
struct Outcome {
  int code = kClean;
  std::string text;
  bool ok() const { return code == kClean; }
};

// The exit status for an error after the handshake.
int exit_for(const Error& e) {
  if (io::FdDriver::is_timeout(e)) return kUnconfirmed;
  switch (e.kind) {
    case ErrorKind::local_alert:
    case ErrorKind::peer_alert:
      return kAlert;
    default:
      // Truncation, a reset or another transport error: the stream ended
      // without the server's close_notify.
      return kTruncated;
  }
}

// --earlydata: the file is read whole, and no early data is ever larger
// than a max_early_data_size (a uint32); 1 MiB is plenty for a tool.
constexpr size_t kMaxEarlyDataFile = 1U << 20U;

bool read_small_file(const std::string& path, Bytes& out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read --earlydata " + path + ": " + std::strerror(errno);
    return false;
  }
  std::array<char, 4096> chunk;
  while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
    const auto n = static_cast<size_t>(in.gcount());
    if (out.size() + n > kMaxEarlyDataFile) {
      *error = "--earlydata " + path + ": larger than 1 MiB";
      return false;
    }
    out.insert(out.end(), chunk.data(), chunk.data() + n);
  }
  if (in.bad()) {
    *error = "cannot read --earlydata " + path;
    return false;
  }
  return true;
}

// What every connection of a run shares.
struct Setup {
  std::string host;
  unsigned port = 443;
  int timeout_ms = 10000;
  std::string starttls;          // empty: TLS at once
  std::FILE* info = nullptr;     // the summary; null with -q
  KeylogFile* keylog = nullptr;  // null: no key log
  std::string verified_name;     // for the summary; empty: --insecure
};

// One connection: the socket (closed at the end), its session and driver.
struct OpenSession {
  int fd = -1;
  std::unique_ptr<Connection> conn;
  std::unique_ptr<io::FdDriver> driver;

  OpenSession() = default;
  OpenSession(const OpenSession&) = delete;
  OpenSession& operator=(const OpenSession&) = delete;
  ~OpenSession() {
    driver.reset();
    conn.reset();
    if (fd >= 0) ::close(fd);
  }
};

// Connects, speaks STARTTLS if asked and runs the handshake, printing the
// summary. Returns kClean, or the exit status after printing why not.
int open_session(const Setup& setup, std::shared_ptr<const Config> config, OpenSession& out) {
  std::string error;
  std::string address;
  out.fd = tools::connect_to(setup.host, setup.port, setup.timeout_ms, &address, &error);
  if (out.fd < 0) return usage_error(error);
  if (setup.info) {
    std::fprintf(setup.info, "- connected to %s (%s)\n", setup.host.c_str(), address.c_str());
  }
  if (!setup.starttls.empty()) {
    if (!tools::starttls_negotiate(out.fd, setup.starttls, setup.timeout_ms, setup.info, &error)) {
      return usage_error(error);
    }
    if (setup.info) {
      std::fprintf(setup.info, "- %s: STARTTLS accepted, starting TLS\n", setup.starttls.c_str());
    }
  }
  auto created = Connection::create(std::move(config));
  if (!created) {
    return usage_error(std::string("cannot start a session: ") + created.error().detail);
  }
  out.conn = std::move(created).value();
  Connection& conn = *out.conn;
  out.driver = std::make_unique<io::FdDriver>(conn, out.fd);
  if (setup.keylog) {
    conn.set_secret_observer([&conn, keylog = setup.keylog](const char* label, ByteView secret) {
      keylog->write(label, conn.info().client_random, secret);
      return 0;
    });
  }
  if (auto hs = out.driver->handshake(setup.timeout_ms); !hs) {
    const std::string why = tools::verification_failure(hs.error(), conn);
    std::fprintf(
        stderr, "%s: %s\n", kProgram,
        why.empty()
            ? ("handshake failed: " + tools::describe_error(hs.error(), conn, *out.driver)).c_str()
            : why.c_str());
    return kHandshake;
  }
  if (setup.info) {
    std::fprintf(setup.info, "- handshake complete\n");
    tools::print_summary(setup.info, conn, setup.verified_name);
  }
  return kClean;
}

// Puts the session the server offered for resumption into `next`; false
// when it offered none. A TLS 1.2 session (its id or RFC 5077 ticket) is
// known once the handshake is done; a TLS 1.3 ticket comes after it (RFC
// 8446 4.6.1), usually at once: records are read for a moment until one is
// there.
bool keep_resumable(OpenSession& s, int timeout_ms, Config& next) {
  Connection& conn = *s.conn;
  if (conn.info().version == ProtocolVersion::tls12) {
    next.resume12 = conn.info().session12;
    return next.resume12 != nullptr;
  }
  const long long deadline =
      io::deadline_after(timeout_ms < 0 ? kTicketWaitMs : std::min(timeout_ms, kTicketWaitMs));
  std::array<uint8_t, 4096> sink;
  while (!conn.info().ticket && !conn.error() && conn.read_state() == DirectionState::open) {
    pollfd p{s.fd, s.driver->poll_events(), 0};
    const int n = ::poll(&p, 1, io::poll_timeout_until(deadline));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if ((p.revents & POLLOUT) != 0 && !s.driver->try_flush()) break;
    if ((p.revents & (POLLIN | POLLHUP | POLLERR)) != 0 && !s.driver->try_receive()) break;
    // Data on the first connection is not what the user asked for.
    while (conn.app_data_available() > 0) conn.read(MutableByteView(sink.data(), sink.size()));
  }
  next.resume = conn.info().ticket;
  return next.resume != nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  // A peer that goes away is an error code from send(), not a signal.
  std::signal(SIGPIPE, SIG_IGN);

  tools::Options opts = make_options();
  if (!opts.parse(argc, argv)) return usage_error(opts.error());
  if (tools::answered_help_or_version(opts, kProgram)) return 0;
  if (opts.operands().size() != 1) return usage_error("expected exactly one HOST (see --help)");
  const std::string host = opts.operands()[0];

  unsigned port = 443;
  if (opts.has("port") && !tools::parse_port(opts.value("port"), port)) {
    return usage_error("bad --port '" + opts.value("port") + "': expected 0..65535");
  }
  int timeout_ms = 10000;
  if (opts.has("timeout") && !tools::parse_seconds(opts.value("timeout"), timeout_ms)) {
    return usage_error("bad --timeout '" + opts.value("timeout") + "': expected whole seconds");
  }
  const std::string bye = opts.value("bye", "rdwr");
  if (bye != "rdwr" && bye != "wr" && bye != "none") {
    return usage_error("bad --bye '" + bye + "': expected rdwr, wr or none");
  }
  const std::string starttls = opts.value("starttls-proto");
  if (opts.has("starttls-proto") && !tools::starttls_supported(starttls)) {
    return usage_error("bad --starttls-proto '" + starttls + "': expected smtp, imap or ftp");
  }
  Bytes early_data;
  if (opts.has("earlydata")) {
    if (!opts.has("resume")) return usage_error("--earlydata needs --resume");
    std::string why;
    if (!read_small_file(opts.value("earlydata"), early_data, &why)) return usage_error(why);
  }
  const bool quiet = opts.has("quiet");
  const bool print_cert = opts.has("print-cert");
  std::FILE* info = quiet ? nullptr : stderr;

  auto config = std::make_shared<Config>();
  config->role = Role::client;
  std::string error;
  // Without --priority, GnuTLS's default: NORMAL (TLS 1.3 and 1.2).
  const std::string priority = opts.has("priority") ? opts.value("priority") : "NORMAL";
  if (!tools::apply_priority(priority, *config, &error) ||
      !tools::apply_alpn(opts.values("alpn"), *config, &error)) {
    return usage_error(error);
  }
  if (opts.has("x509certfile") != opts.has("x509keyfile")) {
    return usage_error("--x509certfile and --x509keyfile go together");
  }
  if (opts.has("x509certfile")) {
    auto key = CertifiedKey::load(opts.value("x509certfile"), opts.value("x509keyfile"));
    if (!key) {
      return usage_error("cannot load certificate " + opts.value("x509certfile") + " with key " +
                         opts.value("x509keyfile") + ": " + key.error().detail);
    }
    config->client_certificate = std::move(key).value();
  }
  const bool insecure = opts.has("insecure");
  std::string verified_name;
  if (insecure) {
    config->verify_peer = false;
    std::fprintf(stderr,
                 "%s: warning: --insecure: the server's certificate is not verified; anyone on "
                 "the path can impersonate it\n",
                 kProgram);
  } else {
    if (!tools::load_trust(opts.values("x509cafile"), *config, &error)) return usage_error(error);
    verified_name = opts.value("verify-hostname", host);
    // Set explicitly: with an IP literal there is no SNI, and an empty
    // verify_hostname would then mean "no name check".
    config->verify_hostname = verified_name;
  }
  // RFC 6066 3: literal IP addresses are not permitted in SNI.
  const std::string sni = opts.value("sni-hostname", host);
  if (opts.has("sni-hostname") && tools::is_ip_literal(sni)) {
    return usage_error("--sni-hostname '" + sni + "': an IP address is never sent as SNI");
  }
  if (!tools::is_ip_literal(sni)) config->server_name = sni;
  config->fill_defaults();
  std::unique_ptr<KeylogFile> keylog;
  if (opts.has("keylogfile")) {
    auto opened = KeylogFile::open(opts.value("keylogfile"));
    if (!opened) {
      return usage_error("cannot open --keylogfile " + opts.value("keylogfile") + ": " +
                         std::strerror(errno));
    }
    keylog = std::move(opened).value();
  }

  const Setup setup{host, port, timeout_ms, starttls, info, keylog.get(), verified_name};
  OpenSession session;
  std::shared_ptr<const Config> session_config = config;
  if (opts.has("resume")) {
    // gnutls-cli --resume: a first session only to learn one to resume.
    OpenSession first;
    if (int rc = open_session(setup, config, first); rc != kClean) return rc;
    auto again = std::make_shared<Config>(*config);
    const bool resumable = keep_resumable(first, timeout_ms, *again);
    // Only our close_notify: the peer's answer is not needed to reconnect.
    (void)first.driver->close(io::CloseMode::wr, timeout_ms);
    if (info) {
      std::fprintf(info, "- %s\n",
                   resumable ? "session kept for resumption"
                             : "the server offered no session to resume: connecting afresh");
    }
    if (resumable) {
      again->early_data = early_data;
      session_config = std::move(again);
    }
  }
  if (int rc = open_session(setup, session_config, session); rc != kClean) return rc;
  Connection& conn = *session.conn;
  io::FdDriver& driver = *session.driver;
  const int fd = session.fd;
  if (opts.has("resume")) {
    std::fprintf(stderr, "- resumed: %s\n", conn.info().resumed ? "yes" : "no");
  }
  if (opts.has("earlydata")) {
    const SessionInfo& si = conn.info();
    const bool taken = si.early_data_accepted;
    if (info) {
      std::fprintf(info, "- early data: %zu of %zu bytes sent, %s\n", si.early_data_sent,
                   early_data.size(), taken ? "accepted" : "not accepted");
    }
    // What the server did not take goes again as ordinary data.
    const size_t from = taken ? si.early_data_sent : 0;
    if (from < early_data.size()) {
      if (auto st = conn.send(ByteView(early_data).subspan(from)); !st) {
        std::fprintf(stderr, "%s: %s\n", kProgram,
                     tools::describe_error(st.error(), conn, driver).c_str());
        return kAlert;
      }
    }
  }
  if (print_cert) {
    std::string pem;
    for (const auto& cert : conn.info().peer_chain) pem += tools::pem_certificate(cert.der());
    if (!tools::write_fully(STDOUT_FILENO, pem.data(), pem.size())) {
      return usage_error(std::string("cannot write to standard output: ") + std::strerror(errno));
    }
  }

  // One poll() loop over standard input and the socket, so the server's
  // data is printed while input is still open.
  std::array<uint8_t, 16384> buf;
  bool input_open = true;
  bool closing = false;   // our close_notify is queued
  bool tcp_shut = false;  // --bye wr: FIN sent after the close_notify
  bool server_first = false;
  bool abandoned = false;  // --bye none: closed without close_notify
  long long close_deadline = -1;
  Outcome outcome;

  auto fail = [&](const Error& e) {
    outcome.code = exit_for(e);
    outcome.text = tools::describe_error(e, conn, driver);
  };
  auto drain = [&]() {
    while (conn.app_data_available() > 0) {
      const size_t n = conn.read(MutableByteView(buf.data(), buf.size()));
      if (!tools::write_fully(STDOUT_FILENO, buf.data(), n)) return false;
    }
    return true;
  };

  for (;;) {
    // Print what arrived before anything else can end the loop.
    if (!drain()) {
      outcome = {kSetup, std::string("cannot write to standard output: ") + std::strerror(errno)};
      break;
    }

    if (conn.read_state() == DirectionState::closed) {
      // The server's close_notify. If it came first, answer with ours
      // (unless --bye none): the session is over either way.
      if (!closing) {
        server_first = true;
        if (bye == "none") {
          abandoned = true;
          break;
        }
        conn.close_write();
        closing = true;
      }
      if (auto st = driver.flush(timeout_ms);
          !st && !io::FdDriver::is_transport_error(st.error())) {
        fail(st.error());
      }
      break;
    }
    if (auto e = conn.error()) {
      fail(*e);
      break;
    }
    if (closing && bye == "wr" && !tcp_shut && conn.pending_output().empty()) {
      ::shutdown(fd, SHUT_WR);
      tcp_shut = true;
    }

    pollfd fds[2] = {{-1, 0, 0}, {fd, driver.poll_events(), 0}};
    // Read more input only once the last chunk is on its way: the socket's
    // pace limits how much we hold.
    if (input_open && conn.pending_output().empty()) fds[0] = {STDIN_FILENO, POLLIN, 0};
    const int n = ::poll(fds, 2, closing ? io::poll_timeout_until(close_deadline) : -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      outcome = {kSetup, std::string("poll: ") + std::strerror(errno)};
      break;
    }
    if (n == 0) {
      outcome = {kUnconfirmed, "the server did not answer our close_notify within the timeout"};
      break;
    }
    if ((fds[1].revents & POLLOUT) != 0) {
      if (auto r = driver.try_flush(); !r) {
        fail(r.error());
        break;
      }
    }
    if ((fds[1].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      if (auto r = driver.try_receive(); !r) {
        fail(r.error());
        // Data that arrived before the error is still printed.
        drain();
        break;
      }
    }
    if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      bool is_socket = false;
      const ssize_t got =
          io::read_into(STDIN_FILENO, buf, buf.size(), /*recv_flags=*/0, &is_socket);
      if (got > 0) {
        if (auto st = conn.send(ByteView(buf.data(), static_cast<size_t>(got))); !st) {
          fail(st.error());
          break;
        }
      } else {
        // End of input (or an unreadable stdin): close our direction.
        input_open = false;
        if (bye == "none") {
          // Only what is already queued goes out; no close_notify.
          if (auto st = driver.flush(timeout_ms); !st) fail(st.error());
          abandoned = true;
          break;
        }
        closing = true;
        conn.close_write();
        close_deadline = io::deadline_after(timeout_ms);
      }
      if (auto r = driver.try_flush(); !r) {
        fail(r.error());
        break;
      }
    }
  }

  if (outcome.ok()) {
    if (abandoned) {
      outcome.text = server_first
                         ? "none (the server sent close_notify; --bye none: we closed the socket "
                           "without ours)"
                         : "none (--bye none: closed the socket without close_notify)";
    } else {
      outcome.text = server_first ? "clean (the server sent close_notify first; we answered)"
                                  : "clean (both sides sent close_notify)";
    }
    if (info) std::fprintf(info, "- closure: %s\n", outcome.text.c_str());
  } else {
    if (info) std::fprintf(info, "- closure: failed\n");
    std::fprintf(stderr, "%s: %s\n", kProgram, outcome.text.c_str());
  }
  return outcome.code;
}
