// coda-serv --ticket-key-file: the key several server processes share so
// that each resumes the others' sessions (tickets, both versions). The file
// holds exactly kTicketKeyFileSize bytes, as `head -c 64 /dev/urandom`
// writes them (the size of a gnutls_session_ticket_key_generate key).
#pragma once

#include <memory>
#include <string>

#include "base/secure.hpp"

namespace coda::tools {

inline constexpr size_t kTicketKeyFileSize = 64;

// The key, or null with *error saying why (unreadable, wrong size).
std::shared_ptr<const SecureBytes> load_ticket_key_file(const std::string& path,
                                                        std::string* error);

}  // namespace coda::tools
