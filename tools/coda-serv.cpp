// coda-serv: a TLS server in the manner of gnutls-serv. Serves 127.0.0.1
// with one epoll loop, many clients at once, each a Connection, until
// SIGINT or SIGTERM. Per session: the handshake, then --echo sends every
// chunk back, --http / --httpdata answer one HTTP request, and otherwise
// received data is read and dropped. Sessions end as the closure contract
// says (close_notify both ways per --bye, then a drain so that close()
// sends no TCP reset). One log line per connection on standard error.
#include <fcntl.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/alert.hpp"
#include "common/http_request.hpp"
#include "common/net.hpp"
#include "common/options.hpp"
#include "common/session.hpp"
#include "common/session_cache.hpp"
#include "common/ticket_key_file.hpp"
#include "config/anti_replay.hpp"
#include "config/names.hpp"
#include "engine/connection.hpp"
#include "io/bounded_read.hpp"
#include "io/fd_driver.hpp"

namespace {

using namespace coda;

constexpr const char* kProgram = "coda-serv";
// How long a session keeps reading after its last byte is sent, so the
// client's last bytes are consumed and close() sends no TCP reset.
constexpr int kDrainMs = 500;
// On SIGINT/SIGTERM: how long open sessions get to flush their
// close_notify (and, with --bye rdwr, to hear the client's).
constexpr int kStopGraceMs = 1000;
// Echo: stop reading while this much output waits for the client.
constexpr size_t kMaxPendingOutput = 1 << 20;
// HTTP: the body slice queued at once.
constexpr size_t kBodySlice = 65536;
// Out of file descriptors: how long the listener rests.
constexpr int kAcceptPauseMs = 100;
// TLS 1.2 sessions kept for resumption by id (each a few hundred bytes).
constexpr size_t kSessionCacheSize = 10000;

enum class Mode { discard, echo, http };
enum class Bye { rdwr, wr, none };

struct Settings {
  Mode mode = Mode::discard;
  Bye bye = Bye::rdwr;
  int timeout_ms = 30000;
  int debug = 0;
  std::string http_body;  // --httpdata: the file; else empty (the built-in page)
  std::string http_type = "text/html; charset=utf-8";
  bool httpdata = false;
};

// gnutls-serv options Coda does not offer: named in a clear error rather
// than reported as unknown or silently ignored.
const std::set<std::string>& gnutls_only_options() {
  static const std::set<std::string> names = {"sni-hostname",
                                              "sni-hostname-fatal",
                                              "nocookie",
                                              "generate",
                                              "quiet",
                                              "crlf",
                                              "udp",
                                              "mtu",
                                              "srtp-profiles",
                                              "verify-client-cert",
                                              "compress-cert",
                                              "heartbeat",
                                              "x509fmtder",
                                              "dhparams",
                                              "x509crlfile",
                                              "rawpkkeyfile",
                                              "rawpkfile",
                                              "srppasswd",
                                              "srppasswdconf",
                                              "pskpasswd",
                                              "pskhint",
                                              "ocsp-response",
                                              "ignore-ocsp-response-errors",
                                              "list",
                                              "provider",
                                              "keymatexport",
                                              "keymatexportsize",
                                              "recordsize",
                                              "x509dsakeyfile",
                                              "x509dsacertfile",
                                              "x509ecckeyfile",
                                              "x509ecccertfile",
                                              "pgpkeyfile",
                                              "pgpcertfile",
                                              "pgpkeyring",
                                              "disable-client-cert-verify",
                                              "attime"};
  return names;
}
const std::map<char, std::string>& gnutls_only_short() {
  static const std::map<char, std::string> names = {
      {'g', "generate"}, {'q', "quiet"}, {'u', "udp"}, {'b', "heartbeat"}, {'l', "list"}};
  return names;
}

tools::Options make_options() {
  return tools::Options(
      kProgram, "",
      "Serves TLS on 127.0.0.1, many clients at once, until SIGINT or SIGTERM.\n"
      "Received data is dropped, sent back with --echo, or answered with a web page\n"
      "with --http/--httpdata.",
      {
          {"port", 'p', true, false, "PORT", "port to listen on (default 5556; 0: any free port)"},
          {"x509certfile", 0, true, true, "FILE",
           "certificate chain, PEM (repeatable, paired in order; SNI picks among them)"},
          {"x509keyfile", 0, true, true, "FILE", "private key of the certificate, PEM"},
          {"x509cafile", 0, true, true, "FILE", "CA certificates to verify client certificates"},
          {"priority", 0, true, false, "STRING", "GnuTLS priority string (default NORMAL)"},
          {"echo", 0, false, false, "", "send received data back"},
          {"http", 0, false, false, "", "answer an HTTP request with a small web page"},
          {"httpdata", 0, true, false, "FILE", "answer an HTTP request with the file's contents"},
          {"require-client-cert", 'r', false, false, "",
           "require a client certificate, verified against --x509cafile"},
          {"disable-client-cert", 'a', false, false, "",
           "do not ask for a client certificate (the default)"},
          {"alpn", 0, true, true, "PROTOCOL",
           "accept this application protocol by ALPN (repeat for several; the client's order "
           "decides)"},
          {"alpn-fatal", 0, false, false, "",
           "refuse clients whose ALPN list has none of --alpn (no_application_protocol)"},
          {"noticket", 0, false, false, "",
           "send no session tickets (TLS 1.3, and RFC 5077 in TLS 1.2) and take none"},
          {"earlydata", 0, false, false, "",
           "take TLS 1.3 0-RTT early data from resuming clients (tickets then allow it; each "
           "ClientHello is taken once within a 10 s anti-replay window); it is served like the "
           "data after the handshake"},
          {"maxearlydata", 0, true, false, "BYTES",
           "max_early_data_size: the most early data taken, or skipped when not taken "
           "(default 16384)"},
          {"nodb", 0, false, false, "", "keep no TLS 1.2 sessions for resumption by session id"},
          {"ticket-key-file", 0, true, false, "FILE",
           "seal tickets with keys derived from the 64 bytes of FILE (head -c 64 /dev/urandom), "
           "so servers given the same file resume each other's sessions (default: a random key)"},
          {"debug", 'd', true, false, "N", "log level; above 0, log each session's steps"},
          {"bye", 0, true, false, "rdwr|wr|none",
           "our close: close_notify, then wait for the client's (rdwr, default) or EOF (wr); none: "
           "no close_notify"},
          {"timeout", 0, true, false, "SECONDS",
           "limit for a handshake, a silent client, the client's close_notify (default 30)"},
          {"help", 'h', false, false, "", "print this help and exit"},
          {"version", 'v', false, false, "", "print the version and exit"},
      });
}

// The one-line error for a gnutls-serv option Coda lacks, or empty.
std::string unsupported_option(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") break;
    if (arg.rfind("--", 0) == 0) {
      std::string name = arg.substr(2);
      name = name.substr(0, name.find('='));
      if (name.rfind("no-", 0) == 0) name = name.substr(3);
      if (gnutls_only_options().count(name) != 0) {
        return "option --" + name + " (of gnutls-serv) is not supported by coda-serv";
      }
    } else if (arg.size() == 2 && arg[0] == '-') {
      auto it = gnutls_only_short().find(arg[1]);
      if (it != gnutls_only_short().end()) {
        return "option " + arg + " (--" + it->second +
               " of gnutls-serv) is not supported by coda-serv";
      }
    }
  }
  return {};
}

// ---- sessions ---------------------------------------------------------------

enum class Phase {
  handshake,  // Connection created at accept, handshake running
  data,       // handshake done: echo, HTTP or discard
  closing,    // our close_notify sent: waiting for the client's (rdwr) or EOF (wr)
  draining,   // all sent; TCP write side shut, reading and dropping until EOF
};

struct Session {
  int fd = -1;
  unsigned long number = 0;
  std::string who;
  std::unique_ptr<Connection> conn;  // made at accept, never null
  Phase phase = Phase::handshake;
  long long deadline = -1;
  uint64_t received = 0;
  std::string ending;     // how it ended, for the log line
  std::string close_why;  // why we closed first (Phase::closing)
  bool handshake_failed = false;
  bool peer_eof = false;
  bool shut_wr = false;
  uint32_t events = 0;  // what epoll watches now
  // HTTP
  std::string request;
  bool responded = false;
  const std::string* body = nullptr;
  std::string page;  // the built-in page, made per session
  size_t body_sent = 0;
  bool body_done = true;
};

class Server {
 public:
  Server(Settings settings, std::shared_ptr<const Config> config, int listener)
      : s_(std::move(settings)), config_(std::move(config)), listener_(listener) {}

  int run();

 private:
  void accept_all();
  void on_event(Session& s, uint32_t events);
  void pump(Session& s);
  bool read_socket(Session& s);
  void feed(Session& s, const uint8_t* data, size_t size);
  void after_receive(Session& s);
  void serve_data(Session& s);
  void handle_http(Session& s);
  void queue_body(Session& s);
  bool flush(Session& s);
  void begin_close(Session& s, const std::string& why, int wait_ms);
  void begin_drain(Session& s, int wait_ms);
  void on_deadline(Session& s);
  void set_deadline(Session& s, long long at);
  void finish(Session& s);
  void update_events(Session& s);
  void stop_all();
  void debug(const Session& s, const std::string& what) const {
    if (s_.debug > 0) std::fprintf(stderr, "%s: %s\n", s.who.c_str(), what.c_str());
  }

  Settings s_;
  // The engine picks each session's certificate chain by SNI.
  std::shared_ptr<const Config> config_;
  int listener_;
  int epoll_ = -1;
  int signal_fd_ = -1;
  unsigned long served_ = 0;
  bool stopping_ = false;
  long long stop_deadline_ = -1;
  long long accept_paused_until_ = -1;
  bool out_of_descriptors_ = false;  // the last accept failed for want of them
  std::map<int, std::unique_ptr<Session>> sessions_;
  // (deadline, fd) of every session that has one, soonest first: the loop
  // finds what is due without walking thousands of sessions each turn.
  std::set<std::pair<long long, int>> deadlines_;
  std::array<uint8_t, 16384 + 2048> buf_{};
};

void Server::accept_all() {
  for (int i = 0; i < 64; ++i) {
    const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0) {
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        // Out of descriptors: stop accepting for a moment rather than spin
        // on a listener that stays readable. Said once until it clears.
        if (!out_of_descriptors_) {
          std::fprintf(stderr,
                       "%s: accept: %s; pausing new connections until descriptors are free\n",
                       kProgram, std::strerror(errno));
          out_of_descriptors_ = true;
        }
        ::epoll_ctl(epoll_, EPOLL_CTL_DEL, listener_, nullptr);
        accept_paused_until_ = io::deadline_after(kAcceptPauseMs);
      } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR &&
                 errno != ECONNABORTED) {
        std::fprintf(stderr, "%s: accept: %s\n", kProgram, std::strerror(errno));
      }
      return;
    }
    if (out_of_descriptors_) {
      std::fprintf(stderr, "%s: accepting new connections again\n", kProgram);
      out_of_descriptors_ = false;
    }
    auto s = std::make_unique<Session>();
    s->fd = fd;
    s->number = ++served_;
    s->who = "connection " + std::to_string(s->number) + " from " + tools::peer_address(fd);
    // The session starts at once: the engine reads the ClientHello, picks
    // the chain for its SNI and refuses an oversized record on its header.
    auto created = Connection::create(config_);
    if (!created) {
      std::fprintf(stderr, "%s: cannot start a session: %s\n", s->who.c_str(),
                   created.error().detail);
      ::close(fd);
      continue;
    }
    s->conn = std::move(created).value();
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev) != 0) {
      std::fprintf(stderr, "%s: epoll_ctl: %s\n", s->who.c_str(), std::strerror(errno));
      ::close(fd);
      continue;
    }
    s->events = EPOLLIN;
    debug(*s, "accepted");
    set_deadline(*s, io::deadline_after(s_.timeout_ms));
    sessions_.emplace(fd, std::move(s));
  }
}

// Reads what the socket has (a bounded number of times, for fairness).
// Returns false once the session is finished.
bool Server::read_socket(Session& s) {
  for (int round = 0; round < 4; ++round) {
    if (s.peer_eof) return true;
    if (s.phase == Phase::data && s.conn->pending_output().size() > kMaxPendingOutput) {
      return true;  // back-pressure: the client must read first
    }
    const ssize_t got = io::receive_into(s.fd, buf_);
    if (got < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        // Nothing to read now: an idle session gives its buffers back.
        s.conn->release_buffers();
        return true;
      }
      if (s.phase == Phase::closing && s.ending.empty()) {
        s.ending = "closed by us: " + s.close_why + "; then the client reset the connection (" +
                   std::strerror(errno) + ")";
      } else if (s.ending.empty()) {
        s.ending = std::string("error: transport error: ") + std::strerror(errno);
      }
      s.peer_eof = true;
      if (s.phase == Phase::handshake) s.handshake_failed = true;
      finish(s);
      return false;
    }
    if (got == 0) {
      s.peer_eof = true;
      if (s.phase == Phase::draining) {
        finish(s);
        return false;
      }
      const bool clean = s.conn->read_state() == DirectionState::closed;
      auto st = s.conn->receive_eof();
      if (!clean && s.ending.empty()) {
        if (s.phase == Phase::closing) {
          s.ending = "closed by us: " + s.close_why +
                     "; the client closed the connection without close_notify";
        } else if (s.phase == Phase::handshake) {
          s.handshake_failed = true;
          s.ending = "the client closed the connection during the handshake";
        } else {
          s.ending = "error: " + (st ? std::string("truncated: the connection ended without "
                                                   "close_notify")
                                     : tools::describe_engine_error(st.error(), *s.conn));
        }
      }
      // Nothing more will come: send what is queued, then close.
      begin_drain(s, kDrainMs);
      return true;
    }
    if (s.phase == Phase::draining) continue;  // dropped
    feed(s, buf_.data(), static_cast<size_t>(got));
    if (s.phase == Phase::draining) return true;
  }
  return true;
}

void Server::feed(Session& s, const uint8_t* data, size_t size) {
  Connection& conn = *s.conn;
  size_t off = 0;
  while (off < size && conn.read_state() == DirectionState::open && !conn.error()) {
    auto r = conn.receive(ByteView(data + off, size - off));
    if (!r) break;  // the error is stored; after_receive reports it
    off += *r;
    if (auto w = conn.take_warning_alert()) {
      debug(s, std::string("warning alert ") + alert_name(*w));
    }
    if (*r == 0) break;
  }
  // Bytes behind the client's close_notify are not ours to use: dropped.
  after_receive(s);
}

// What the session does after new bytes went in.
void Server::after_receive(Session& s) {
  Connection& conn = *s.conn;
  if (auto e = conn.error()) {
    if (s.ending.empty()) {
      if (!conn.handshake_complete()) {
        s.handshake_failed = true;
        s.ending = tools::describe_engine_error(*e, conn);
      } else {
        s.ending = "error: " + tools::describe_engine_error(*e, conn);
      }
    }
    begin_drain(s, kDrainMs);  // the alert, if one is queued, goes out first
    return;
  }
  if (s.phase == Phase::handshake && conn.handshake_complete()) {
    s.phase = Phase::data;
    set_deadline(s, io::deadline_after(s_.timeout_ms));
    debug(s, "handshake complete: " + tools::session_brief(conn) +
                 (conn.info().resumed ? " (resumed)" : ""));
    if (conn.info().early_data_accepted) {
      debug(s, "early data accepted: " + std::to_string(conn.early_data_available()) + " bytes");
    }
  }
  if (s.phase == Phase::data) {
    set_deadline(s, io::deadline_after(s_.timeout_ms));  // the client is not idle
    serve_data(s);
    if (s.phase != Phase::data) return;
  }
  if (conn.read_state() == DirectionState::closed) {
    if (s.phase == Phase::closing) {
      if (s.ending.empty()) {
        s.ending = "clean: we closed first (" + s.close_why + "), the client answered";
      }
      if (s_.bye == Bye::wr) {
        set_deadline(s, io::deadline_after(s_.timeout_ms));  // wr: read on until EOF
        return;
      }
      begin_drain(s, kDrainMs);
    } else if (s.phase == Phase::data && s_.mode == Mode::http && s.responded && !s.body_done) {
      // A half-close after the request (TLS 1.3 allows it): the answer goes
      // on, and our close_notify follows it.
      if (s.ending.empty()) {
        s.ending = s_.bye == Bye::none
                       ? "the client sent close_notify after its request; we did not answer "
                         "(--bye none)"
                       : "clean: the client sent close_notify after its request; ours followed "
                         "the response";
      }
    } else if (s.phase == Phase::data || s.phase == Phase::handshake) {
      // The client's close_notify first: answer with ours (unless --bye none).
      if (s_.bye == Bye::none) {
        s.ending = "the client sent close_notify; we did not answer (--bye none)";
      } else {
        conn.close_write();
        s.ending = "clean: the client sent close_notify, we answered";
      }
      begin_drain(s, kDrainMs);
    }
  }
}

void Server::serve_data(Session& s) {
  Connection& conn = *s.conn;
  // Accepted 0-RTT data first: it came before the rest, and is served alike.
  while (conn.app_data_available() > 0 || conn.early_data_available() > 0) {
    const MutableByteView room(buf_.data(), buf_.size());
    const size_t n = conn.early_data_available() > 0 ? conn.read_early_data(room) : conn.read(room);
    if (n == 0) break;
    s.received += n;
    if (s_.mode == Mode::echo) {
      if (conn.write_state() == DirectionState::open) {
        if (auto st = conn.send(ByteView(buf_.data(), n)); !st) {
          s.ending = "error while echoing: " + tools::describe_engine_error(st.error(), conn);
          begin_drain(s, kDrainMs);
          return;
        }
      }
    } else if (s_.mode == Mode::http && !s.responded) {
      // Bounded: parse_request_head answers 431 past kMaxRequestHead.
      s.request.append(reinterpret_cast<const char*>(buf_.data()), n);
    }
  }
  if (s_.mode == Mode::http && !s.responded) handle_http(s);
  if (s_.mode == Mode::http && s.responded) queue_body(s);
}

// Parses the request head once it is complete and queues the answer.
void Server::handle_http(Session& s) {
  const std::optional<tools::HttpRequest> request = tools::parse_request_head(s.request);
  if (!request) return;
  const std::string& status = request->status;
  const std::string& method = request->method;
  const std::string& target = request->target;
  s.responded = true;
  const bool ok = request->ok();
  if (ok) {
    if (s_.httpdata) {
      s.body = &s_.http_body;
    } else {
      const std::string brief = tools::session_brief(*s.conn);
      const std::string& sni = s.conn->info().server_name;
      s.page =
          "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Coda</title></head>\n"
          "<body><h1>Coda TLS server</h1>\n<p>Session: " +
          brief + "</p>\n<p>Server name: " + (sni.empty() ? std::string("(none)") : sni) +
          "</p>\n</body></html>\n";
      s.body = &s.page;
    }
  } else {
    s.page = status + "\n";
    s.body = &s.page;
  }
  std::string head = "HTTP/1.1 " + status + "\r\n";
  head += "Server: coda-serv/" CODA_VERSION "\r\n";
  head += "Content-Type: " + (ok ? s_.http_type : std::string("text/plain")) + "\r\n";
  head += "Content-Length: " + std::to_string(s.body->size()) + "\r\n";
  if (status.rfind("405", 0) == 0) head += "Allow: GET, HEAD\r\n";
  head += "Connection: close\r\n\r\n";
  s.request.clear();
  s.request.shrink_to_fit();
  s.body_sent = method == "HEAD" ? s.body->size() : 0;
  // The head and the start of the body in one send, so that a small answer
  // is one record, as gnutls-serv sends it (clients that read one record
  // expect the whole reply).
  const size_t first = std::min(kBodySlice, s.body->size() - s.body_sent);
  head.append(*s.body, s.body_sent, first);
  s.body_sent += first;
  s.body_done = false;
  s.close_why = "HTTP " + status.substr(0, 3) + " sent";
  debug(s, "HTTP " + method + " " + target + ": " + status);
  if (auto st = s.conn->send(ByteView(reinterpret_cast<const uint8_t*>(head.data()), head.size()));
      !st) {
    s.ending = "error: " + tools::describe_engine_error(st.error(), *s.conn);
    begin_drain(s, kDrainMs);
  }
}

// Queues the next slices of the body while little output waits; closes
// once all of it is queued.
void Server::queue_body(Session& s) {
  if (s.body_done || s.phase != Phase::data) return;
  Connection& conn = *s.conn;
  while (s.body_sent < s.body->size() && conn.pending_output().size() < kBodySlice) {
    const size_t n = std::min(kBodySlice, s.body->size() - s.body_sent);
    if (auto st =
            conn.send(ByteView(reinterpret_cast<const uint8_t*>(s.body->data()) + s.body_sent, n));
        !st) {
      s.ending = "error: " + tools::describe_engine_error(st.error(), conn);
      begin_drain(s, kDrainMs);
      return;
    }
    s.body_sent += n;
  }
  if (s.body_sent >= s.body->size()) {
    s.body_done = true;
    begin_close(s, s.close_why, s_.timeout_ms);
  }
}

// We end the session first: close_notify per --bye, then wait for the
// client's answer (rdwr) or its EOF (wr); none goes straight to the drain.
void Server::begin_close(Session& s, const std::string& why, int wait_ms) {
  s.close_why = why;
  if (!s.conn->handshake_complete() || s_.bye == Bye::none) {
    if (s.ending.empty()) {
      s.ending = s.conn->handshake_complete()
                     ? "closed by us: " + why + " (no close_notify: --bye none)"
                     : "closed by us: " + why;
      if (!s.conn->handshake_complete()) s.handshake_failed = true;
    }
    begin_drain(s, kDrainMs);
    return;
  }
  s.conn->close_write();
  s.conn->set_discard_app_data(true);
  s.phase = Phase::closing;
  set_deadline(s, io::deadline_after(wait_ms));
  debug(s, "close_notify queued: " + why);
  if (s.conn->read_state() != DirectionState::open) {
    // The client already closed its side (or failed): nothing to wait for.
    if (s.ending.empty()) s.ending = "clean: we closed first (" + why + ")";
    begin_drain(s, kDrainMs);
  }
}

// All that is left: send what is queued, shut our TCP side, read and drop
// until EOF (or the deadline), then close.
void Server::begin_drain(Session& s, int wait_ms) {
  if (s.phase == Phase::draining) return;
  s.phase = Phase::draining;
  set_deadline(s, io::deadline_after(wait_ms));
}

// Writes queued output; false when the session is finished (transport error).
bool Server::flush(Session& s) {
  for (;;) {
    ByteView out = s.conn->pending_output();
    if (out.empty()) return true;
    const ssize_t n = ::send(s.fd, out.data(), out.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
      const std::string why = std::string("transport error: ") + std::strerror(errno);
      if (s.ending.empty() || s.ending.rfind("clean", 0) == 0) {
        s.ending = (s.ending.empty() ? "error: " : s.ending + "; then a ") + why;
      }
      finish(s);
      return false;
    }
    s.conn->consume_output(static_cast<size_t>(n));
    // A client that reads is not idle, even when it sends nothing.
    if (s.phase == Phase::data) set_deadline(s, io::deadline_after(s_.timeout_ms));
  }
}

void Server::pump(Session& s) {
  // Send, and while the socket takes it all, queue the next slice of an
  // HTTP body (its last slice starts the close).
  for (;;) {
    if (!flush(s)) return;
    if (s.phase != Phase::data || s_.mode != Mode::http || !s.responded || s.body_done) break;
    if (!s.conn->pending_output().empty()) break;  // EPOLLOUT brings us back
    queue_body(s);
  }
  if (s.phase == Phase::draining) {
    const bool sent = s.conn->pending_output().empty();
    if (sent && !s.shut_wr) {
      ::shutdown(s.fd, SHUT_WR);
      s.shut_wr = true;
    }
    if (sent && s.peer_eof) {
      finish(s);
      return;
    }
  }
  update_events(s);
}

void Server::update_events(Session& s) {
  uint32_t want = 0;
  const bool pending = !s.conn->pending_output().empty();
  if (pending) want |= EPOLLOUT;
  const bool backpressure =
      s.phase == Phase::data && s.conn->pending_output().size() > kMaxPendingOutput;
  if (!s.peer_eof && !backpressure) want |= EPOLLIN;
  if (want == s.events) return;
  epoll_event ev{};
  ev.events = want;
  ev.data.fd = s.fd;
  ::epoll_ctl(epoll_, EPOLL_CTL_MOD, s.fd, &ev);
  s.events = want;
}

void Server::on_event(Session& s, uint32_t events) {
  const int fd = s.fd;
  if ((events & EPOLLOUT) != 0) {
    if (!flush(s)) return;
  }
  if ((events & (EPOLLIN | EPOLLHUP | EPOLLERR)) != 0) {
    if (!read_socket(s)) return;
  }
  if (sessions_.count(fd) != 0) pump(s);
}

void Server::set_deadline(Session& s, long long at) {
  if (s.deadline == at) return;
  if (s.deadline >= 0) deadlines_.erase({s.deadline, s.fd});
  s.deadline = at;
  if (at >= 0) deadlines_.emplace(at, s.fd);
}

void Server::on_deadline(Session& s) {
  switch (s.phase) {
    case Phase::handshake:
      s.handshake_failed = true;
      if (s.ending.empty()) s.ending = "timed out";
      begin_drain(s, kDrainMs);
      break;
    case Phase::data:
      begin_close(s, "the client was silent too long", s_.timeout_ms);
      break;
    case Phase::closing:
      if (s.ending.empty()) {
        s.ending = "closed by us: " + s.close_why +
                   (s_.bye == Bye::wr ? "; the client did not close the connection in time"
                                      : "; the client did not answer with close_notify in time");
      }
      begin_drain(s, kDrainMs);
      break;
    case Phase::draining:
      finish(s);
      return;
  }
  pump(s);
}

// Logs the session's line and closes its socket.
void Server::finish(Session& s) {
  if (s.handshake_failed || !s.conn->handshake_complete()) {
    std::fprintf(stderr, "%s: handshake failed: %s\n", s.who.c_str(),
                 s.ending.empty() ? "the client went away" : s.ending.c_str());
  } else {
    // The client's certificate and the scheme of its CertificateVerify.
    const SessionInfo& info = s.conn->info();
    const std::string sni = info.server_name.empty() ? "" : " sni=" + info.server_name;
    const std::string client =
        info.peer_chain.empty()
            ? ""
            : " client-cert=\"" + info.peer_chain[0].subject() +
                  "\" client-signature=" + std::string(scheme_name(info.peer_signature_scheme));
    std::fprintf(stderr, "%s: %s%s%s, %llu bytes in; %s\n", s.who.c_str(),
                 tools::session_brief(*s.conn).c_str(), sni.c_str(), client.c_str(),
                 static_cast<unsigned long long>(s.received),
                 s.ending.empty() ? "ended" : s.ending.c_str());
  }
  std::fflush(stderr);
  set_deadline(s, -1);
  ::epoll_ctl(epoll_, EPOLL_CTL_DEL, s.fd, nullptr);
  ::close(s.fd);
  sessions_.erase(s.fd);  // s is gone from here on
}

// SIGINT/SIGTERM: no new clients; every open session says close_notify
// and gets a short grace period to deliver it.
void Server::stop_all() {
  stopping_ = true;
  stop_deadline_ = io::deadline_after(kStopGraceMs + kDrainMs);
  ::epoll_ctl(epoll_, EPOLL_CTL_DEL, listener_, nullptr);
  ::close(listener_);
  listener_ = -1;
  std::vector<int> fds;
  for (const auto& [fd, _] : sessions_) fds.push_back(fd);
  for (int fd : fds) {
    auto it = sessions_.find(fd);
    if (it == sessions_.end()) continue;
    Session& s = *it->second;
    switch (s.phase) {
      case Phase::handshake:
        s.handshake_failed = true;
        if (s.ending.empty()) s.ending = "server stopping";
        begin_drain(s, kDrainMs);
        break;
      case Phase::data:
        begin_close(s, "server stopping", kStopGraceMs);
        break;
      case Phase::closing:
        set_deadline(s, std::min(s.deadline, io::deadline_after(kStopGraceMs)));
        break;
      case Phase::draining:
        break;
    }
    pump(s);
  }
}

int Server::run() {
  epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
  if (epoll_ < 0) {
    std::fprintf(stderr, "%s: epoll: %s\n", kProgram, std::strerror(errno));
    return 1;
  }
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGINT);
  sigaddset(&mask, SIGTERM);
  sigprocmask(SIG_BLOCK, &mask, nullptr);
  signal_fd_ = ::signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
  ::fcntl(listener_, F_SETFL, ::fcntl(listener_, F_GETFL) | O_NONBLOCK);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = listener_;
  ::epoll_ctl(epoll_, EPOLL_CTL_ADD, listener_, &ev);
  ev.data.fd = signal_fd_;
  ::epoll_ctl(epoll_, EPOLL_CTL_ADD, signal_fd_, &ev);

  std::array<epoll_event, 64> events{};
  for (;;) {
    if (stopping_ && sessions_.empty()) break;
    if (accept_paused_until_ >= 0 && !stopping_ && io::monotonic_ms() >= accept_paused_until_) {
      accept_paused_until_ = -1;
      epoll_event lev{};
      lev.events = EPOLLIN;
      lev.data.fd = listener_;
      ::epoll_ctl(epoll_, EPOLL_CTL_ADD, listener_, &lev);
    }
    long long next = stop_deadline_;
    if (accept_paused_until_ >= 0 && (next < 0 || accept_paused_until_ < next)) {
      next = accept_paused_until_;
    }
    if (!deadlines_.empty() && (next < 0 || deadlines_.begin()->first < next)) {
      next = deadlines_.begin()->first;
    }
    const int n = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()),
                               io::poll_timeout_until(next));
    if (n < 0 && errno != EINTR) {
      std::fprintf(stderr, "%s: epoll_wait: %s\n", kProgram, std::strerror(errno));
      break;
    }
    for (int i = 0; i < n; ++i) {
      const int fd = events[i].data.fd;
      if (fd == signal_fd_) {
        signalfd_siginfo info{};
        while (::read(signal_fd_, &info, sizeof info) > 0) {
        }
        if (!stopping_) stop_all();
      } else if (fd == listener_) {
        if (!stopping_) accept_all();
      } else if (auto it = sessions_.find(fd); it != sessions_.end()) {
        on_event(*it->second, events[i].events);
      }
    }
    const long long now = io::monotonic_ms();
    std::vector<int> due;
    for (auto it = deadlines_.begin(); it != deadlines_.end() && it->first <= now; ++it) {
      due.push_back(it->second);
    }
    for (int fd : due) {
      auto it = sessions_.find(fd);
      const Session* s = it != sessions_.end() ? it->second.get() : nullptr;
      if (s != nullptr && s->deadline >= 0 && s->deadline <= now) on_deadline(*it->second);
    }
    if (stopping_ && stop_deadline_ >= 0 && now >= stop_deadline_) {
      // The grace period is over: whatever is left closes now.
      std::vector<int> left;
      for (const auto& [fd, _] : sessions_) left.push_back(fd);
      for (int fd : left) {
        Session& s = *sessions_.at(fd);
        if (s.ending.empty()) s.ending = "closed by us: server stopping (grace period over)";
        finish(s);
      }
    }
  }
  if (listener_ >= 0) ::close(listener_);
  std::fprintf(stderr, "%s: stopped after %lu connection(s)\n", kProgram, served_);
  return 0;
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", kProgram, message.c_str());
  return 1;
}

std::string content_type_for(const std::string& file) {
  const auto dot = file.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : file.substr(dot + 1);
  if (ext == "html" || ext == "htm") return "text/html; charset=utf-8";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "css") return "text/css";
  if (ext == "js") return "text/javascript";
  if (ext == "json") return "application/json";
  if (ext == "png") return "image/png";
  if (ext == "svg") return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);

  if (std::string bad = unsupported_option(argc, argv); !bad.empty()) return usage_error(bad);
  tools::Options opts = make_options();
  if (!opts.parse(argc, argv)) return usage_error(opts.error());
  if (tools::answered_help_or_version(opts, kProgram)) return 0;
  if (!opts.operands().empty())
    return usage_error("unexpected operand '" + opts.operands()[0] + "'");

  Settings settings;
  unsigned port = 5556;
  if (opts.has("port") && !tools::parse_port(opts.value("port"), port)) {
    return usage_error("bad --port '" + opts.value("port") + "': expected 0..65535");
  }
  if (opts.has("timeout") && !tools::parse_seconds(opts.value("timeout"), settings.timeout_ms)) {
    return usage_error("bad --timeout '" + opts.value("timeout") + "': expected whole seconds");
  }
  if (opts.has("debug")) {
    const std::string d = opts.value("debug");
    char* end = nullptr;
    const long level = std::strtol(d.c_str(), &end, 10);
    if (d.empty() || *end != '\0' || level < 0 || level > 99) {
      return usage_error("bad --debug '" + d + "': expected a level 0..99");
    }
    settings.debug = static_cast<int>(level);
  }
  const std::string bye = opts.value("bye", "rdwr");
  if (bye == "rdwr") {
    settings.bye = Bye::rdwr;
  } else if (bye == "wr") {
    settings.bye = Bye::wr;
  } else if (bye == "none") {
    settings.bye = Bye::none;
  } else {
    return usage_error("bad --bye '" + bye + "': expected rdwr, wr or none");
  }
  // --httpdata is --http with a file of its own; both together are what
  // gnutls-serv users write.
  if (opts.has("echo") && (opts.has("http") || opts.has("httpdata"))) {
    return usage_error("give --echo or --http/--httpdata, not both");
  }
  if (opts.has("echo")) settings.mode = Mode::echo;
  if (opts.has("http")) settings.mode = Mode::http;
  if (opts.has("httpdata")) {
    settings.mode = Mode::http;
    settings.httpdata = true;
    const std::string file = opts.value("httpdata");
    std::ifstream in(file, std::ios::binary);
    if (!in) return usage_error("cannot read --httpdata file " + file);
    settings.http_body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return usage_error("cannot read --httpdata file " + file);
    settings.http_type = content_type_for(file);
  }
  if (opts.has("require-client-cert") && opts.has("disable-client-cert")) {
    return usage_error("--require-client-cert and --disable-client-cert exclude each other");
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
  if (opts.has("require-client-cert")) {
    if (opts.values("x509cafile").empty()) {
      return usage_error("--require-client-cert needs --x509cafile to verify client certificates");
    }
    if (!tools::load_trust(opts.values("x509cafile"), *config, &error)) return usage_error(error);
    config->client_auth = Config::ClientAuth::require;
    config->verify_peer = true;
  } else if (!opts.values("x509cafile").empty()) {
    // Checked now so a bad file is reported, though unused without client certificates.
    Config scratch;
    if (!tools::load_trust(opts.values("x509cafile"), scratch, &error)) return usage_error(error);
  }
  // Without --priority, GnuTLS's default: NORMAL (TLS 1.3 and 1.2).
  const std::string priority = opts.has("priority") ? opts.value("priority") : "NORMAL";
  if (!tools::apply_priority(priority, *config, &error) ||
      !tools::apply_alpn(opts.values("alpn"), *config, &error)) {
    return usage_error(error);
  }
  if (opts.has("alpn-fatal") && config->alpn_protocols.empty()) {
    return usage_error("--alpn-fatal needs at least one --alpn");
  }
  config->alpn_mandatory = opts.has("alpn-fatal");
  if (opts.has("noticket")) config->tickets_enabled = false;
  if (opts.has("earlydata")) {
    config->accept_early_data = true;
    config->anti_replay = std::make_shared<AntiReplay>(config->now_ms());
  }
  if (opts.has("maxearlydata")) {
    const std::string v = opts.value("maxearlydata");
    char* end = nullptr;
    errno = 0;
    const unsigned long n = std::strtoul(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || errno != 0 || n > 0xffffffffUL || v[0] == '-') {
      return usage_error("bad --maxearlydata '" + v + "': expected 0..4294967295");
    }
    config->max_early_data_size = static_cast<uint32_t>(n);
  }
  // TLS 1.2 sessions by id (RFC 5246 7.4.1.2), for clients without tickets.
  if (!opts.has("nodb")) {
    config->session_cache = std::make_shared<tools::MemorySessionCache>(kSessionCacheSize);
  }
  if (opts.has("ticket-key-file")) {
    config->ticket_key = tools::load_ticket_key_file(opts.value("ticket-key-file"), &error);
    if (!config->ticket_key) return usage_error(error);
  }
  config->fill_defaults();

  // Blocked before anything else so a signal from here on is read from the
  // signalfd by the loop, never lost.
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGINT);
  sigaddset(&mask, SIGTERM);
  sigprocmask(SIG_BLOCK, &mask, nullptr);

  unsigned bound = 0;
  const int listener = tools::listen_loopback(port, &bound, &error);
  if (listener < 0) return usage_error(error);
  std::fprintf(stderr, "listening on 127.0.0.1:%u\n", bound);
  std::fflush(stderr);

  // Many clients at once: as many descriptors as the hard limit allows.
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &files);
  }

  Server server(std::move(settings), config, listener);
  return server.run();
}
