// What TLS 1.3 resumption parses from outside: session data a program gives
// back (gnutls_session_set_data), a ClientHello's pre_shared_key, and a
// ticket a client offers the server. Input: a selector byte (modulo 3),
// then the bytes. Nothing may crash; what parses must round-trip.
#include <algorithm>
#include <cstdint>

#include "config/resumable_session.hpp"
#include "crypto/random.hpp"
#include "fuzz_common.hpp"
#include "handshake/psk.hpp"
#include "handshake/ticket.hpp"

namespace {

using namespace coda;
using namespace coda::hs;

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
  auto opened = open_ticket(identity, *fuzz::ticket_key());
  if (!opened) return;
  crypto::SeededRandom random(fuzz::kServerSeed);
  auto sealed = seal_ticket(*opened, *fuzz::ticket_key(), random);
  if (!sealed) __builtin_trap();
  auto reopened = open_ticket(*sealed, *fuzz::ticket_key());
  if (!reopened || reopened->psk != opened->psk || reopened->alpn != opened->alpn) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const ByteView body(data + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      session_data(body);
      break;
    case 1:
      offered_psks(body);
      break;
    case 2:
      ticket(body);
      break;
  }
  return 0;
}
