// Handshake messages only TLS 1.2 has (RFC 5246 7.4, RFC 8422 5.4 and 5.7
// for ECDHE, RFC 5077 3.3), with the conventions of messages.hpp: parse
// takes the body (without the 4-byte handshake header) and is strict (a
// wrong length or a trailing byte is decode_error, a forbidden value
// illegal_parameter); serialize writes what parse reads, and returns an empty
// Bytes when a length prefix overflows. ServerHelloDone and HelloRequest are
// the exception: their body is empty by definition.
//
// Messages shared with TLS 1.3 live in messages.hpp: ClientHello and
// ServerHello (with the 1.2 extensions), CertificateVerify (RFC 5246 7.4.8:
// the same digitally-signed struct, SignatureAndHashAlgorithm then opaque
// signature<0..2^16-1>), and Finished, which is Finished::parse(body, 12) in
// TLS 1.2 (RFC 5246 7.4.9).
#pragma once

#include <cstdint>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"

namespace coda::hs {

// RFC 8422 5.4: ECCurveType; only named_curve is allowed (explicit curves
// are deprecated and never negotiated).
inline constexpr uint8_t kCurveTypeNamedCurve = 3;

// Certificate (RFC 5246 7.4.2): ASN.1Cert certificate_list<0..2^24-1>, each
// ASN.1Cert <1..2^24-1> (DER), the sender's certificate first.
struct Certificate12 {
  std::vector<Bytes> certificates;

  static Result<Certificate12> parse(ByteView body);
  Bytes serialize() const;
  bool operator==(const Certificate12&) const = default;
};

// ServerKeyExchange for ECDHE suites (RFC 8422 5.4): ServerECDHParams
// (ECCurveType curve_type = named_curve; NamedCurve namedcurve;
// opaque point <1..2^8-1>) followed by the digitally-signed params
// (RFC 5246 4.7, 7.4.1.4.1: SignatureAndHashAlgorithm, opaque <0..2^16-1>).
struct ServerKeyExchangeEcdhe {
  uint16_t named_group = 0;
  Bytes public_key;     // the ECPoint / X25519 key, 1..255 bytes
  uint16_t scheme = 0;  // SignatureAndHashAlgorithm as a 2-byte code point
  Bytes signature;

  // The serialized ServerECDHParams: what is signed, after client_random and
  // server_random (RFC 8422 5.4).
  Bytes params_bytes() const;
  // curve_type other than named_curve: illegal_parameter.
  static Result<ServerKeyExchangeEcdhe> parse(ByteView body);
  Bytes serialize() const;
  bool operator==(const ServerKeyExchangeEcdhe&) const = default;
};

// ClientKeyExchange for ECDHE suites (RFC 8422 5.7): ClientECDiffieHellmanPublic,
// opaque point <1..2^8-1> (the explicit form; implicit is for fixed ECDH).
struct ClientKeyExchangeEcdhe {
  Bytes public_key;

  static Result<ClientKeyExchangeEcdhe> parse(ByteView body);
  Bytes serialize() const;
  bool operator==(const ClientKeyExchangeEcdhe&) const = default;
};

// CertificateRequest (RFC 5246 7.4.4): ClientCertificateType
// certificate_types<1..2^8-1>; SignatureAndHashAlgorithm
// supported_signature_algorithms<2..2^16-2>; DistinguishedName
// certificate_authorities<0..2^16-1>, each DistinguishedName <1..2^16-1>
// (DER, kept raw).
struct CertificateRequest12 {
  std::vector<uint8_t> certificate_types;
  std::vector<uint16_t> signature_algorithms;
  std::vector<Bytes> certificate_authorities;

  static Result<CertificateRequest12> parse(ByteView body);
  Bytes serialize() const;
  bool operator==(const CertificateRequest12&) const = default;
};

// ServerHelloDone (RFC 5246 7.4.5): an empty body; anything else is
// decode_error.
struct ServerHelloDone {
  static Result<ServerHelloDone> parse(ByteView body);
  Bytes serialize() const { return {}; }
  bool operator==(const ServerHelloDone&) const = default;
};

// HelloRequest (RFC 5246 7.4.1.1): an empty body; anything else is
// decode_error.
struct HelloRequest {
  static Result<HelloRequest> parse(ByteView body);
  Bytes serialize() const { return {}; }
  bool operator==(const HelloRequest&) const = default;
};

// NewSessionTicket (RFC 5077 3.3): uint32 ticket_lifetime_hint;
// opaque ticket<0..2^16-1>.
struct NewSessionTicket12 {
  uint32_t lifetime_hint = 0;
  Bytes ticket;

  static Result<NewSessionTicket12> parse(ByteView body);
  Bytes serialize() const;
  bool operator==(const NewSessionTicket12&) const = default;
};

}  // namespace coda::hs
