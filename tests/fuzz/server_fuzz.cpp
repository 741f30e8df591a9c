// Whole engine, server role: arbitrary client bytes (engine_fuzz.hpp).
#include "engine_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  coda::fuzz::run_engine(coda::Role::server, data, size);
  return 0;
}
