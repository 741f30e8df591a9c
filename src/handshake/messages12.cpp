// TLS 1.2 handshake messages: Certificate (RFC 5246 7.4.2), ECDHE
// ServerKeyExchange and ClientKeyExchange (RFC 8422 5.4, 5.7),
// CertificateRequest (RFC 5246 7.4.4), ServerHelloDone (7.4.5), HelloRequest
// (7.4.1.1) and NewSessionTicket (RFC 5077 3.3).
#include "handshake/messages12.hpp"

#include "handshake/messages_internal.hpp"

namespace coda::hs {

// ---------------------------------------------------------------------------
// Certificate: ASN.1Cert certificate_list<0..2^24-1>; ASN.1Cert <1..2^24-1>.

Result<Certificate12> Certificate12::parse(ByteView body) {
  Reader r(body);
  Reader list;
  if (!r.vec24(list) || !r.empty()) return decode_error("Certificate: bad length");
  Certificate12 msg;
  while (!list.empty()) {
    ByteView cert;
    if (!list.vec24(cert)) return decode_error("Certificate: bad entry");
    // RFC 5246 7.4.2: opaque ASN.1Cert<1..2^24-1>.
    if (cert.empty()) return decode_error("Certificate: empty certificate");
    msg.certificates.emplace_back(cert.begin(), cert.end());
  }
  return msg;
}

Bytes Certificate12::serialize() const {
  Bytes out;
  Writer w(out);
  bool ok = true;
  auto list = w.begin_vec24();
  for (const auto& c : certificates) ok = w.vec24(c) && ok;
  ok = w.end(list) && ok;
  return detail::finish(std::move(out), ok);
}

// ---------------------------------------------------------------------------
// ServerKeyExchange (ECDHE): ServerECDHParams params; digitally-signed
// struct { SignatureAndHashAlgorithm algorithm; opaque signature<0..2^16-1>; }.

namespace {

// ServerECDHParams: ECCurveType curve_type; NamedCurve namedcurve;
// ECPoint public (opaque point <1..2^8-1>).
bool write_ecdh_params(Writer& w, uint16_t group, const Bytes& public_key) {
  w.u8(kCurveTypeNamedCurve);
  w.u16(group);
  return w.vec8(public_key);
}

}  // namespace

Bytes ServerKeyExchangeEcdhe::params_bytes() const {
  Bytes out;
  Writer w(out);
  const bool ok = write_ecdh_params(w, named_group, public_key);
  return detail::finish(std::move(out), ok);
}

Result<ServerKeyExchangeEcdhe> ServerKeyExchangeEcdhe::parse(ByteView body) {
  Reader r(body);
  uint8_t curve_type = 0;
  if (!r.u8(curve_type)) return decode_error("ServerKeyExchange: bad length");
  // RFC 8422 5.4: explicit_prime and explicit_char2 are deprecated and
  // never offered (RFC 8422 5.1.1), so anything but named_curve is illegal.
  if (curve_type != kCurveTypeNamedCurve) {
    return illegal_parameter("ServerKeyExchange: curve_type is not named_curve");
  }
  ServerKeyExchangeEcdhe ske;
  ByteView point;
  ByteView signature;
  if (!r.u16(ske.named_group) || !r.vec8(point) || !r.u16(ske.scheme) || !r.vec16(signature) ||
      !r.empty()) {
    return decode_error("ServerKeyExchange: bad length");
  }
  // RFC 8422 5.4: opaque point <1..2^8-1>.
  if (point.empty()) return decode_error("ServerKeyExchange: empty public key");
  ske.public_key.assign(point.begin(), point.end());
  ske.signature.assign(signature.begin(), signature.end());
  return ske;
}

Bytes ServerKeyExchangeEcdhe::serialize() const {
  Bytes out;
  Writer w(out);
  bool ok = write_ecdh_params(w, named_group, public_key);
  w.u16(scheme);
  ok = w.vec16(signature) && ok;
  return detail::finish(std::move(out), ok);
}

// ---------------------------------------------------------------------------
// ClientKeyExchange (ECDHE): ClientECDiffieHellmanPublic, ECPoint ecdh_Yc
// (opaque point <1..2^8-1>).

Result<ClientKeyExchangeEcdhe> ClientKeyExchangeEcdhe::parse(ByteView body) {
  Reader r(body);
  ByteView point;
  if (!r.vec8(point) || !r.empty()) return decode_error("ClientKeyExchange: bad length");
  // RFC 8422 5.7: opaque point <1..2^8-1>; the implicit (empty) form is
  // only for fixed-ECDH client certificates, which ECDHE suites never use.
  if (point.empty()) return decode_error("ClientKeyExchange: empty public key");
  ClientKeyExchangeEcdhe cke;
  cke.public_key.assign(point.begin(), point.end());
  return cke;
}

Bytes ClientKeyExchangeEcdhe::serialize() const {
  Bytes out;
  Writer w(out);
  const bool ok = w.vec8(public_key);
  return detail::finish(std::move(out), ok);
}

// ---------------------------------------------------------------------------
// CertificateRequest (1.2): ClientCertificateType certificate_types<1..2^8-1>;
// SignatureAndHashAlgorithm supported_signature_algorithms<2..2^16-2>;
// DistinguishedName certificate_authorities<0..2^16-1>.

Result<CertificateRequest12> CertificateRequest12::parse(ByteView body) {
  Reader r(body);
  ByteView types;
  ByteView sigalgs;
  Reader cas;
  if (!r.vec8(types) || !r.vec16(sigalgs) || !r.vec16(cas) || !r.empty()) {
    return decode_error("CertificateRequest: bad length");
  }
  CertificateRequest12 cr;
  // RFC 5246 7.4.4: certificate_types<1..2^8-1>.
  if (types.empty()) return decode_error("CertificateRequest: no certificate types");
  cr.certificate_types.assign(types.begin(), types.end());
  // RFC 5246 7.4.4: supported_signature_algorithms<2..2^16-2>, 2-byte entries.
  CODA_TRY(detail::read_u16_list(sigalgs, 2, cr.signature_algorithms,
                                 "CertificateRequest: bad signature algorithms"));
  while (!cas.empty()) {
    ByteView name;
    // RFC 5246 7.4.4: opaque DistinguishedName<1..2^16-1>.
    if (!cas.vec16(name) || name.empty()) {
      return decode_error("CertificateRequest: bad distinguished name");
    }
    cr.certificate_authorities.emplace_back(name.begin(), name.end());
  }
  return cr;
}

Bytes CertificateRequest12::serialize() const {
  Bytes out;
  Writer w(out);
  bool ok = w.vec8(certificate_types);
  ok = detail::write_u16_list(w, 2, signature_algorithms) && ok;
  auto cas = w.begin_vec16();
  for (const auto& name : certificate_authorities) ok = w.vec16(name) && ok;
  ok = w.end(cas) && ok;
  return detail::finish(std::move(out), ok);
}

// ---------------------------------------------------------------------------
// ServerHelloDone and HelloRequest: struct { }.

Result<ServerHelloDone> ServerHelloDone::parse(ByteView body) {
  // RFC 5246 7.4.5: struct { } ServerHelloDone; any byte cannot be decoded.
  if (!body.empty()) return decode_error("ServerHelloDone: not empty");
  return ServerHelloDone{};
}

Result<HelloRequest> HelloRequest::parse(ByteView body) {
  // RFC 5246 7.4.1.1: struct { } HelloRequest.
  if (!body.empty()) return decode_error("HelloRequest: not empty");
  return HelloRequest{};
}

// ---------------------------------------------------------------------------
// NewSessionTicket (RFC 5077 3.3): uint32 ticket_lifetime_hint;
// opaque ticket<0..2^16-1>.

Result<NewSessionTicket12> NewSessionTicket12::parse(ByteView body) {
  Reader r(body);
  NewSessionTicket12 t;
  ByteView ticket;
  if (!r.u32(t.lifetime_hint) || !r.vec16(ticket) || !r.empty()) {
    return decode_error("NewSessionTicket: bad length");
  }
  t.ticket.assign(ticket.begin(), ticket.end());
  return t;
}

Bytes NewSessionTicket12::serialize() const {
  Bytes out;
  Writer w(out);
  w.u32(lifetime_hint);
  const bool ok = w.vec16(ticket);
  return detail::finish(std::move(out), ok);
}

}  // namespace coda::hs
