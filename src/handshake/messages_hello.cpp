// ClientHello (RFC 8446 4.1.2, RFC 5246 7.4.1.2) and ServerHello /
// HelloRetryRequest (RFC 8446 4.1.3-4.1.4, RFC 5246 7.4.1.3).
#include <algorithm>

#include "handshake/messages_internal.hpp"

namespace coda::hs {

using detail::ExtensionList;

namespace {

constexpr uint16_t ext(ExtensionType t) {
  return static_cast<uint16_t>(t);
}

// RFC 8446 4.1.2 / 4.1.3: legacy_session_id<0..32>.
constexpr size_t kMaxSessionId = 32;

// server_name (RFC 6066 3): ServerNameList server_name_list<1..2^16-1>, each
// entry a NameType and, for host_name (0), HostName<1..2^16-1>.
Status parse_server_name(Reader& body, std::optional<std::string>& out) {
  Reader list;
  if (!body.vec16(list) || list.empty()) return decode_error("server_name: bad list");
  while (!list.empty()) {
    uint8_t name_type = 0;
    ByteView name;
    // Only host_name is defined; every later name type would have to share
    // its opaque<1..2^16-1> shape for old servers to skip it, so read it so.
    if (!list.u8(name_type) || !list.vec16(name)) return decode_error("server_name: truncated");
    if (name_type != 0) continue;
    // RFC 6066 3: the list MUST NOT contain more than one name of the same name_type.
    if (out) return illegal_parameter("server_name: two host names");
    if (name.empty()) return decode_error("server_name: empty host name");
    // A NUL would let "good.example\0.evil" compare differently in C and C++.
    if (std::find(name.begin(), name.end(), uint8_t{0}) != name.end()) {
      return illegal_parameter("server_name: NUL in host name");
    }
    out.emplace(name.begin(), name.end());
  }
  return {};
}

// RFC 6066 3: a ServerNameList of one host_name entry.
bool write_host_name(Writer& b, const std::string& name) {
  auto list = b.begin_vec16();
  b.u8(0);  // host_name
  const bool name_ok = b.vec16(detail::view_of(name));
  return b.end(list) && name_ok;
}

// The server_name body write_host_name makes for `name`.
Bytes host_name_body(const std::string& name) {
  Bytes out;
  Writer w(out);
  (void)write_host_name(w, name);
  return out;
}

// key_share in ClientHello (RFC 8446 4.2.8): KeyShareEntry client_shares<0..2^16-1>.
Status parse_client_key_shares(Reader& body, std::vector<KeyShareEntry>& out) {
  Reader list;
  if (!body.vec16(list)) return decode_error("key_share: bad list");
  detail::CodePointSet groups;
  while (!list.empty()) {
    KeyShareEntry e;
    ByteView key;
    // RFC 8446 4.2.8: opaque key_exchange<1..2^16-1>.
    if (!list.u16(e.group) || !list.vec16(key) || key.empty()) {
      return decode_error("key_share: bad entry");
    }
    // RFC 8446 4.2.8: clients MUST NOT offer multiple KeyShareEntry values
    // for the same group; servers MAY abort with illegal_parameter.
    if (!groups.insert(e.group)) return illegal_parameter("key_share: duplicate group");
    e.key_exchange.assign(key.begin(), key.end());
    out.push_back(std::move(e));
  }
  return {};
}

// One KeyShareEntry (ServerHello form, RFC 8446 4.2.8).
Status parse_key_share_entry(Reader& body, std::optional<KeyShareEntry>& out) {
  KeyShareEntry e;
  ByteView key;
  if (!body.u16(e.group) || !body.vec16(key) || key.empty()) {
    return decode_error("key_share: bad server share");
  }
  e.key_exchange.assign(key.begin(), key.end());
  out = std::move(e);
  return {};
}

// cookie (RFC 8446 4.2.2): opaque cookie<1..2^16-1>.
Status parse_cookie(Reader& body, std::optional<Bytes>& out) {
  ByteView c;
  if (!body.vec16(c) || c.empty()) return decode_error("cookie: bad length");
  out.emplace(c.begin(), c.end());
  return {};
}

// renegotiation_info (RFC 5746 3.2): opaque renegotiated_connection<0..255>.
Status parse_renegotiation_info(Reader& body, std::optional<Bytes>& out) {
  ByteView v;
  if (!body.vec8(v)) return decode_error("renegotiation_info: bad length");
  out.emplace(v.begin(), v.end());
  return {};
}

bool write_key_share_entry(Writer& w, const KeyShareEntry& e) {
  w.u16(e.group);
  return w.vec16(e.key_exchange);
}

}  // namespace

// ---------------------------------------------------------------------------
// ClientHello

Result<ClientHello> ClientHello::parse(ByteView body) {
  Reader r(body);
  ClientHello ch;
  ByteView random;
  ByteView session_id;
  ByteView suites;
  ByteView compression;
  if (!r.u16(ch.legacy_version) || !r.bytes(ch.random.size(), random) || !r.vec8(session_id) ||
      !r.vec16(suites) || !r.vec8(compression)) {
    return decode_error("ClientHello: truncated");
  }
  std::copy(random.begin(), random.end(), ch.random.begin());
  if (session_id.size() > kMaxSessionId) return decode_error("ClientHello: session id too long");
  ch.legacy_session_id.assign(session_id.begin(), session_id.end());
  // RFC 8446 4.1.2: CipherSuite cipher_suites<2..2^16-2>.
  CODA_TRY(detail::read_u16_list(suites, 2, ch.cipher_suites, "ClientHello: bad cipher_suites"));
  // RFC 8446 4.1.2: opaque legacy_compression_methods<1..2^8-1>.
  if (compression.empty()) return decode_error("ClientHello: no compression methods");
  ch.compression_methods.assign(compression.begin(), compression.end());

  // RFC 5246 7.4.1.2: a TLS 1.2 hello may end here; no block means no
  // extensions. (A TLS 1.3 hello without supported_versions is a 1.2 hello.)
  if (r.empty()) return ch;
  Reader exts;
  if (!r.vec16(exts) || !r.empty()) {
    return Error::alert_error(AlertDescription::decode_error, "ClientHello: bad extensions block",
                              Reason::bad_extensions_length);
  }
  ch.empty_extensions_block = exts.empty();

  CODA_TRY(
      detail::for_each_extension(exts, ch.extension_types, [&](uint16_t type, Reader& b) -> Status {
        switch (static_cast<ExtensionType>(type)) {
          case ExtensionType::server_name: {
            // A list with no host_name entry (only name types we do not
            // know) is kept as it came, so serialize() writes it back.
            const ByteView raw = b.rest();
            CODA_TRY(parse_server_name(b, ch.server_name));
            if (!ch.server_name) {
              ch.other_extensions.push_back({type, Bytes(raw.begin(), raw.end())});
            } else if (const Bytes canonical = host_name_body(*ch.server_name);
                       !std::equal(raw.begin(), raw.end(), canonical.begin(), canonical.end())) {
              ch.server_name_body = Bytes(raw.begin(), raw.end());
            }
            return {};
          }
          case ExtensionType::supported_versions: {
            // RFC 8446 4.2.1: ProtocolVersion versions<2..254> (a vec8).
            ByteView list;
            if (!b.vec8(list)) return decode_error("supported_versions: bad list");
            return detail::read_u16_list(list, 2, ch.supported_versions,
                                         "supported_versions: bad list");
          }
          case ExtensionType::supported_groups:
            // RFC 8446 4.2.7: NamedGroup named_group_list<2..2^16-1>.
            return detail::read_u16_list_vec16(b, 2, ch.supported_groups,
                                               "supported_groups: bad list");
          case ExtensionType::signature_algorithms:
            // RFC 8446 4.2.3: SignatureScheme supported_signature_algorithms<2..2^16-2>.
            return detail::read_u16_list_vec16(b, 2, ch.signature_algorithms,
                                               "signature_algorithms: bad list");
          case ExtensionType::signature_algorithms_cert:
            return detail::read_u16_list_vec16(b, 2, ch.signature_algorithms_cert,
                                               "signature_algorithms_cert: bad list");
          case ExtensionType::key_share:
            ch.key_shares.emplace();
            return parse_client_key_shares(b, *ch.key_shares);
          case ExtensionType::cookie:
            return parse_cookie(b, ch.cookie);
          case ExtensionType::psk_key_exchange_modes:
            // RFC 8446 4.2.9: PskKeyExchangeMode ke_modes<1..255>.
            return detail::read_u8_list_vec8(b, ch.psk_key_exchange_modes,
                                             "psk_key_exchange_modes: bad list");
          case ExtensionType::alpn:
            return detail::read_alpn_list(b, ch.alpn);
          case ExtensionType::ec_point_formats:
            // RFC 8422 5.1.2: ECPointFormat ec_point_format_list<1..2^8-1>.
            return detail::read_u8_list_vec8(b, ch.ec_point_formats, "ec_point_formats: bad list");
          case ExtensionType::extended_master_secret:
            // RFC 7627 5.1: the extension_data field of this extension is empty.
            ch.extended_master_secret = true;
            return detail::expect_empty(b, "extended_master_secret: not empty");
          case ExtensionType::renegotiation_info:
            return parse_renegotiation_info(b, ch.renegotiation_info);
          case ExtensionType::early_data:
            // RFC 8446 4.2.10: in ClientHello the extension_data is empty.
            ch.has_early_data = true;
            return detail::expect_empty(b, "early_data: not empty");
          case ExtensionType::post_handshake_auth:
            // RFC 8446 4.2.6: the extension_data is zero length.
            ch.post_handshake_auth = true;
            return detail::expect_empty(b, "post_handshake_auth: not empty");
          case ExtensionType::pre_shared_key:
            // We neither resume nor accept PSKs: the body is kept, not read.
            ch.pre_shared_key = detail::take_raw(type, b).body;
            return {};
          default:
            ch.other_extensions.push_back(detail::take_raw(type, b));
            return {};
        }
      }));

  // RFC 8446 4.2.11: pre_shared_key MUST be the last extension in the
  // ClientHello; servers MUST check this and fail with illegal_parameter.
  if (ch.pre_shared_key && ch.extension_types.back() != ext(ExtensionType::pre_shared_key)) {
    return illegal_parameter("ClientHello: pre_shared_key not last");
  }
  return ch;
}

bool ClientHello::has_extension(ExtensionType type) const {
  return std::find(extension_types.begin(), extension_types.end(), ext(type)) !=
         extension_types.end();
}

Bytes ClientHello::serialize() const {
  Bytes out;
  Writer w(out);
  bool ok = true;
  w.u16(legacy_version);
  w.bytes(random);
  ok = w.vec8(legacy_session_id) && ok;
  ok = detail::write_u16_list(w, 2, cipher_suites) && ok;
  ok = w.vec8(compression_methods) && ok;

  // Default order when extension_types does not say otherwise; Coda's own
  // hellos carry no pre_shared_key (no resumption) and no padding.
  ExtensionList exts;
  if (server_name_body) {
    exts.add_raw(static_cast<uint16_t>(ExtensionType::server_name), *server_name_body);
  } else if (server_name) {
    exts.add(ExtensionType::server_name,
             [&](Writer& b) { return write_host_name(b, *server_name); });
  }
  if (!ec_point_formats.empty()) {
    exts.add(ExtensionType::ec_point_formats, [&](Writer& b) { return b.vec8(ec_point_formats); });
  }
  if (!supported_groups.empty()) {
    exts.add(ExtensionType::supported_groups,
             [&](Writer& b) { return detail::write_u16_list(b, 2, supported_groups); });
  }
  if (!signature_algorithms.empty()) {
    exts.add(ExtensionType::signature_algorithms,
             [&](Writer& b) { return detail::write_u16_list(b, 2, signature_algorithms); });
  }
  if (!signature_algorithms_cert.empty()) {
    exts.add(ExtensionType::signature_algorithms_cert,
             [&](Writer& b) { return detail::write_u16_list(b, 2, signature_algorithms_cert); });
  }
  if (!alpn.empty()) {
    exts.add(ExtensionType::alpn, [&](Writer& b) { return detail::write_alpn_list(b, alpn); });
  }
  if (extended_master_secret) exts.add_empty(ExtensionType::extended_master_secret);
  if (renegotiation_info) {
    exts.add(ExtensionType::renegotiation_info,
             [&](Writer& b) { return b.vec8(*renegotiation_info); });
  }
  if (key_shares) {
    exts.add(ExtensionType::key_share, [&](Writer& b) {
      bool entries_ok = true;
      auto list = b.begin_vec16();
      for (const auto& e : *key_shares) entries_ok = write_key_share_entry(b, e) && entries_ok;
      return b.end(list) && entries_ok;
    });
  }
  if (!supported_versions.empty()) {
    exts.add(ExtensionType::supported_versions,
             [&](Writer& b) { return detail::write_u16_list(b, 1, supported_versions); });
  }
  if (cookie) exts.add(ExtensionType::cookie, [&](Writer& b) { return b.vec16(*cookie); });
  if (!psk_key_exchange_modes.empty()) {
    exts.add(ExtensionType::psk_key_exchange_modes,
             [&](Writer& b) { return b.vec8(psk_key_exchange_modes); });
  }
  if (has_early_data) exts.add_empty(ExtensionType::early_data);
  if (post_handshake_auth) exts.add_empty(ExtensionType::post_handshake_auth);
  for (const auto& e : other_extensions) exts.add_raw(e.type, e.body);
  // RFC 8446 4.2.11: always the last extension.
  if (pre_shared_key)
    exts.add_raw(static_cast<uint16_t>(ExtensionType::pre_shared_key), *pre_shared_key);

  ok = exts.write_hello_block(w, extension_types, empty_extensions_block) && ok;
  return detail::finish(std::move(out), ok);
}

// ---------------------------------------------------------------------------
// ServerHello / HelloRetryRequest

Result<ServerHello> ServerHello::parse(ByteView body) {
  Reader r(body);
  ServerHello sh;
  ByteView random;
  ByteView session_id;
  if (!r.u16(sh.legacy_version) || !r.bytes(sh.random.size(), random) || !r.vec8(session_id) ||
      !r.u16(sh.cipher_suite) || !r.u8(sh.compression_method)) {
    return decode_error("ServerHello: truncated");
  }
  std::copy(random.begin(), random.end(), sh.random.begin());
  if (session_id.size() > kMaxSessionId) return decode_error("ServerHello: session id too long");
  sh.legacy_session_id_echo.assign(session_id.begin(), session_id.end());

  // RFC 5246 7.4.1.3: a TLS 1.2 ServerHello may end without extensions.
  if (r.empty()) return sh;
  Reader exts;
  if (!r.vec16(exts) || !r.empty()) {
    return Error::alert_error(AlertDescription::decode_error, "ServerHello: bad extensions block",
                              Reason::bad_extensions_length);
  }
  sh.empty_extensions_block = exts.empty();

  const bool hrr = sh.is_hello_retry_request();
  CODA_TRY(
      detail::for_each_extension(exts, sh.extension_types, [&](uint16_t type, Reader& b) -> Status {
        switch (static_cast<ExtensionType>(type)) {
          case ExtensionType::supported_versions: {
            // RFC 8446 4.2.1: in ServerHello, one ProtocolVersion selected_version.
            uint16_t v = 0;
            if (!b.u16(v)) return decode_error("supported_versions: bad server form");
            sh.selected_version = v;
            return {};
          }
          case ExtensionType::key_share:
            if (hrr) {
              // RFC 8446 4.2.8: in HelloRetryRequest, NamedGroup selected_group.
              uint16_t g = 0;
              if (!b.u16(g)) return decode_error("key_share: bad selected_group");
              sh.selected_group = g;
              return {};
            }
            return parse_key_share_entry(b, sh.key_share);
          case ExtensionType::cookie:
            // RFC 8446 4.2: a recognized extension in a message it is not
            // specified for MUST be rejected with illegal_parameter; cookie is
            // specified for HelloRetryRequest, not ServerHello.
            if (!hrr) return illegal_parameter("ServerHello: cookie outside HelloRetryRequest");
            return parse_cookie(b, sh.cookie);
          case ExtensionType::extended_master_secret:
            // RFC 7627 5.1: the extension_data field of this extension is empty.
            sh.extended_master_secret = true;
            return detail::expect_empty(b, "extended_master_secret: not empty");
          case ExtensionType::renegotiation_info:
            return parse_renegotiation_info(b, sh.renegotiation_info);
          case ExtensionType::ec_point_formats:
            return detail::read_u8_list_vec8(b, sh.ec_point_formats, "ec_point_formats: bad list");
          case ExtensionType::alpn:
            return detail::read_selected_alpn(b, sh.alpn);
          default:
            sh.other_extensions.push_back(detail::take_raw(type, b));
            return {};
        }
      }));
  return sh;
}

Bytes ServerHello::serialize() const {
  Bytes out;
  Writer w(out);
  bool ok = true;
  w.u16(legacy_version);
  w.bytes(random);
  ok = w.vec8(legacy_session_id_echo) && ok;
  w.u16(cipher_suite);
  w.u8(compression_method);

  ExtensionList exts;
  // The random decides which key_share form the peer will read, so write
  // the one that matches it (RFC 8446 4.2.8).
  if (is_hello_retry_request()) {
    if (selected_group) {
      exts.add(ExtensionType::key_share, [&](Writer& b) {
        b.u16(*selected_group);
        return true;
      });
    }
  } else if (key_share) {
    exts.add(ExtensionType::key_share,
             [&](Writer& b) { return write_key_share_entry(b, *key_share); });
  }
  if (selected_version) {
    exts.add(ExtensionType::supported_versions, [&](Writer& b) {
      b.u16(*selected_version);
      return true;
    });
  }
  if (cookie) exts.add(ExtensionType::cookie, [&](Writer& b) { return b.vec16(*cookie); });
  if (renegotiation_info) {
    exts.add(ExtensionType::renegotiation_info,
             [&](Writer& b) { return b.vec8(*renegotiation_info); });
  }
  if (extended_master_secret) exts.add_empty(ExtensionType::extended_master_secret);
  if (!ec_point_formats.empty()) {
    exts.add(ExtensionType::ec_point_formats, [&](Writer& b) { return b.vec8(ec_point_formats); });
  }
  if (alpn) {
    exts.add(ExtensionType::alpn, [&](Writer& b) { return detail::write_alpn_list(b, {*alpn}); });
  }
  for (const auto& e : other_extensions) exts.add_raw(e.type, e.body);

  ok = exts.write_hello_block(w, extension_types, empty_extensions_block) && ok;
  return detail::finish(std::move(out), ok);
}

}  // namespace coda::hs
