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
#include <string>

#include "common/net.hpp"
#include "common/options.hpp"
#include "common/session.hpp"
#include "engine/connection.hpp"
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
      "Exit status 0 only when the session was set up and ended without error.",
      {
          {"port", 'p', true, false, "PORT", "server port (default 443)"},
          {"x509cafile", 0, true, true, "FILE",
           "trusted CA certificates, PEM (default: the system store)"},
          {"verify-hostname", 0, true, false, "NAME",
           "name the certificate must match (default: HOST)"},
          {"insecure", 0, false, false, "", "do not verify the server's certificate"},
          {"priority", 0, true, false, "STRING", "GnuTLS priority string (default NORMAL)"},
          {"bye", 0, true, false, "rdwr|wr",
           "at end of input: rdwr (default) sends close_notify and waits for the server's; wr "
           "also shuts down the TCP write side after the close_notify"},
          {"timeout", 0, true, false, "SECONDS",
           "limit for connecting, the handshake and waiting for the server's close_notify (default "
           "10)"},
          {"help", 'h', false, false, "", "print this help and exit"},
          {"version", 'v', false, false, "", "print the version and exit"},
      });
}

// How the session ended, for the summary and the exit status.
struct Outcome {
  bool ok = true;
  std::string text;
};

}  // namespace

int main(int argc, char** argv) {
  // A peer that goes away is an error code from send(), not a signal.
  std::signal(SIGPIPE, SIG_IGN);

  tools::Options opts = make_options();
  if (!opts.parse(argc, argv)) return usage_error(opts.error());
  if (opts.has("help")) {
    std::fputs(opts.help().c_str(), stdout);
    return 0;
  }
  if (opts.has("version")) {
    std::printf("%s (Coda) %s\n", kProgram, CODA_VERSION);
    return 0;
  }
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
  if (bye != "rdwr" && bye != "wr")
    return usage_error("bad --bye '" + bye + "': expected rdwr or wr");

  auto config = std::make_shared<Config>();
  config->role = Role::client;
  std::string error;
  // Without --priority, GnuTLS's default: NORMAL (TLS 1.3 and 1.2).
  const std::string priority = opts.has("priority") ? opts.value("priority") : "NORMAL";
  if (!tools::apply_priority(priority, *config, &error)) {
    return usage_error(error);
  }
  const bool insecure = opts.has("insecure");
  std::string verified_name;
  if (insecure) {
    config->verify_peer = false;
  } else {
    if (!tools::load_trust(opts.values("x509cafile"), *config, &error)) return usage_error(error);
    verified_name = opts.value("verify-hostname", host);
    // Set explicitly: with an IP literal there is no SNI, and an empty
    // verify_hostname would then mean "no name check".
    config->verify_hostname = verified_name;
  }
  // RFC 6066 3: literal IP addresses are not permitted in SNI.
  if (!tools::is_ip_literal(host)) config->server_name = host;
  config->fill_defaults();

  std::string address;
  const int fd = tools::connect_to(host, port, timeout_ms, &address, &error);
  if (fd < 0) return usage_error(error);
  std::fprintf(stderr, "- connected to %s (%s)\n", host.c_str(), address.c_str());

  auto created = Connection::create(config);
  if (!created) {
    ::close(fd);
    return usage_error(std::string("cannot start a session: ") + created.error().detail);
  }
  Connection& conn = **created;
  io::FdDriver driver(conn, fd);

  if (auto hs = driver.handshake(timeout_ms); !hs) {
    const std::string why = tools::verification_failure(hs.error(), conn);
    std::fprintf(
        stderr, "%s: %s\n", kProgram,
        why.empty()
            ? ("handshake failed: " + tools::describe_error(hs.error(), conn, driver)).c_str()
            : why.c_str());
    ::close(fd);
    return 1;
  }
  std::fprintf(stderr, "- handshake complete\n");
  tools::print_summary(stderr, conn, verified_name);

  // One poll() loop over standard input and the socket, so the server's
  // data is printed while input is still open.
  std::array<uint8_t, 16384> buf;
  bool input_open = true;
  bool closing = false;   // our close_notify is queued
  bool tcp_shut = false;  // --bye wr: FIN sent after the close_notify
  bool server_first = false;
  long long close_deadline = -1;
  Outcome outcome;

  auto fail = [&](const Error& e) {
    outcome.ok = false;
    outcome.text = tools::describe_error(e, conn, driver);
  };

  for (;;) {
    // Print what arrived before anything else can end the loop.
    while (conn.app_data_available() > 0) {
      const size_t n = conn.read(MutableByteView(buf.data(), buf.size()));
      if (!tools::write_fully(STDOUT_FILENO, buf.data(), n)) {
        outcome = {false, std::string("cannot write to standard output: ") + std::strerror(errno)};
        break;
      }
    }
    if (!outcome.ok) break;

    if (conn.read_state() == DirectionState::closed) {
      // The server's close_notify. If it came first, answer with ours:
      // the session is over either way.
      if (!closing) {
        server_first = true;
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
      outcome = {false, std::string("poll: ") + std::strerror(errno)};
      break;
    }
    if (n == 0) {
      outcome = {false, "the server did not answer our close_notify within the timeout"};
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
        // Data that arrived before the error is still printed below.
        while (conn.app_data_available() > 0) {
          const size_t m = conn.read(MutableByteView(buf.data(), buf.size()));
          tools::write_fully(STDOUT_FILENO, buf.data(), m);
        }
        break;
      }
    }
    if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      const ssize_t got = ::read(STDIN_FILENO, buf.data(), buf.size());
      if (got < 0 && errno == EINTR) continue;
      if (got > 0) {
        if (auto st = conn.send(ByteView(buf.data(), static_cast<size_t>(got))); !st) {
          fail(st.error());
          break;
        }
      } else {
        // End of input (or an unreadable stdin): close our direction.
        input_open = false;
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

  if (outcome.ok) {
    outcome.text = server_first ? "clean (the server sent close_notify first; we answered)"
                                : "clean (both sides sent close_notify)";
  }
  if (outcome.ok) {
    std::fprintf(stderr, "- closure: %s\n", outcome.text.c_str());
  } else {
    std::fprintf(stderr, "- closure: failed\n%s: %s\n", kProgram, outcome.text.c_str());
  }
  ::close(fd);
  return outcome.ok ? 0 : 1;
}
