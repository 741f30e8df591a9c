// FdDriver over a socketpair, against itself: a client driver in the test
// thread and a server driver in another thread.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <string>
#include <thread>

#include "engine/connection.hpp"
#include "io/fd_driver.hpp"
#include "support/test_pki.hpp"

namespace coda::io {
namespace {

constexpr int kTimeoutMs = 10000;

ByteView view(const std::string& s) {
  return as_bytes(s.data(), s.size());
}

std::shared_ptr<crypto::TrustStore> trust_for(const test::TestPki& pki) {
  auto trust = std::make_shared<crypto::TrustStore>();
  EXPECT_TRUE(trust->add_pem(view(pki.ca_pem())).ok());
  return trust;
}

struct Pair {
  int client_fd = -1;
  int server_fd = -1;
  std::unique_ptr<Connection> client;
  std::unique_ptr<Connection> server;

  explicit Pair(const test::TestPki& trusted = test::default_pki(),
                const test::TestPki& issuer = test::default_pki()) {
    int fds[2];
    EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    client_fd = fds[0];
    server_fd = fds[1];
    auto cc = std::make_shared<Config>();
    cc->role = Role::client;
    cc->server_name = "localhost";
    cc->trust = trust_for(trusted);
    cc->fill_defaults();
    auto sc = std::make_shared<Config>();
    sc->role = Role::server;
    const test::TestCert leaf = issuer.issue(test::LeafOptions{});
    auto key = CertifiedKey::from_pem(view(leaf.chain_pem), view(leaf.key_pem));
    EXPECT_TRUE(key.ok());
    sc->certificates.push_back(key.value());
    sc->fill_defaults();
    auto c = Connection::create(cc);
    auto s = Connection::create(sc);
    EXPECT_TRUE(c.ok() && s.ok());
    client = std::move(c).value();
    server = std::move(s).value();
  }
  ~Pair() {
    if (client_fd >= 0) ::close(client_fd);
    if (server_fd >= 0) ::close(server_fd);
  }
};

std::string read_all_until_close(FdDriver& d) {
  std::string got;
  std::array<uint8_t, 1024> buf;
  for (;;) {
    auto n = d.read(MutableByteView(buf.data(), buf.size()), kTimeoutMs);
    if (!n) {
      ADD_FAILURE() << "read failed: " << n.error().detail;
      return got;
    }
    if (*n == 0) return got;
    got.append(reinterpret_cast<const char*>(buf.data()), *n);
  }
}

TEST(FdDriver, HandshakeDataAndCleanClose) {
  Pair p;
  std::string server_got;
  std::thread server([&] {
    FdDriver d(*p.server, p.server_fd);
    ASSERT_TRUE(d.handshake(kTimeoutMs).ok());
    server_got = read_all_until_close(d);
    EXPECT_TRUE(d.write_all(view("reply after your close_notify"), kTimeoutMs).ok());
    EXPECT_TRUE(d.close(CloseMode::wr, kTimeoutMs).ok());
  });
  FdDriver d(*p.client, p.client_fd);
  ASSERT_TRUE(d.handshake(kTimeoutMs).ok());
  EXPECT_TRUE(p.client->handshake_complete());
  std::string big(100000, 'x');  // several records
  ASSERT_TRUE(d.write_all(view(big), kTimeoutMs).ok());
  ASSERT_TRUE(d.close(CloseMode::wr, kTimeoutMs).ok());
  // TLS 1.3 half-close: the server still sends after our close_notify.
  EXPECT_EQ(read_all_until_close(d), "reply after your close_notify");
  EXPECT_TRUE(d.peer_confirmed_close());
  server.join();
  EXPECT_EQ(server_got, big);
}

// Closure contract 6: nothing past the peer's close_notify is read.
TEST(FdDriver, LeavesBytesAfterCloseNotifyInTheSocket) {
  Pair p;
  std::thread server([&] {
    FdDriver d(*p.server, p.server_fd);
    ASSERT_TRUE(d.handshake(kTimeoutMs).ok());
    ASSERT_TRUE(d.close(CloseMode::wr, kTimeoutMs).ok());
    const char plain[] = "PLAINTEXT";
    EXPECT_EQ(::send(p.server_fd, plain, sizeof plain - 1, 0), 9);
  });
  FdDriver d(*p.client, p.client_fd);
  ASSERT_TRUE(d.handshake(kTimeoutMs).ok());
  server.join();
  std::array<uint8_t, 64> buf;
  auto n = d.read(MutableByteView(buf.data(), buf.size()), kTimeoutMs);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0U);
  char rest[32] = {};
  EXPECT_EQ(::recv(p.client_fd, rest, sizeof rest, MSG_DONTWAIT), 9);
  EXPECT_STREQ(rest, "PLAINTEXT");
}

TEST(FdDriver, EofBeforeCloseNotifyIsTruncation) {
  Pair p;
  std::thread server([&] {
    FdDriver d(*p.server, p.server_fd);
    ASSERT_TRUE(d.handshake(kTimeoutMs).ok());
    ASSERT_TRUE(d.write_all(view("partial"), kTimeoutMs).ok());
    ::shutdown(p.server_fd, SHUT_WR);
  });
  FdDriver d(*p.client, p.client_fd);
  ASSERT_TRUE(d.handshake(kTimeoutMs).ok());
  server.join();
  std::array<uint8_t, 64> buf;
  auto n = d.read(MutableByteView(buf.data(), buf.size()), kTimeoutMs);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(std::string(reinterpret_cast<char*>(buf.data()), *n), "partial");
  n = d.read(MutableByteView(buf.data(), buf.size()), kTimeoutMs);
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.error().kind, ErrorKind::premature_eof);
  EXPECT_TRUE(d.saw_eof());
  EXPECT_FALSE(d.peer_confirmed_close());
}

TEST(FdDriver, ReadTimesOut) {
  Pair p;
  std::thread server([&] {
    FdDriver d(*p.server, p.server_fd);
    ASSERT_TRUE(d.handshake(kTimeoutMs).ok());
  });
  FdDriver d(*p.client, p.client_fd);
  ASSERT_TRUE(d.handshake(kTimeoutMs).ok());
  server.join();
  std::array<uint8_t, 64> buf;
  auto n = d.read(MutableByteView(buf.data(), buf.size()), 50);
  ASSERT_FALSE(n.ok());
  EXPECT_TRUE(FdDriver::is_timeout(n.error()));
}

// RDWR waits for the peer's close_notify, dropping data meanwhile; EOF
// ends the wait as in GnuTLS, but the peer never confirmed.
TEST(FdDriver, CloseRdwrDiscardsDataAndWaitsForCloseNotify) {
  Pair p;
  std::thread server([&] {
    FdDriver d(*p.server, p.server_fd);
    ASSERT_TRUE(d.handshake(kTimeoutMs).ok());
    ASSERT_TRUE(d.write_all(view("dropped"), kTimeoutMs).ok());
    EXPECT_EQ(read_all_until_close(d), "");
    EXPECT_TRUE(d.close(CloseMode::wr, kTimeoutMs).ok());
  });
  FdDriver d(*p.client, p.client_fd);
  ASSERT_TRUE(d.handshake(kTimeoutMs).ok());
  EXPECT_TRUE(d.close(CloseMode::rdwr, kTimeoutMs).ok());
  server.join();
  EXPECT_TRUE(d.peer_confirmed_close());
  EXPECT_EQ(p.client->app_bytes_discarded(), 7U);
}

TEST(FdDriver, CloseRdwrEndsAtEofWithoutConfirmation) {
  Pair p;
  std::thread server([&] {
    FdDriver d(*p.server, p.server_fd);
    ASSERT_TRUE(d.handshake(kTimeoutMs).ok());
    ::shutdown(p.server_fd, SHUT_WR);
  });
  FdDriver d(*p.client, p.client_fd);
  ASSERT_TRUE(d.handshake(kTimeoutMs).ok());
  server.join();
  EXPECT_TRUE(d.close(CloseMode::rdwr, kTimeoutMs).ok());
  EXPECT_FALSE(d.peer_confirmed_close());
  EXPECT_TRUE(d.saw_eof());
}

// A refused certificate: the client's alert reaches the server before the
// client gives up.
TEST(FdDriver, FatalErrorFlushesTheAlert) {
  test::TestPki rogue(test::TestKeyType::ecdsa_p256, "Rogue CA");
  Pair p(test::default_pki(), rogue);
  Status server_result;
  std::thread server([&] {
    FdDriver d(*p.server, p.server_fd);
    server_result = d.handshake(kTimeoutMs);
  });
  FdDriver d(*p.client, p.client_fd);
  auto st = d.handshake(kTimeoutMs);
  server.join();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::local_alert);
  ASSERT_FALSE(server_result.ok());
  EXPECT_EQ(server_result.error().kind, ErrorKind::peer_alert);
  EXPECT_EQ(server_result.error().alert, st.error().alert);
  EXPECT_EQ(p.server->alert_received(), st.error().alert);
}

}  // namespace
}  // namespace coda::io
