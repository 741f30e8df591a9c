// coda-serv: a TLS server in the manner of gnutls-serv. Serves 127.0.0.1,
// one connection after another, until SIGINT or SIGTERM; with --echo it
// sends every chunk it receives back. One log line per connection on
// standard error.
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

constexpr const char* kProgram = "coda-serv";
// How long the server keeps reading after its close_notify, so the
// client's last bytes are consumed and close() sends no TCP reset.
constexpr int kLingerMs = 500;

volatile std::sig_atomic_t g_stop = 0;

void on_signal(int) {
  g_stop = 1;
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", kProgram, message.c_str());
  return 1;
}

tools::Options make_options() {
  return tools::Options(
      kProgram, "",
      "Serves TLS on 127.0.0.1, one connection after another, until SIGINT or SIGTERM.\n"
      "Received data goes to standard output, or back to the client with --echo.",
      {
          {"port", 'p', true, false, "PORT", "port to listen on (default 5556; 0: any free port)"},
          {"x509certfile", 0, true, true, "FILE",
           "certificate chain, PEM (repeatable, paired in order with --x509keyfile)"},
          {"x509keyfile", 0, true, true, "FILE", "private key of the certificate, PEM"},
          {"priority", 0, true, false, "STRING", "GnuTLS priority string (default NORMAL)"},
          {"echo", 0, false, false, "", "send received data back"},
          {"timeout", 0, true, false, "SECONDS",
           "limit for a handshake and for a silent client (default 30)"},
          {"help", 'h', false, false, "", "print this help and exit"},
          {"version", 'v', false, false, "", "print the version and exit"},
      });
}

// Reads and drops what the client still sends, until EOF or the linger
// time, so that closing the socket does not reset the connection.
void linger_and_close(int fd) {
  ::shutdown(fd, SHUT_WR);
  const long long deadline = io::deadline_after(kLingerMs);
  std::array<char, 4096> sink;
  for (;;) {
    pollfd pfd{fd, POLLIN, 0};
    const int n = ::poll(&pfd, 1, io::poll_timeout_until(deadline));
    if (n <= 0) break;
    const ssize_t got = ::recv(fd, sink.data(), sink.size(), 0);
    if (got <= 0) break;
  }
  ::close(fd);
}

void serve(int fd, unsigned long number, const std::shared_ptr<const Config>& config, bool echo,
           int timeout_ms) {
  const std::string who =
      "connection " + std::to_string(number) + " from " + tools::peer_address(fd);
  auto created = Connection::create(config);
  if (!created) {
    std::fprintf(stderr, "%s: cannot start a session: %s\n", who.c_str(), created.error().detail);
    ::close(fd);
    return;
  }
  Connection& conn = **created;
  io::FdDriver driver(conn, fd);
  driver.set_interrupt_flag(&g_stop);

  if (auto hs = driver.handshake(timeout_ms); !hs) {
    std::fprintf(stderr, "%s: handshake failed: %s\n", who.c_str(),
                 tools::describe_error(hs.error(), conn, driver).c_str());
    linger_and_close(fd);
    return;
  }

  std::array<uint8_t, 16384> buf;
  uint64_t received = 0;
  std::string ending;
  for (;;) {
    auto got = driver.read(MutableByteView(buf.data(), buf.size()), timeout_ms);
    if (!got) {
      const Error& e = got.error();
      if (io::FdDriver::is_timeout(e) || io::FdDriver::is_interrupted(e)) {
        // Our side ends it: say so properly with close_notify.
        auto st = driver.close(io::CloseMode::wr, 1000);
        ending = io::FdDriver::is_timeout(e) ? "closed by us: the client was silent too long"
                                             : "closed by us: server stopping";
        if (!st) ending += " (close_notify not delivered)";
      } else {
        ending = "error: " + tools::describe_error(e, conn, driver);
      }
      break;
    }
    if (*got == 0) {
      // The client's close_notify: answer with ours.
      auto st = driver.close(io::CloseMode::wr, timeout_ms);
      ending = "clean: the client sent close_notify, we answered";
      if (!st)
        ending +=
            " (our close_notify not delivered: " + tools::describe_error(st.error(), conn, driver) +
            ")";
      break;
    }
    received += *got;
    if (echo) {
      if (auto st = driver.write_all(ByteView(buf.data(), *got), timeout_ms); !st) {
        ending = "error while echoing: " + tools::describe_error(st.error(), conn, driver);
        break;
      }
    } else {
      tools::write_fully(STDOUT_FILENO, buf.data(), *got);
    }
  }
  std::string sni = conn.info().server_name.empty() ? "" : " sni=" + conn.info().server_name;
  std::fprintf(stderr, "%s: %s%s, %llu bytes in; %s\n", who.c_str(),
               tools::session_brief(conn).c_str(), sni.c_str(),
               static_cast<unsigned long long>(received), ending.c_str());
  linger_and_close(fd);
}

}  // namespace

int main(int argc, char** argv) {
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
  if (!opts.operands().empty())
    return usage_error("unexpected operand '" + opts.operands()[0] + "'");

  unsigned port = 5556;
  if (opts.has("port") && !tools::parse_port(opts.value("port"), port)) {
    return usage_error("bad --port '" + opts.value("port") + "': expected 0..65535");
  }
  int timeout_ms = 30000;
  if (opts.has("timeout") && !tools::parse_seconds(opts.value("timeout"), timeout_ms)) {
    return usage_error("bad --timeout '" + opts.value("timeout") + "': expected whole seconds");
  }

  auto config = std::make_shared<Config>();
  config->role = Role::server;
  config->verify_peer = false;  // no client certificates asked for
  std::string error;
  if (opts.values("x509certfile").empty()) {
    return usage_error("no certificate: give --x509certfile and --x509keyfile");
  }
  if (!tools::load_certificates(opts.values("x509certfile"), opts.values("x509keyfile"), *config,
                                &error)) {
    return usage_error(error);
  }
  // Without --priority, GnuTLS's default: NORMAL (TLS 1.3 and 1.2).
  const std::string priority = opts.has("priority") ? opts.value("priority") : "NORMAL";
  if (!tools::apply_priority(priority, *config, &error)) {
    return usage_error(error);
  }
  config->fill_defaults();

  // Without SA_RESTART, a signal interrupts poll() and the loop sees the flag.
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  unsigned bound = 0;
  const int listener = tools::listen_loopback(port, &bound, &error);
  if (listener < 0) return usage_error(error);
  std::fprintf(stderr, "listening on 127.0.0.1:%u\n", bound);
  std::fflush(stderr);

  const bool echo = opts.has("echo");
  unsigned long served = 0;
  while (g_stop == 0) {
    pollfd pfd{listener, POLLIN, 0};
    // The timeout is a backstop for a signal that lands just before poll().
    const int n = ::poll(&pfd, 1, 500);
    if (n <= 0) continue;
    const int fd = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno != EINTR && errno != ECONNABORTED) {
        std::fprintf(stderr, "%s: accept: %s\n", kProgram, std::strerror(errno));
      }
      continue;
    }
    serve(fd, ++served, config, echo, timeout_ms);
    std::fflush(stdout);
  }
  ::close(listener);
  std::fprintf(stderr, "%s: stopped after %lu connection(s)\n", kProgram, served);
  return 0;
}
