// Every handshake message parser of messages.hpp and messages12.hpp. Input:
// a selector byte (which parser, modulo kParsers), then the message body
// (without the 4-byte handshake header). What parses must re-serialize byte
// for byte (messages.hpp: a parsed message re-serializes exactly) and parse
// again to an equal value.
#include <algorithm>
#include <cstdint>

#include "handshake/messages.hpp"
#include "handshake/messages12.hpp"

namespace {

using namespace coda;
using namespace coda::hs;

template <typename Parse>
void round_trip(ByteView body, Parse parse) {
  auto message = parse(body);
  if (!message) return;
  const Bytes again = message->serialize();
  if (again.size() != body.size() || !std::equal(again.begin(), again.end(), body.begin())) {
    __builtin_trap();  // not byte for byte
  }
  auto reparsed = parse(ByteView(again));
  if (!reparsed || !(*reparsed == *message)) __builtin_trap();
}

template <typename M>
void round_trip(ByteView body) {
  round_trip(body, [](ByteView b) { return M::parse(b); });
}

void finished(ByteView body, size_t length) {
  round_trip(body, [length](ByteView b) { return Finished::parse(b, length); });
}

}  // namespace

// Selector values, also used by make_corpus.cpp to name its seeds.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const ByteView body(data + 1, size - 1);
  switch (data[0] % 18) {
    case 0: {
      round_trip<ClientHello>(body);
      if (auto ch = ClientHello::parse(body)) {
        (void)ch->has_extension(ExtensionType::pre_shared_key);
      }
      break;
    }
    case 1: {
      round_trip<ServerHello>(body);
      if (auto sh = ServerHello::parse(body)) (void)sh->is_hello_retry_request();
      break;
    }
    case 2:
      round_trip<EncryptedExtensions>(body);
      break;
    case 3:
      round_trip<CertificateRequest>(body);
      break;
    case 4:
      round_trip<CertificateMsg>(body);
      break;
    case 5:
      round_trip<CertificateVerify>(body);
      break;
    case 6:
      finished(body, 32);
      break;
    case 7:
      finished(body, 48);
      break;
    case 8:
      finished(body, 12);
      break;
    case 9:
      round_trip<NewSessionTicket>(body);
      break;
    case 10:
      round_trip<KeyUpdate>(body);
      break;
    case 11:
      round_trip<Certificate12>(body);
      break;
    case 12: {
      round_trip<ServerKeyExchangeEcdhe>(body);
      if (auto ske = ServerKeyExchangeEcdhe::parse(body)) {
        const Bytes params = ske->params_bytes();
        if (params.size() > body.size()) __builtin_trap();
      }
      break;
    }
    case 13:
      round_trip<ClientKeyExchangeEcdhe>(body);
      break;
    case 14:
      round_trip<CertificateRequest12>(body);
      break;
    case 15:
      round_trip<ServerHelloDone>(body);
      break;
    case 16:
      round_trip<HelloRequest>(body);
      break;
    case 17:
      round_trip<NewSessionTicket12>(body);
      break;
  }
  return 0;
}
