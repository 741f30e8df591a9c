// Extension helpers shared by the message codecs (see messages_internal.hpp).
#include <vector>

#include "handshake/messages_internal.hpp"

namespace coda::hs::detail {

Status read_u16_list(ByteView contents, size_t min_bytes, std::vector<uint16_t>& out,
                     const char* why) {
  if (contents.size() < min_bytes || contents.size() % 2 != 0) return decode_error(why);
  Reader r(contents);
  out.clear();
  out.reserve(contents.size() / 2);
  uint16_t v = 0;
  while (r.u16(v)) out.push_back(v);
  return {};
}

Status read_u16_list_vec16(Reader& body, size_t min_bytes, std::vector<uint16_t>& out,
                           const char* why) {
  ByteView list;
  if (!body.vec16(list)) return decode_error(why);
  return read_u16_list(list, min_bytes, out, why);
}

Status read_u8_list_vec8(Reader& body, std::vector<uint8_t>& out, const char* why) {
  ByteView list;
  if (!body.vec8(list) || list.empty()) return decode_error(why);
  out.assign(list.begin(), list.end());
  return {};
}

Status expect_empty(const Reader& body, const char* why) {
  if (!body.empty()) return decode_error(why);
  return {};
}

Status read_alpn_list(Reader& body, std::vector<std::string>& out) {
  Reader list;
  // RFC 7301 3.1: ProtocolNameList protocol_name_list<2..2^16-1>.
  if (!body.vec16(list) || list.empty()) return decode_error("alpn: bad list");
  out.clear();
  while (!list.empty()) {
    ByteView name;
    // RFC 7301 3.1: opaque ProtocolName<1..2^8-1>; empty strings MUST NOT be included.
    if (!list.vec8(name) || name.empty()) return decode_error("alpn: bad protocol name");
    out.emplace_back(name.begin(), name.end());
  }
  return {};
}

Status read_selected_alpn(Reader& body, std::optional<std::string>& out) {
  std::vector<std::string> names;
  CODA_TRY(read_alpn_list(body, names));
  // RFC 7301 3.1: the server's ProtocolNameList MUST contain exactly one name.
  if (names.size() != 1) return decode_error("alpn: server sent more than one protocol");
  out = std::move(names.front());
  return {};
}

RawExtension take_raw(uint16_t type, Reader& body) {
  RawExtension ext;
  ext.type = type;
  const ByteView rest = body.rest();
  ext.body.assign(rest.begin(), rest.end());
  (void)body.skip(rest.size());
  return ext;
}

bool ExtensionList::write(Writer& w, const std::vector<uint16_t>& order) const {
  bool ok = ok_;
  std::vector<bool> written(items_.size(), false);
  auto block = w.begin_vec16();
  auto emit = [&](size_t i) {
    written[i] = true;
    w.u16(items_[i].first);
    ok = w.vec16(items_[i].second) && ok;
  };
  for (uint16_t type : order) {
    for (size_t i = 0; i < items_.size(); ++i) {
      if (!written[i] && items_[i].first == type) {
        emit(i);
        break;
      }
    }
  }
  for (size_t i = 0; i < items_.size(); ++i) {
    if (!written[i]) emit(i);
  }
  return w.end(block) && ok;
}

bool write_u16_list(Writer& w, size_t prefix_bytes, const std::vector<uint16_t>& v) {
  auto p = prefix_bytes == 1 ? w.begin_vec8() : w.begin_vec16();
  for (uint16_t x : v) w.u16(x);
  return w.end(p);
}

bool write_alpn_list(Writer& w, const std::vector<std::string>& names) {
  bool ok = true;
  auto list = w.begin_vec16();
  for (const auto& n : names) ok = w.vec8(view_of(n)) && ok;
  return w.end(list) && ok;
}

}  // namespace coda::hs::detail
