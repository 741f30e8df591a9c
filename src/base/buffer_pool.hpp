// Record buffers lent to sessions only while they hold bytes. A session
// gives a buffer back as soon as it is empty (a record processed, the
// output sent, the application data read), so an idle session holds none;
// the memory stays in a small pool of the thread's, so the next record,
// of this session or another on the same thread, allocates nothing.
#pragma once

#include <cstddef>

#include "base/bytes.hpp"

namespace coda {

// At most this many buffers wait in a thread's pool, each of at most
// kMaxPooledCapacity bytes (a TLS 1.2 record and its header, rounded up);
// larger ones, and any beyond the count, are freed.
inline constexpr size_t kPooledBuffers = 8;
inline constexpr size_t kMaxPooledCapacity = size_t{20} * 1024;

// Makes room for `need` more bytes in `buffer`: memory from this thread's
// pool when it has none yet, else a new reservation; a no-op when the room
// is there. Its contents are left as they are.
void borrow_buffer(Bytes& buffer, size_t need);

// Empties `buffer` and hands its memory to this thread's pool (or frees
// it). The bytes are not kept for anyone to read: the next borrower gets an
// empty buffer and only ever reads what it wrote.
void give_back_buffer(Bytes& buffer);

}  // namespace coda
