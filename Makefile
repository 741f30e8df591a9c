# The two commands a new user runs: `make demo` and `make test`.
JOBS ?= $(shell nproc)

.PHONY: all deps build debug asan test test-asan demo clean

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

test: build
	ctest --preset release -j $(JOBS)

test-asan: asan
	ctest --preset asan -j $(JOBS)

demo: build
	@scripts/demo.sh

clean:
	rm -rf build build-debug build-asan
