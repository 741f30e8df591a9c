// What coda-serv learns from a client's first record before a session
// exists: the server name (SNI) in its ClientHello, so that the session can
// be given only the certificate chains made for that name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace coda::tools {

// How many bytes of the first record are still needed: 5 - size for the
// header, then the rest of the record; 0 once the record is complete (or
// when it is not a handshake record, and there is nothing to wait for).
size_t first_record_needed(const uint8_t* data, size_t size);

// The host_name of the server_name extension in the ClientHello that starts
// the record [data, data+size), lower-cased; empty when there is none or the
// record is not a (complete enough) ClientHello. Never fails: a malformed
// hello is the engine's to refuse.
std::string client_hello_sni(const uint8_t* data, size_t size);

}  // namespace coda::tools
