// coda-bench: the same workloads on OpenSSL's libssl, GnuTLS 3.7 and Coda
// (through its GnuTLS C API) in one run. The parent makes the certificates,
// starts one child process per stack (re-executing /proc/self/exe; the Coda
// child with LD_LIBRARY_PATH on Coda's build/lib, the others without), sends
// the rounds to the children in turn, A B C A B C, so noise on a shared
// machine falls on all three alike, and reports.
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "certs.hpp"
#include "child.hpp"
#include "report.hpp"
#include "workloads.hpp"

namespace bench {
namespace {

struct Options {
  bool quick = false;
  std::string json_path;
  std::vector<std::string> only;  // workload ids; empty is all
  std::string coda_lib_dir;       // default: <dir of the binary>/../lib
  // Internal: set when this process is a child.
  std::string child_stack;
  std::string pki_dir;
};

void usage(std::ostream& out) {
  out << "usage: coda-bench [--quick] [--json FILE] [--only ID[,ID...]] [--coda-lib DIR]\n"
         "  Runs every workload on OpenSSL, GnuTLS and Coda, alternating round by round,\n"
         "  and prints medians (min-max) and the ratios Coda/OpenSSL and Coda/GnuTLS.\n"
         "  --quick     a few seconds: checks every workload runs; the numbers mean little\n"
         "  --json F    also write the results to F\n"
         "  --only IDs  run only these workloads (--list names them)\n"
         "  --coda-lib  where Coda's libgnutls.so.30 is (default: ../lib next to the binary)\n"
         "  --list      list the workloads\n"
         "  --write-pki DIR  only write the certificates to DIR (to run a child by hand,\n"
         "              e.g. under a profiler: coda-bench --child coda --pki DIR, one\n"
         "              \"<workload> <work>\" command per line on stdin)\n";
}

std::string self_exe() {
  char buf[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) throw std::runtime_error("cannot read /proc/self/exe");
  return std::string(buf, static_cast<size_t>(n));
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

class Child {
 public:
  Child(Stack stack, const Options& opt) : stack_(stack) {
    int to_child[2], from_child[2];
    // Close-on-exec, or the next child would inherit this one's stdin and it
    // would never see EOF.
    if (pipe2(to_child, O_CLOEXEC) != 0 || pipe2(from_child, O_CLOEXEC) != 0) {
      throw std::runtime_error("pipe");
    }
    const std::string exe = self_exe();
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork");
    if (pid_ == 0) {
      dup2(to_child[0], STDIN_FILENO);
      dup2(from_child[1], STDOUT_FILENO);
      close(to_child[0]);
      close(to_child[1]);
      close(from_child[0]);
      close(from_child[1]);
      // Which libgnutls.so.30 the child gets is decided here, by the path
      // the dynamic linker searches first.
      if (stack == Stack::coda) {
        setenv("LD_LIBRARY_PATH", opt.coda_lib_dir.c_str(), 1);
      } else {
        unsetenv("LD_LIBRARY_PATH");
      }
      execl(exe.c_str(), exe.c_str(), "--child", stack_name(stack), "--pki", opt.pki_dir.c_str(),
            "--coda-lib", opt.coda_lib_dir.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    to_ = fdopen(to_child[1], "w");
    from_ = fdopen(from_child[0], "r");
    std::string line = read_line();
    if (line.rfind("ready ", 0) != 0) {
      throw std::runtime_error(std::string(stack_name(stack)) + " child did not start: " + line);
    }
    line = line.substr(6);
    const auto tab = line.find('\t');
    info_.library = line.substr(0, tab);
    info_.version = tab == std::string::npos ? "" : line.substr(tab + 1);
  }

  ~Child() {
    if (to_) fclose(to_);
    if (from_) fclose(from_);
    if (pid_ > 0) waitpid(pid_, nullptr, 0);
  }

  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  const StackInfo& info() const { return info_; }

  // One round; throws with the child's reason on a failure.
  Metrics run(const Workload& w, int work) {
    std::fprintf(to_, "%s %d\n", w.id, work);
    std::fflush(to_);
    const std::string line = read_line();
    if (line.rfind("ok", 0) != 0) {
      throw std::runtime_error(line.rfind("error ", 0) == 0 ? line.substr(6) : line);
    }
    Metrics m;
    std::istringstream in(line.substr(2));
    std::string item;
    while (in >> item) {
      const auto eq = item.find('=');
      m.push_back({item.substr(0, eq), std::stod(item.substr(eq + 1))});
    }
    return m;
  }

 private:
  std::string read_line() {
    char* buf = nullptr;
    size_t cap = 0;
    const ssize_t n = getline(&buf, &cap, from_);
    std::string line = n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
    free(buf);
    if (n <= 0) return "error the " + std::string(stack_name(stack_)) + " child exited";
    if (!line.empty() && line.back() == '\n') line.pop_back();
    return line;
  }

  Stack stack_;
  pid_t pid_ = -1;
  FILE* to_ = nullptr;
  FILE* from_ = nullptr;
  StackInfo info_;
};

bool selected(const Options& opt, const Workload& w) {
  if (opt.only.empty()) return true;
  for (const auto& id : opt.only) {
    if (id == w.id) return true;
  }
  return false;
}

// Every round of one workload, stacks in turn; the first failure ends the
// workload (its status says where) and the run's exit code becomes 1.
WorkloadResult run_workload(const Workload& w, const Options& opt, std::vector<Child*>& children) {
  WorkloadResult res;
  res.workload = &w;
  const int rounds = opt.quick ? w.quick_rounds : w.full_rounds;
  const int work = opt.quick ? w.quick_work : w.full_work;
  try {
    // A round nobody reports first, so one-time costs (lazy tables, the
    // first use of a credential) are paid before the rounds that count.
    if (!opt.quick) {
      for (Child* c : children) c->run(w, std::max(1, work / 10));
    }
    for (int r = 0; r < rounds; ++r) {
      for (int s = 0; s < kStacks; ++s) {
        Metrics m;
        try {
          m = children[s]->run(w, work);
        } catch (const std::exception& e) {
          throw std::runtime_error(std::string(stack_name(static_cast<Stack>(s))) + ": " +
                                   e.what());
        }
        for (const auto& [name, value] : m) {
          if (!res.rounds.count(name)) res.metric_names.push_back(name);
          res.rounds[name][s].push_back(value);
        }
      }
    }
  } catch (const std::exception& e) {
    res.status = std::string("failed: ") + e.what();
  }
  return res;
}

int parent_main(const Options& opt_in) {
  Options opt = opt_in;
  signal(SIGPIPE, SIG_IGN);
  if (opt.coda_lib_dir.empty()) {
    opt.coda_lib_dir = std::filesystem::path(self_exe()).parent_path().parent_path() / "lib";
  }
  if (!std::filesystem::exists(opt.coda_lib_dir + "/libgnutls.so.30")) {
    std::cerr << "coda-bench: no libgnutls.so.30 in " << opt.coda_lib_dir
              << " (build Coda's coda_gnutls target, or pass --coda-lib)\n";
    return 1;
  }
  char tmpl[] = "/tmp/coda-bench.XXXXXX";
  if (mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp");
  opt.pki_dir = tmpl;
  RunReport report;
  report.quick = opt.quick;
  report.load_before = load_average();
  int failures = 0;
  try {
    generate_pki(opt.pki_dir);
    std::vector<std::unique_ptr<Child>> owned;
    std::vector<Child*> children;
    for (int s = 0; s < kStacks; ++s) {
      owned.push_back(std::make_unique<Child>(static_cast<Stack>(s), opt));
      children.push_back(owned.back().get());
      report.stacks[s] = owned.back()->info();
    }
    for (const auto& w : all_workloads()) {
      if (!selected(opt, w)) continue;
      std::cerr << "coda-bench: " << w.id << "\n";
      report.results.push_back(run_workload(w, opt, children));
      const std::string& status = report.results.back().status;
      if (status.rfind("failed", 0) == 0) {
        ++failures;
        std::cerr << "coda-bench: " << w.id << " " << status << "\n";
      }
    }
  } catch (const std::exception& e) {
    std::filesystem::remove_all(opt.pki_dir);
    std::cerr << "coda-bench: " << e.what() << "\n";
    return 1;
  }
  std::filesystem::remove_all(opt.pki_dir);
  report.load_after = load_average();
  print_table(std::cout, report);
  if (!opt.json_path.empty()) {
    std::ofstream json(opt.json_path);
    write_json(json, report);
    if (!json) {
      std::cerr << "coda-bench: cannot write " << opt.json_path << "\n";
      return 1;
    }
  }
  if (failures) std::cerr << "coda-bench: " << failures << " workload(s) failed\n";
  return failures ? 1 : 0;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string item;
  while (std::getline(in, item, sep)) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
  using namespace bench;
  Options opt;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "coda-bench: " << a << " needs a value\n";
        std::exit(1);
      }
      return argv[++i];
    };
    if (a == "--quick") {
      opt.quick = true;
    } else if (a == "--json") {
      opt.json_path = value();
    } else if (a == "--only") {
      opt.only = split(value(), ',');
    } else if (a == "--coda-lib") {
      opt.coda_lib_dir = value();
    } else if (a == "--child") {
      opt.child_stack = value();
    } else if (a == "--pki") {
      opt.pki_dir = value();
    } else if (a == "--write-pki") {
      const std::string dir = value();
      try {
        std::filesystem::create_directories(dir);
        generate_pki(dir);
      } catch (const std::exception& e) {
        std::cerr << "coda-bench: " << e.what() << "\n";
        return 1;
      }
      return 0;
    } else if (a == "--list") {
      for (const auto& w : all_workloads()) std::cout << w.id << "  " << w.title << "\n";
      return 0;
    } else if (a == "--help" || a == "-h") {
      usage(std::cout);
      return 0;
    } else {
      std::cerr << "coda-bench: unknown option " << a << "\n";
      usage(std::cerr);
      return 1;
    }
  }
  for (const auto& id : opt.only) {
    if (find_workload(id) == nullptr) {
      std::cerr << "coda-bench: no workload " << id << " (see --list)\n";
      return 1;
    }
  }
  try {
    if (!opt.child_stack.empty()) {
      Stack stack;
      if (!parse_stack(opt.child_stack, &stack)) {
        std::cerr << "coda-bench: unknown stack " << opt.child_stack << "\n";
        return 1;
      }
      return child_main(stack, opt.pki_dir, opt.coda_lib_dir);
    }
    return parent_main(opt);
  } catch (const std::exception& e) {
    std::cerr << "coda-bench: " << e.what() << "\n";
    return 1;
  }
}
