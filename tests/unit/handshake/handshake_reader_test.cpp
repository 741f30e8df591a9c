#include "handshake/handshake_reader.hpp"

#include <gtest/gtest.h>

#include "unit/handshake/test_util.hpp"

namespace coda::hs {
namespace {

using test::cat;
using test::fails_with;

Bytes message(HandshakeType type, size_t body_len, uint8_t fill) {
  Bytes out;
  append_handshake(out, type, Bytes(body_len, fill));
  return out;
}

TEST(HandshakeReader, StartsEmpty) {
  HandshakeReader r;
  EXPECT_TRUE(r.empty());
  EXPECT_TRUE(r.at_message_boundary());
  EXPECT_FALSE(r.next().has_value());
}

TEST(HandshakeReader, ReassemblesOneByteFragments) {
  const Bytes a = message(HandshakeType::certificate, 1000, 0xaa);
  const Bytes b = message(HandshakeType::finished, 32, 0xbb);
  const Bytes stream = cat({a, b});
  HandshakeReader r;
  std::vector<Bytes> raws;
  for (size_t i = 0; i < stream.size(); ++i) {
    ASSERT_TRUE(r.add(ByteView(stream).subspan(i, 1)).ok());
    const bool at_end_of_message = (i + 1 == a.size()) || (i + 1 == stream.size());
    EXPECT_EQ(r.at_message_boundary(), at_end_of_message) << i;
    while (auto m = r.next()) {
      raws.emplace_back(m->raw.begin(), m->raw.end());
      EXPECT_EQ(m->raw.size(), m->body.size() + 4);
    }
    EXPECT_TRUE(r.at_message_boundary() == r.empty());
  }
  ASSERT_EQ(raws.size(), 2U);
  EXPECT_EQ(raws[0], a);
  EXPECT_EQ(raws[1], b);
  EXPECT_TRUE(r.empty());
}

TEST(HandshakeReader, SeveralMessagesInOneFragment) {
  const Bytes stream = cat({message(HandshakeType::encrypted_extensions, 2, 0),
                            message(HandshakeType::certificate, 300, 1),
                            message(HandshakeType::certificate_verify, 0, 2)});
  const Bytes fin = message(HandshakeType::finished, 48, 3);
  HandshakeReader r;
  ASSERT_TRUE(r.add(cat({stream, Bytes(fin.begin(), fin.begin() + 10)})).ok());
  EXPECT_FALSE(r.at_message_boundary());
  EXPECT_FALSE(r.empty());

  // Views of messages taken in a row stay valid together until add().
  auto ee = r.next();
  auto cert = r.next();
  auto cv = r.next();
  ASSERT_TRUE(ee && cert && cv);
  EXPECT_FALSE(r.next().has_value());  // Finished is partial
  EXPECT_EQ(ee->type, HandshakeType::encrypted_extensions);
  EXPECT_EQ(ee->body.size(), 2U);
  EXPECT_EQ(cert->type, HandshakeType::certificate);
  EXPECT_EQ(cert->body.size(), 300U);
  EXPECT_EQ(cert->body[299], 1);
  EXPECT_EQ(cv->type, HandshakeType::certificate_verify);
  EXPECT_TRUE(cv->body.empty());
  EXPECT_EQ(r.buffered(), 10U);

  ASSERT_TRUE(r.add(ByteView(fin).subspan(10)).ok());
  EXPECT_TRUE(r.at_message_boundary());
  EXPECT_FALSE(r.empty());  // a whole message waits: a key change must not happen now
  auto f = r.next();
  ASSERT_TRUE(f);
  EXPECT_EQ(Bytes(f->raw.begin(), f->raw.end()), fin);
  EXPECT_TRUE(r.empty());
  r.release_memory();
  EXPECT_TRUE(r.empty());
}

TEST(HandshakeReader, AcceptsTheCapAndRejectsOneMore) {
  {
    HandshakeReader r;
    const Bytes at_cap = message(HandshakeType::certificate, kMaxHandshakeMessage - 4, 5);
    ASSERT_TRUE(r.add(at_cap).ok());
    auto m = r.next();
    ASSERT_TRUE(m);
    EXPECT_EQ(m->raw.size(), kMaxHandshakeMessage);
  }
  {
    HandshakeReader r;
    // Refused from the header alone, before the body arrives.
    const Bytes header{static_cast<uint8_t>(HandshakeType::certificate), 0x02, 0x00, 0x01};
    ASSERT_TRUE(r.add(ByteView(header).subspan(0, 2)).ok());
    EXPECT_TRUE(fails_with(r.add(ByteView(header).subspan(2)), AlertDescription::decode_error));
    // Sticky.
    EXPECT_TRUE(fails_with(r.add(Bytes{0}), AlertDescription::decode_error));
    EXPECT_FALSE(r.next().has_value());
  }
  {
    // An oversized header behind a complete message is caught too.
    HandshakeReader r;
    const Bytes stream = cat({message(HandshakeType::finished, 4, 0), Bytes{20, 0xff, 0xff, 0xff}});
    EXPECT_TRUE(fails_with(r.add(stream), AlertDescription::decode_error));
  }
}

TEST(HandshakeReader, RejectsEmptyFragment) {
  HandshakeReader r;
  // RFC 8446 5.1: zero-length handshake fragments MUST NOT be sent.
  EXPECT_TRUE(fails_with(r.add({}), AlertDescription::unexpected_message));
  EXPECT_TRUE(fails_with(r.add(Bytes{1}), AlertDescription::unexpected_message));
}

TEST(HandshakeReader, PartialHeaderIsNotABoundary) {
  HandshakeReader r;
  ASSERT_TRUE(r.add(Bytes{20, 0}).ok());
  EXPECT_FALSE(r.at_message_boundary());
  EXPECT_FALSE(r.next().has_value());
  ASSERT_TRUE(r.add(Bytes{0, 0}).ok());  // an empty-bodied message completes
  EXPECT_TRUE(r.at_message_boundary());
  auto m = r.next();
  ASSERT_TRUE(m);
  EXPECT_EQ(m->type, HandshakeType::finished);
  EXPECT_TRUE(m->body.empty());
  EXPECT_EQ(m->raw.size(), 4U);
}

TEST(HandshakeReader, CompactsWithoutLosingPartialData) {
  // Many rounds of "a whole message plus the start of the next": the
  // buffer is compacted on each add and the content stays intact.
  HandshakeReader r;
  Bytes pending;
  for (int i = 0; i < 200; ++i) {
    const Bytes m = message(HandshakeType::certificate, 50 + i, static_cast<uint8_t>(i));
    append(pending, m);
    const size_t cut = pending.size() - 7;
    ASSERT_TRUE(r.add(ByteView(pending).subspan(0, cut)).ok());
    pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(cut));
    while (auto got = r.next()) {
      ASSERT_EQ(got->type, HandshakeType::certificate);
      const uint8_t fill = got->body.front();
      for (uint8_t b : got->body) ASSERT_EQ(b, fill);
      ASSERT_EQ(got->body.size(), 50U + fill);
    }
  }
  ASSERT_TRUE(r.add(pending).ok());
  auto last = r.next();
  ASSERT_TRUE(last);
  EXPECT_EQ(last->body.size(), 50U + 199);
  EXPECT_TRUE(r.empty());
}

}  // namespace
}  // namespace coda::hs
