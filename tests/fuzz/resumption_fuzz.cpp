// What resumption parses from outside: session data a program gives back
// (gnutls_session_set_data), a ClientHello's pre_shared_key, and a ticket a
// client offers the server, in TLS 1.3 (selectors 0-2); TLS 1.2 session
// data, a TLS 1.2 server's cache entry (what the program's retrieve
// callback hands back) and a TLS 1.2 ticket (3-5). Input: a selector byte
// (modulo 6), then the bytes. Nothing may crash; what parses must
// round-trip.
#include <algorithm>
#include <cstdint>

#include "config/resumable_session.hpp"
#include "config/session12.hpp"
#include "crypto/random.hpp"
#include "fuzz_common.hpp"
#include "handshake/psk.hpp"
#include "handshake/ticket.hpp"
#include "handshake/tls12_resumption.hpp"

namespace {

using namespace coda;
using namespace coda::hs;

// The keys the fuzz servers seal with (their key, clock and lifetime).
const TicketKeys& keys() {
  static const TicketKeys k =
      ticket_keys_at(*fuzz::ticket_key(), fuzz::kClockMs / 1000, Config{}.ticket_lifetime);
  return k;
}

void session_data(ByteView data) {
  auto parsed = ResumableSession::parse(data);
  if (!parsed) return;
  const SecureBytes again = parsed->serialize();
  if (again.size() != data.size() || !std::equal(again.begin(), again.end(), data.begin())) {
    __builtin_trap();
  }
  (void)parsed->usable_at(fuzz::kClockMs);
}

void offered_psks(ByteView body) {
  auto parsed = OfferedPsks::parse(body);
  if (!parsed) return;
  const Bytes again = parsed->serialize();
  if (again.size() != body.size() || !std::equal(again.begin(), again.end(), body.begin())) {
    __builtin_trap();
  }
  if (parsed->binders_length() > body.size()) __builtin_trap();
}

void ticket(ByteView identity) {
  auto opened = open_ticket(identity, keys());
  if (!opened) return;
  crypto::SeededRandom random(fuzz::kServerSeed);
  auto sealed = seal_ticket(*opened, keys().current, random);
  if (!sealed) __builtin_trap();
  auto reopened = open_ticket(*sealed, keys());
  if (!reopened || reopened->psk != opened->psk || reopened->alpn != opened->alpn) __builtin_trap();
}

void session_data12(ByteView data) {
  auto parsed = ResumableSession12::parse(data);
  if (!parsed) return;
  const SecureBytes again = parsed->serialize();
  if (again.size() != data.size() || !std::equal(again.begin(), again.end(), data.begin())) {
    __builtin_trap();
  }
  (void)parsed->offerable();
}

void cache_entry12(ByteView data) {
  auto parsed = ServerSession12::parse(data);
  if (!parsed) return;
  const SecureBytes again = parsed->serialize();
  if (again.size() != data.size() || !std::equal(again.begin(), again.end(), data.begin())) {
    __builtin_trap();
  }
}

void ticket12(ByteView ticket) {
  auto opened = open_ticket12(ticket, keys());
  if (!opened) return;
  crypto::SeededRandom random(fuzz::kServerSeed);
  auto sealed = seal_ticket12(*opened, keys().current, random);
  if (!sealed) __builtin_trap();
  auto reopened = open_ticket12(*sealed, keys());
  if (!reopened || reopened->master_secret != opened->master_secret ||
      reopened->server_name != opened->server_name) {
    __builtin_trap();
  }
  // A TLS 1.2 ticket never opens as a TLS 1.3 one.
  if (open_ticket(ticket, keys())) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const ByteView body(data + 1, size - 1);
  switch (data[0] % 6) {
    case 0:
      session_data(body);
      break;
    case 1:
      offered_psks(body);
      break;
    case 2:
      ticket(body);
      break;
    case 3:
      session_data12(body);
      break;
    case 4:
      cache_entry12(body);
      break;
    case 5:
      ticket12(body);
      break;
  }
  return 0;
}
