// The ceiling for record protection: libcrypto's AEAD alone, sealing the same
// 16 KiB buffers a TLS stack would, with no record layer around it.
#pragma once

#include "workloads.hpp"

namespace bench {

// Seals mib MiB in kRecordBytes pieces; returns MB/s (10^6 bytes per CPU second).
double evp_aead_mbps(Cipher cipher, int mib);

}  // namespace bench
