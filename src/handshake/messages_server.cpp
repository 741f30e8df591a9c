// The TLS 1.3 server flight after ServerHello: EncryptedExtensions (RFC 8446
// 4.3.1), CertificateRequest (4.3.2), Certificate (4.4.2) and
// CertificateVerify (4.4.3).
#include "handshake/messages_internal.hpp"

namespace coda::hs {

using detail::ExtensionList;

// ---------------------------------------------------------------------------
// EncryptedExtensions: Extension extensions<0..2^16-1>.

Result<EncryptedExtensions> EncryptedExtensions::parse(ByteView body) {
  Reader r(body);
  Reader exts;
  if (!r.vec16(exts) || !r.empty()) return decode_error("EncryptedExtensions: bad length");
  EncryptedExtensions ee;
  CODA_TRY(
      detail::for_each_extension(exts, ee.extension_types, [&](uint16_t type, Reader& b) -> Status {
        switch (static_cast<ExtensionType>(type)) {
          case ExtensionType::server_name:
            // RFC 6066 3: the server's acknowledgement carries empty extension_data.
            ee.server_name_ack = true;
            return detail::expect_empty(b, "server_name: not empty in EncryptedExtensions");
          case ExtensionType::supported_groups:
            return detail::read_u16_list_vec16(b, 2, ee.supported_groups,
                                               "supported_groups: bad list");
          case ExtensionType::alpn:
            return detail::read_selected_alpn(b, ee.alpn);
          default:
            ee.other_extensions.push_back(detail::take_raw(type, b));
            return {};
        }
      }));
  return ee;
}

Bytes EncryptedExtensions::serialize() const {
  Bytes out;
  Writer w(out);
  ExtensionList exts;
  if (!supported_groups.empty()) {
    exts.add(ExtensionType::supported_groups,
             [&](Writer& b) { return detail::write_u16_list(b, 2, supported_groups); });
  }
  if (alpn) {
    exts.add(ExtensionType::alpn, [&](Writer& b) { return detail::write_alpn_list(b, {*alpn}); });
  }
  if (server_name_ack) exts.add_empty(ExtensionType::server_name);
  for (const auto& e : other_extensions) exts.add_raw(e.type, e.body);
  const bool ok = exts.write(w, extension_types);
  return detail::finish(std::move(out), ok);
}

// ---------------------------------------------------------------------------
// CertificateRequest (1.3): opaque certificate_request_context<0..2^8-1>;
// Extension extensions<2..2^16-1>.

Result<CertificateRequest> CertificateRequest::parse(ByteView body) {
  Reader r(body);
  ByteView context;
  Reader exts;
  if (!r.vec8(context) || !r.vec16(exts) || !r.empty()) {
    return decode_error("CertificateRequest: bad length");
  }
  if (exts.empty()) return decode_error("CertificateRequest: empty extensions");
  CertificateRequest cr;
  cr.request_context.assign(context.begin(), context.end());
  bool have_sigalgs = false;
  CODA_TRY(
      detail::for_each_extension(exts, cr.extension_types, [&](uint16_t type, Reader& b) -> Status {
        switch (static_cast<ExtensionType>(type)) {
          case ExtensionType::signature_algorithms:
            have_sigalgs = true;
            return detail::read_u16_list_vec16(b, 2, cr.signature_algorithms,
                                               "signature_algorithms: bad list");
          case ExtensionType::signature_algorithms_cert:
            return detail::read_u16_list_vec16(b, 2, cr.signature_algorithms_cert,
                                               "signature_algorithms_cert: bad list");
          case ExtensionType::certificate_authorities: {
            // RFC 8446 4.2.4: DistinguishedName authorities<3..2^16-1>, each
            // opaque DistinguishedName<1..2^16-1>.
            Reader names;
            if (!b.vec16(names) || names.empty() || !b.empty()) {
              return decode_error("certificate_authorities: bad list");
            }
            while (!names.empty()) {
              ByteView name;
              if (!names.vec16(name) || name.empty()) {
                return decode_error("certificate_authorities: bad name");
              }
              cr.certificate_authorities.emplace_back(name.begin(), name.end());
            }
            return {};
          }
          default:
            cr.other_extensions.push_back(detail::take_raw(type, b));
            return {};
        }
      }));
  // RFC 8446 4.3.2: the signature_algorithms extension MUST be specified;
  // RFC 8446 9.2: a missing mandatory extension is a missing_extension alert.
  if (!have_sigalgs) {
    return Error::alert_error(AlertDescription::missing_extension,
                              "CertificateRequest: no signature_algorithms");
  }
  return cr;
}

Bytes CertificateRequest::serialize() const {
  Bytes out;
  Writer w(out);
  bool ok = w.vec8(request_context);
  ExtensionList exts;
  // Always written: the extension is mandatory, even when the list is empty
  // (which parse would then reject; a caller bug, not ours to hide).
  exts.add(ExtensionType::signature_algorithms,
           [&](Writer& b) { return detail::write_u16_list(b, 2, signature_algorithms); });
  if (!signature_algorithms_cert.empty()) {
    exts.add(ExtensionType::signature_algorithms_cert,
             [&](Writer& b) { return detail::write_u16_list(b, 2, signature_algorithms_cert); });
  }
  if (!certificate_authorities.empty()) {
    exts.add(ExtensionType::certificate_authorities, [&](Writer& b) {
      auto names = b.begin_vec16();
      bool fits = true;
      for (const auto& name : certificate_authorities) fits = b.vec16(name) && fits;
      return b.end(names) && fits;
    });
  }
  for (const auto& e : other_extensions) exts.add_raw(e.type, e.body);
  ok = exts.write(w, extension_types) && ok;
  return detail::finish(std::move(out), ok);
}

// ---------------------------------------------------------------------------
// Certificate (1.3): opaque certificate_request_context<0..2^8-1>;
// CertificateEntry certificate_list<0..2^24-1>; each entry is
// opaque cert_data<1..2^24-1> and Extension extensions<0..2^16-1>.

Result<CertificateMsg> CertificateMsg::parse(ByteView body) {
  Reader r(body);
  ByteView context;
  Reader list;
  if (!r.vec8(context) || !r.vec24(list) || !r.empty()) {
    return decode_error("Certificate: bad length");
  }
  CertificateMsg msg;
  msg.request_context.assign(context.begin(), context.end());
  while (!list.empty()) {
    ByteView cert;
    Reader exts;
    if (!list.vec24(cert) || !list.vec16(exts)) return decode_error("Certificate: bad entry");
    if (cert.empty()) return decode_error("Certificate: empty cert_data");
    // The entry's extensions (status_request, SCT) are kept raw for the
    // layer that asked for them, but their framing is checked here.
    const ByteView raw = exts.rest();
    std::vector<uint16_t> types;
    CODA_TRY(detail::for_each_extension(exts, types, [](uint16_t, Reader& b) -> Status {
      (void)b.skip(b.remaining());
      return {};
    }));
    CertificateEntry entry;
    entry.cert_data.assign(cert.begin(), cert.end());
    entry.extensions.assign(raw.begin(), raw.end());
    msg.entries.push_back(std::move(entry));
  }
  return msg;
}

Bytes CertificateMsg::serialize() const {
  Bytes out;
  Writer w(out);
  bool ok = w.vec8(request_context);
  auto list = w.begin_vec24();
  for (const auto& e : entries) {
    ok = w.vec24(e.cert_data) && ok;
    ok = w.vec16(e.extensions) && ok;
  }
  ok = w.end(list) && ok;
  return detail::finish(std::move(out), ok);
}

// ---------------------------------------------------------------------------
// CertificateVerify: SignatureScheme algorithm; opaque signature<0..2^16-1>.

Result<CertificateVerify> CertificateVerify::parse(ByteView body) {
  Reader r(body);
  CertificateVerify cv;
  ByteView sig;
  if (!r.u16(cv.scheme) || !r.vec16(sig) || !r.empty()) {
    return decode_error("CertificateVerify: bad length");
  }
  cv.signature.assign(sig.begin(), sig.end());
  return cv;
}

Bytes CertificateVerify::serialize() const {
  Bytes out;
  Writer w(out);
  w.u16(scheme);
  const bool ok = w.vec16(signature);
  return detail::finish(std::move(out), ok);
}

}  // namespace coda::hs
