/* The bytes each load session sends: a length and contents of its own,
 * derived from the round and the session's index, so that an echo that
 * went to the wrong session, lost or repeated bytes, or came back altered
 * does not compare equal. Computed at any offset, never stored. */
#ifndef CODA_TESTS_LOAD_PAYLOAD_H
#define CODA_TESTS_LOAD_PAYLOAD_H

#include <stddef.h>

/* Between max/2 and max bytes (max >= 2). */
size_t payload_length(unsigned round, unsigned index, size_t max);

/* Bytes [offset, offset + n) of the payload of (round, index) into out. */
void payload_fill(unsigned round, unsigned index, size_t offset, unsigned char* out, size_t n);

#endif
