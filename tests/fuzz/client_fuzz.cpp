// Whole engine, client role: arbitrary server bytes after our ClientHello
// (engine_fuzz.hpp).
#include "engine_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  coda::fuzz::run_engine(coda::Role::client, data, size);
  return 0;
}
