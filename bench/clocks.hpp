// CPU and wall clocks. CPU time is the figure the report leads with: it is
// less disturbed than wall time by the other jobs of a shared machine.
#pragma once

#include <time.h>

#include <type_traits>

namespace bench {

inline double cpu_now_us() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

inline double wall_now_us() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

// Adds the CPU time of f() to acc; how each side's calls are charged to it.
template <class F>
auto cpu_timed(double& acc, F&& f) {
  const double start = cpu_now_us();
  if constexpr (std::is_void_v<decltype(f())>) {
    f();
    acc += cpu_now_us() - start;
  } else {
    auto r = f();
    acc += cpu_now_us() - start;
    return r;
  }
}

}  // namespace bench
