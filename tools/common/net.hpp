// Socket helpers for the tools: a loopback listener, an outgoing connection
// to a host name or address, and printable addresses.
#pragma once

#include <string>

namespace coda::tools {

// Listens on 127.0.0.1:port (0: the kernel picks); returns the socket, or -1
// with *error set. *bound_port gets the port actually bound.
int listen_loopback(unsigned port, unsigned* bound_port, std::string* error);

// Connects to host:port, trying each address the name resolves to in turn,
// each with the timeout (negative: none). Returns a blocking socket with
// TCP_NODELAY set, or -1 with *error set. *address gets the address used.
int connect_to(const std::string& host, unsigned port, int timeout_ms, std::string* address,
               std::string* error);

// "127.0.0.1:40512" for the peer of a connected socket.
std::string peer_address(int fd);

// Whether `host` is an IPv4 or IPv6 address literal (RFC 6066 3: such a
// name is never sent as SNI).
bool is_ip_literal(const std::string& host);

// Writes all of [data, data+size) to a blocking descriptor; false on error.
bool write_fully(int fd, const void* data, size_t size);

}  // namespace coda::tools
