// The child side: which library did the dynamic linker give us, and the
// command loop around the workloads.
#include "child.hpp"

#include <dlfcn.h>
#include <gnutls/gnutls.h>
#include <link.h>
#include <openssl/crypto.h>
#include <openssl/ssl.h>
#include <signal.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "workloads.hpp"

namespace bench {
namespace {

std::string real_path(const std::string& p) {
  char buf[PATH_MAX];
  return realpath(p.c_str(), buf) != nullptr ? std::string(buf) : p;
}

// The path of the libgnutls.so.30 this process loaded, from the loader's own
// list (a function's address could be a PLT stub in the executable).
std::string loaded_gnutls_path() {
  std::string found;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        const char* name = info->dlpi_name;
        if (name != nullptr && std::strstr(name, "libgnutls.so.30") != nullptr) {
          *static_cast<std::string*>(data) = name;
          return 1;
        }
        return 0;
      },
      &found);
  return found;
}

// Fails loudly when the GnuTLS-API stack is not the one asked for: a
// benchmark that compared GnuTLS with itself would look plausible.
std::string check_library(Stack stack, const std::string& coda_lib_dir) {
  const std::string path = loaded_gnutls_path();
  if (path.empty()) throw std::runtime_error("no libgnutls.so.30 is loaded");
  const bool is_coda = dlsym(RTLD_DEFAULT, "coda_session_get_closure") != nullptr;
  const std::string resolved = real_path(path);
  if (stack == Stack::coda) {
    const std::string dir = real_path(coda_lib_dir) + "/";
    if (!is_coda || resolved.compare(0, dir.size(), dir) != 0) {
      throw std::runtime_error("the Coda child loaded " + resolved +
                               (is_coda ? "" : " (no coda_session_get_closure)") +
                               ", not Coda's library from " + dir);
    }
  } else if (stack == Stack::gnutls && is_coda) {
    throw std::runtime_error("the GnuTLS child loaded Coda's library (" + resolved + ")");
  }
  return resolved;
}

Metrics run(Stack stack, const Workload& w, int work, const std::string& pki_dir) {
  return stack == Stack::openssl ? run_openssl_workload(w, work, pki_dir)
                                 : run_gnutls_api_workload(w, work, pki_dir);
}

std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace

const char* stack_name(Stack s) {
  switch (s) {
    case Stack::openssl:
      return "openssl";
    case Stack::gnutls:
      return "gnutls";
    case Stack::coda:
      return "coda";
  }
  return "?";
}

bool parse_stack(const std::string& name, Stack* out) {
  for (int i = 0; i < kStacks; ++i) {
    if (name == stack_name(static_cast<Stack>(i))) {
      *out = static_cast<Stack>(i);
      return true;
    }
  }
  return false;
}

int child_main(Stack stack, const std::string& pki_dir, const std::string& coda_lib_dir) {
  // A bulk side that fails shuts its socket down; the peer must then get
  // EPIPE from its write, not die of SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  std::string library, version;
  try {
    const std::string gnutls_path = check_library(stack, coda_lib_dir);
    if (stack == Stack::openssl) {
      OPENSSL_init_ssl(0, nullptr);
      library = "libssl.so.3";
      version = OpenSSL_version(OPENSSL_VERSION);
    } else {
      const int rc = gnutls_global_init();
      if (rc < 0)
        throw std::runtime_error(std::string("gnutls_global_init: ") + gnutls_strerror(rc));
      library = gnutls_path;
      const char* v = gnutls_check_version(nullptr);
      version = v != nullptr ? v : "?";
    }
  } catch (const std::exception& e) {
    std::cout << "error " << one_line(e.what()) << std::endl;
    std::cerr << "coda-bench (" << stack_name(stack) << " child): " << e.what() << "\n";
    return 1;
  }
  std::cout << "ready " << one_line(library) << "\t" << one_line(version) << std::endl;

  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string id;
    int work = 0;
    in >> id >> work;
    const Workload* w = find_workload(id);
    if (w == nullptr || work <= 0) {
      std::cout << "error bad command: " << one_line(line) << std::endl;
      continue;
    }
    try {
      const Metrics m = run(stack, *w, work, pki_dir);
      std::ostringstream out;
      out.precision(17);
      out << "ok";
      for (const auto& [name, value] : m) out << ' ' << name << '=' << value;
      std::cout << out.str() << std::endl;
    } catch (const std::exception& e) {
      std::cout << "error " << one_line(e.what()) << std::endl;
    }
  }
  return 0;
}

}  // namespace bench
