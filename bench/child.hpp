// A child process runs one stack's workloads on the parent's command: one
// line in ("<workload id> <work>"), one line out ("ok name=value ..." or
// "error <why>"). Each GnuTLS-API stack needs a process of its own because
// Coda's libgnutls.so.30 and the real one share a soname and symbols.
#pragma once

#include <string>

namespace bench {

enum class Stack { openssl = 0, gnutls = 1, coda = 2 };
inline constexpr int kStacks = 3;

const char* stack_name(Stack s);
bool parse_stack(const std::string& name, Stack* out);

// The child's main: checks the process loaded the library `stack` calls for
// (coda_lib_dir is where Coda's libgnutls.so.30 must come from), says
// "ready ...", then serves commands until stdin closes. Returns the exit code.
int child_main(Stack stack, const std::string& pki_dir, const std::string& coda_lib_dir);

}  // namespace bench
