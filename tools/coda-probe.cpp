// coda-probe: audits how a TLS server ends connections. Each question gets
// a fresh connection and one verdict line "<question>: <answer>" on
// standard output; see --help for what each answer means.
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "base/alert.hpp"
#include "common/net.hpp"
#include "common/options.hpp"
#include "common/session.hpp"
#include "config/names.hpp"
#include "engine/connection.hpp"
#include "io/fd_driver.hpp"

namespace {

using namespace coda;

constexpr const char* kProgram = "coda-probe";

constexpr const char* kQSendsClose = "sends close_notify when it finishes";
constexpr const char* kQAnswersClose = "answers our close_notify (RDWR)";
constexpr const char* kQHalfClose = "keeps sending after our half-close (TLS 1.3)";
constexpr const char* kQBareEof = "treats a bare EOF as truncation";

// Exit statuses.
constexpr int kOk = 0;
constexpr int kSetup = 1;
constexpr int kFinding = 2;

int usage_error(const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", kProgram, message.c_str());
  return kSetup;
}

tools::Options make_options() {
  return tools::Options(
      kProgram, "HOST:PORT",
      "Audits how the TLS server at HOST:PORT ends connections. Each question below is asked\n"
      "on a fresh connection (connect, handshake, then the steps described) and answered by\n"
      "one line \"<question>: <answer>\" on standard output. An echo server (one that sends\n"
      "back what it receives) answers every question; other servers leave some undecided.\n"
      "\n"
      "  " +
          std::string(kQSendsClose) +
          ":\n"
          "      we send a line and our close_notify (for an echo server, what makes it finish)\n"
          "      and watch until EOF: yes = its close_notify came; no = EOF, a reset or an alert\n"
          "      without it; no reaction until the timeout is also no.\n"
          "  " +
          kQAnswersClose +
          ":\n"
          "      after our close_notify, how long until the server's close_notify:\n"
          "      yes (after N ms), or no (EOF/reset/alert after N ms, or silence until the "
          "timeout).\n"
          "  " +
          kQHalfClose +
          ":\n"
          "      we send a line, wait for the echo, then send a second line and our\n"
          "      close_notify right behind it and nothing more: yes = data still arrived after\n"
          "      our close_notify (the server kept its own direction open), no = it did not,\n"
          "      undecided when the server never echoes. The negotiated version is named when\n"
          "      it is not TLS 1.3.\n"
          "  " +
          kQBareEof +
          ":\n"
          "      we shut down our TCP write side (FIN) without close_notify: yes = the server\n"
          "      sent a fatal alert or reset the connection (it noticed); no = it answered with\n"
          "      close_notify or closed silently (a truncation would go unnoticed); undecided\n"
          "      when nothing happened before the timeout.\n"
          "\n"
          "Exit status: 0 when the server sends close_notify and notices a truncation; 2 when\n"
          "it never sends close_notify or would let a truncation go unnoticed; 1 on a usage\n"
          "or setup error (cannot connect, handshake failed).",
      {
          {"x509cafile", 0, true, true, "FILE",
           "trusted CA certificates, PEM (default: the system store)"},
          {"insecure", 0, false, false, "", "do not verify the server's certificate"},
          {"priority", 0, true, false, "STRING", "GnuTLS priority string (default NORMAL)"},
          {"timeout", 0, true, false, "SECONDS",
           "limit for connecting, the handshake and each wait for the server (default 5)"},
          {"sni", 0, true, false, "NAME",
           "server name to send (and verify); default HOST unless it is an IP address"},
          {"help", 'h', false, false, "", "print this help and exit"},
          {"version", 'v', false, false, "", "print the version and exit"},
      });
}

bool split_host_port(const std::string& text, std::string& host, unsigned& port) {
  std::string port_text;
  if (!text.empty() && text[0] == '[') {
    const size_t close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return false;
    }
    host = text.substr(1, close - 1);
    port_text = text.substr(close + 2);
  } else {
    const size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) return false;
    host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
  }
  return tools::parse_port(port_text, port) && port != 0;
}

// One connection with a completed handshake.
struct Session {
  int fd = -1;
  std::unique_ptr<Connection> conn;
  std::unique_ptr<io::FdDriver> driver;
  ~Session() {
    if (fd >= 0) ::close(fd);
  }
};

struct Target {
  std::shared_ptr<const Config> config;
  std::string host;
  unsigned port = 0;
  int timeout_ms = 5000;
};

std::unique_ptr<Session> open_session(const Target& t, std::string* error) {
  auto s = std::make_unique<Session>();
  std::string address;
  s->fd = tools::connect_to(t.host, t.port, t.timeout_ms, &address, error);
  if (s->fd < 0) return nullptr;
  auto created = Connection::create(t.config);
  if (!created) {
    *error = std::string("cannot start a session: ") + created.error().detail;
    return nullptr;
  }
  s->conn = std::move(created).value();
  s->driver = std::make_unique<io::FdDriver>(*s->conn, s->fd);
  if (auto hs = s->driver->handshake(t.timeout_ms); !hs) {
    const std::string why = tools::verification_failure(hs.error(), *s->conn);
    *error = why.empty()
                 ? "handshake failed: " + tools::describe_error(hs.error(), *s->conn, *s->driver)
                 : why;
    return nullptr;
  }
  return s;
}

// What the server did while we watched.
struct Observation {
  bool close_notify = false;  // its close_notify arrived
  bool eof = false;           // transport EOF before its close_notify
  bool reset = false;         // ECONNRESET (or another transport error)
  int sys_errno = 0;
  std::optional<AlertDescription> alert;       // a fatal alert it sent
  std::optional<AlertDescription> alert_sent;  // one we sent (a protocol error on its side)
  bool timed_out = false;
  bool got_data = false;  // stop_on_data: application data arrived
  uint64_t app_bytes = 0;
  long long elapsed_ms = 0;  // from the start of the watch to the event
};

// Watches the session until the server's close_notify, EOF, an error, the
// deadline or (stop_on_data) the first application data.
Observation watch(Session& s, int timeout_ms, bool stop_on_data) {
  Observation o;
  const long long start = io::monotonic_ms();
  const long long deadline = io::deadline_after(timeout_ms);
  std::array<uint8_t, 16384> buf;
  auto record_error = [&](const Error& e) {
    if (io::FdDriver::is_transport_error(e)) {
      o.reset = true;
      o.sys_errno = s.driver->sys_errno();
    } else if (e.kind == ErrorKind::premature_eof) {
      o.eof = true;
    } else if (e.kind == ErrorKind::peer_alert) {
      o.alert = e.alert;
    } else if (e.kind == ErrorKind::local_alert) {
      o.alert_sent = e.alert;
    } else if (io::FdDriver::is_timeout(e)) {
      o.timed_out = true;
    }
  };
  for (;;) {
    while (s.conn->app_data_available() > 0) {
      o.app_bytes += s.conn->read(MutableByteView(buf.data(), buf.size()));
      o.got_data = true;
    }
    o.elapsed_ms = io::monotonic_ms() - start;
    if (stop_on_data && o.got_data) return o;
    if (s.conn->read_state() == DirectionState::closed) {
      o.close_notify = true;
      return o;
    }
    if (auto e = s.conn->error()) {
      record_error(*e);
      return o;
    }
    pollfd p = {s.fd, s.driver->poll_events(), 0};
    const int n = ::poll(&p, 1, io::poll_timeout_until(deadline));
    if (n < 0) {
      if (errno == EINTR) continue;
      o.reset = true;
      o.sys_errno = errno;
      return o;
    }
    if (n == 0) {
      o.timed_out = true;
      o.elapsed_ms = io::monotonic_ms() - start;
      return o;
    }
    if ((p.revents & POLLOUT) != 0) {
      if (auto r = s.driver->try_flush(); !r) {
        record_error(r.error());
        o.elapsed_ms = io::monotonic_ms() - start;
        return o;
      }
    }
    if ((p.revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      if (auto r = s.driver->try_receive(); !r) {
        while (s.conn->app_data_available() > 0) {
          o.app_bytes += s.conn->read(MutableByteView(buf.data(), buf.size()));
          o.got_data = true;
        }
        record_error(r.error());
        o.elapsed_ms = io::monotonic_ms() - start;
        return o;
      }
    }
  }
}

// "EOF without close_notify", "a reset (Connection reset by peer)", ...
std::string what_ended(const Observation& o) {
  if (o.alert) return std::string("the fatal alert ") + alert_name(*o.alert);
  if (o.alert_sent) {
    return std::string("a protocol error (we sent ") + alert_name(*o.alert_sent) + ")";
  }
  if (o.reset) {
    return o.sys_errno == ECONNRESET
               ? "a reset"
               : std::string("a transport error (") + std::strerror(o.sys_errno) + ")";
  }
  if (o.eof) return "EOF without close_notify";
  return "silence";
}

bool send_line(Session& s, const std::string& line, int timeout_ms, std::string* error) {
  if (auto st = s.conn->send(ByteView(reinterpret_cast<const uint8_t*>(line.data()), line.size()));
      !st) {
    *error = st.error().detail;
    return false;
  }
  if (auto st = s.driver->flush(timeout_ms); !st) {
    *error = tools::describe_error(st.error(), *s.conn, *s.driver);
    return false;
  }
  return true;
}

// Sends our close_notify; false (with *error) when it cannot be written.
bool send_close_notify(Session& s, int timeout_ms, std::string* error) {
  s.conn->close_write();
  if (auto st = s.driver->flush(timeout_ms); !st) {
    *error = tools::describe_error(st.error(), *s.conn, *s.driver);
    return false;
  }
  return true;
}

struct Verdict {
  std::string answer;
  bool finding = false;  // counts against the server (exit 2)
  bool setup_failed = false;
};

Verdict setup_failure(const std::string& error) {
  return {"error (" + error + ")", false, true};
}

Verdict ask_sends_close(const Target& t) {
  std::string error;
  auto s = open_session(t, &error);
  if (!s) return setup_failure(error);
  if (!send_line(*s, "coda-probe: finish\n", t.timeout_ms, &error) ||
      !send_close_notify(*s, t.timeout_ms, &error)) {
    return {"no (" + error + " while we sent our close_notify)", true};
  }
  const Observation o = watch(*s, t.timeout_ms, false);
  if (o.close_notify) return {"yes"};
  if (o.timed_out) {
    return {"no (nothing until the timeout, " + std::to_string(t.timeout_ms / 1000) + " s)", true};
  }
  return {"no (" + what_ended(o) + ")", true};
}

Verdict ask_answers_close(const Target& t) {
  std::string error;
  auto s = open_session(t, &error);
  if (!s) return setup_failure(error);
  if (!send_close_notify(*s, t.timeout_ms, &error)) {
    return {"no (" + error + " while we sent our close_notify)"};
  }
  const Observation o = watch(*s, t.timeout_ms, false);
  if (o.close_notify) return {"yes (after " + std::to_string(o.elapsed_ms) + " ms)"};
  if (o.timed_out) {
    return {"no (silence until the timeout, " + std::to_string(t.timeout_ms / 1000) + " s)"};
  }
  return {"no (" + what_ended(o) + " after " + std::to_string(o.elapsed_ms) + " ms)"};
}

Verdict ask_half_close(const Target& t) {
  std::string error;
  auto s = open_session(t, &error);
  if (!s) return setup_failure(error);
  const ProtocolVersion version = s->conn->info().version;
  const std::string note = version == ProtocolVersion::tls13
                               ? ""
                               : std::string(", negotiated ") + std::string(version_name(version));
  if (!send_line(*s, "coda-probe: first line\n", t.timeout_ms, &error)) {
    return {"undecided (" + error + note + ")"};
  }
  const Observation first = watch(*s, t.timeout_ms, true);
  if (!first.got_data) {
    return {"undecided (the server sent nothing back to a line: " +
            (first.timed_out ? std::string("silence") : what_ended(first)) + note + ")"};
  }
  // The second line and our close_notify leave in one write: whatever
  // comes back was sent after the server read our close_notify's
  // predecessor, and arrives after our close_notify was on its way.
  const std::string line = "coda-probe: second line\n";
  if (auto st = s->conn->send(ByteView(reinterpret_cast<const uint8_t*>(line.data()), line.size()));
      !st) {
    return {std::string("undecided (") + st.error().detail + note + ")"};
  }
  if (!send_close_notify(*s, t.timeout_ms, &error)) {
    return {"undecided (" + error + note + ")"};
  }
  const Observation o = watch(*s, t.timeout_ms, false);
  std::string end = o.close_notify ? "then its close_notify"
                    : o.timed_out  ? "then silence"
                                   : "then " + what_ended(o);
  if (o.app_bytes > 0) {
    return {"yes (" + std::to_string(o.app_bytes) + " bytes after our close_notify, " + end + note +
            ")"};
  }
  return {"no (" + end + note + ")"};
}

Verdict ask_bare_eof(const Target& t) {
  std::string error;
  auto s = open_session(t, &error);
  if (!s) return setup_failure(error);
  if (::shutdown(s->fd, SHUT_WR) != 0) {
    return setup_failure(std::string("shutdown: ") + std::strerror(errno));
  }
  const Observation o = watch(*s, t.timeout_ms, false);
  if (o.alert) return {std::string("yes (it sent the fatal alert ") + alert_name(*o.alert) + ")"};
  if (o.reset) return {"yes (it reset the connection: " + what_ended(o) + ")"};
  if (o.close_notify) return {"no (it answered with close_notify)", true};
  if (o.eof) return {"no (it closed silently: EOF without an alert)", true};
  if (o.alert_sent) return {"undecided (" + what_ended(o) + ")"};
  return {"undecided (no reaction within " + std::to_string(t.timeout_ms / 1000) + " s)"};
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);

  tools::Options opts = make_options();
  if (!opts.parse(argc, argv)) return usage_error(opts.error());
  if (tools::answered_help_or_version(opts, kProgram)) return 0;
  if (opts.operands().size() != 1) {
    return usage_error("expected exactly one HOST:PORT (see --help)");
  }
  Target target;
  if (!split_host_port(opts.operands()[0], target.host, target.port)) {
    return usage_error("bad HOST:PORT '" + opts.operands()[0] + "'");
  }
  if (opts.has("timeout") && !tools::parse_seconds(opts.value("timeout"), target.timeout_ms)) {
    return usage_error("bad --timeout '" + opts.value("timeout") + "': expected whole seconds");
  }

  auto config = std::make_shared<Config>();
  config->role = Role::client;
  std::string error;
  if (!tools::apply_priority(opts.value("priority", "NORMAL"), *config, &error)) {
    return usage_error(error);
  }
  const std::string name = opts.value("sni", target.host);
  if (opts.has("insecure")) {
    config->verify_peer = false;
  } else {
    if (!tools::load_trust(opts.values("x509cafile"), *config, &error)) return usage_error(error);
    config->verify_hostname = name;
  }
  if (!tools::is_ip_literal(name)) config->server_name = name;
  config->fill_defaults();
  target.config = config;

  struct Question {
    const char* text;
    Verdict (*ask)(const Target&);
  };
  const Question questions[] = {
      {kQSendsClose, ask_sends_close},
      {kQAnswersClose, ask_answers_close},
      {kQHalfClose, ask_half_close},
      {kQBareEof, ask_bare_eof},
  };
  int status = kOk;
  for (const Question& q : questions) {
    const Verdict v = q.ask(target);
    std::printf("%s: %s\n", q.text, v.answer.c_str());
    std::fflush(stdout);
    if (v.setup_failed) {
      std::fprintf(stderr, "%s: %s\n", kProgram, v.answer.c_str());
      return kSetup;
    }
    if (v.finding) status = kFinding;
  }
  return status;
}
