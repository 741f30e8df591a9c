// coda-cli: a TLS client in the manner of gnutls-cli. Connects, verifies the
// server, copies standard input to the server and the server's data to
// standard output, and closes with close_notify at the end of input.
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
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
          {"resume", 'r', false, false, "", "not supported yet"},
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

}  // namespace

int main(int argc, char** argv) {
  // A peer that goes away is an error code from send(), not a signal.
  std::signal(SIGPIPE, SIG_IGN);

  tools::Options opts = make_options();
  if (!opts.parse(argc, argv)) return usage_error(opts.error());
  if (tools::answered_help_or_version(opts, kProgram)) return 0;
  if (opts.has("resume")) return usage_error("session resumption (--resume) is not supported yet");
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

  std::string address;
  const int fd = tools::connect_to(host, port, timeout_ms, &address, &error);
  if (fd < 0) return usage_error(error);
  if (info) std::fprintf(info, "- connected to %s (%s)\n", host.c_str(), address.c_str());

  if (!starttls.empty()) {
    if (!tools::starttls_negotiate(fd, starttls, timeout_ms, info, &error)) {
      ::close(fd);
      return usage_error(error);
    }
    if (info) std::fprintf(info, "- %s: STARTTLS accepted, starting TLS\n", starttls.c_str());
  }

  auto created = Connection::create(config);
  if (!created) {
    ::close(fd);
    return usage_error(std::string("cannot start a session: ") + created.error().detail);
  }
  Connection& conn = **created;
  io::FdDriver driver(conn, fd);
  if (keylog) {
    conn.set_secret_observer([&conn, &keylog](const char* label, ByteView secret) {
      keylog->write(label, conn.info().client_random, secret);
      return 0;
    });
  }

  if (auto hs = driver.handshake(timeout_ms); !hs) {
    const std::string why = tools::verification_failure(hs.error(), conn);
    std::fprintf(
        stderr, "%s: %s\n", kProgram,
        why.empty()
            ? ("handshake failed: " + tools::describe_error(hs.error(), conn, driver)).c_str()
            : why.c_str());
    ::close(fd);
    return kHandshake;
  }
  if (info) {
    std::fprintf(info, "- handshake complete\n");
    tools::print_summary(info, conn, verified_name);
  }
  if (print_cert) {
    std::string pem;
    for (const auto& cert : conn.info().peer_chain) pem += tools::pem_certificate(cert.der());
    if (!tools::write_fully(STDOUT_FILENO, pem.data(), pem.size())) {
      ::close(fd);
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
  ::close(fd);
  return outcome.code;
}
