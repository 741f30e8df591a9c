#include "support/memory_pair.hpp"

#include <gtest/gtest.h>

#include <iostream>

namespace coda::test {

long move_bytes(Connection& a, Connection& b) {
  const ByteView out = a.pending_output();
  if (out.empty()) return 0;
  const Bytes copy(out.begin(), out.end());
  a.consume_output(copy.size());
  size_t offset = 0;
  while (offset < copy.size()) {
    auto used = b.receive(ByteView(copy).subspan(offset));
    if (!used) return -1;
    if (*used == 0) break;  // b stopped reading (close_notify): the rest stays unread
    offset += *used;
  }
  return static_cast<long>(copy.size());
}

bool MemoryPair::pump() {
  for (int round = 0; round < 100; ++round) {
    const long a = move_bytes(*client, *server);
    const long b = move_bytes(*server, *client);
    if (a < 0 || b < 0) {
      // Deliver the alert the failing side queued, so both see the failure.
      move_bytes(*client, *server);
      move_bytes(*server, *client);
      for (const auto* side : {client.get(), server.get()}) {
        if (auto e = side->error()) {
          std::cerr << (side == client.get() ? "client" : "server") << " failed: " << e->detail
                    << " (alert " << alert_name(e->alert) << ", kind " << static_cast<int>(e->kind)
                    << ")\n";
        }
      }
      return false;
    }
    if (a == 0 && b == 0) return !client->error() && !server->error();
  }
  ADD_FAILURE() << "pump did not settle";
  return false;
}

std::string MemoryPair::transfer(Connection& from, Connection& to, const std::string& data) {
  if (!from.send(as_bytes(data.data(), data.size()))) return "<send failed>";
  if (move_bytes(from, to) < 0) return "<receive failed>";
  std::string got(to.app_data_available(), '\0');
  to.read(MutableByteView(reinterpret_cast<uint8_t*>(got.data()), got.size()));
  return got;
}

MemoryPair make_pair(std::shared_ptr<const Config> client, std::shared_ptr<const Config> server) {
  MemoryPair pair;
  auto c = Connection::create(std::move(client));
  auto s = Connection::create(std::move(server));
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().detail);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().detail);
  if (c) pair.client = std::move(c).value();
  if (s) pair.server = std::move(s).value();
  return pair;
}

}  // namespace coda::test
