# The two commands a new user runs: `make demo` and `make test`.
JOBS ?= $(shell nproc)

.PHONY: all deps build debug asan tsan test test-asan demo clean fuzz bench

all: build

deps:
	@scripts/deps.sh

build: deps
	cmake --preset release
	cmake --build --preset release -j $(JOBS)

debug: deps
	cmake --preset debug
	cmake --build --preset debug -j $(JOBS)

asan: deps
	cmake --preset asan
	cmake --build --preset asan -j $(JOBS)

# Only what ThreadSanitizer is for: the library and the tests that use one
# session from two threads (the tsan build preset names them).
tsan: deps
	cmake --preset tsan
	cmake --build --preset tsan -j $(JOBS)

# Every test twice: on the release build, then under ASan + UBSan (leaks
# included) on the asan build. The second run is what catches a memory
# error a passing test did not show. Then the two-thread tests under TSan.
test: build asan tsan
	ctest --preset release -j $(JOBS)
	ctest --preset asan -j $(JOBS)
	ctest --preset tsan -j $(JOBS)

test-asan: asan
	ctest --preset asan -j $(JOBS)

demo: build
	@scripts/demo.sh

# Coda against OpenSSL's libssl and GnuTLS, the full workload (a few minutes;
# docs/performance.md). The table goes to stdout, the numbers to build/bench.json.
bench: build
	build/bin/coda-bench --json build/bench.json

# libFuzzer over every harness of tests/fuzz, FUZZ_SECONDS each, one at a
# time; non-zero on a finding (docs/robustness.md). Needs clang, installed by
# `scripts/deps.sh fuzz` (not needed by `make test`, which runs the corpora).
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/deps.sh fuzz
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCODA_FUZZ=ON -DCODA_SANITIZE=ON \
	  -DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link
	cmake --build build-fuzz --target coda_fuzzers -j $(JOBS)
	tests/fuzz/run_fuzzers.sh build-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf build build-debug build-asan build-tsan build-fuzz

# The load test for minutes: rounds of 2000 sessions open at once against one
# coda-serv, SOAK_SECONDS in all; non-zero on any failure, descriptor growth
# or memory growth (docs/robustness.md, "Load").
SOAK_SECONDS ?= 300
.PHONY: soak
soak: build
	CODA_BIN=$(CURDIR)/build/bin CODA_PKI=$(CURDIR)/build/tests/interop/pki \
	  tests/load/load.sh soak $(SOAK_SECONDS)
