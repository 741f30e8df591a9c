// Two Connections wired to each other in memory, for deterministic tests of
// the whole protocol without sockets.
#pragma once

#include <memory>
#include <string>

#include "engine/connection.hpp"

namespace coda::test {

struct MemoryPair {
  std::unique_ptr<Connection> client;
  std::unique_ptr<Connection> server;

  // Moves bytes both ways until neither side has output left. Returns false
  // if either side failed.
  bool pump();
  // Sends `data` from one side and returns what the other side reads.
  std::string transfer(Connection& from, Connection& to, const std::string& data);
};

// Moves a's pending output into b. Returns the number of bytes moved, or -1
// when b reported an error.
long move_bytes(Connection& a, Connection& b);

MemoryPair make_pair(std::shared_ptr<const Config> client, std::shared_ptr<const Config> server);

}  // namespace coda::test
