// The results of a run and their two renderings: the table on stdout and
// the JSON file of --json.
#pragma once

#include <array>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "child.hpp"
#include "workloads.hpp"

namespace bench {

struct StackInfo {
  std::string library;
  std::string version;
};

struct WorkloadResult {
  const Workload* workload = nullptr;
  // "ok", or why there are no (or not all) numbers: "not yet: ...", "failed: ...".
  std::string status = "ok";
  std::vector<std::string> metric_names;  // in the order the workload reports them
  // metric -> per stack -> one value per round
  std::map<std::string, std::array<std::vector<double>, kStacks>> rounds;
};

struct RunReport {
  bool quick = false;
  std::string load_before;  // /proc/loadavg when the run started
  std::string load_after;
  std::array<StackInfo, kStacks> stacks;
  std::vector<WorkloadResult> results;
};

struct Summary {
  double median = 0, min = 0, max = 0;
};
// Empty values give a summary of NaNs.
Summary summarize(std::vector<double> values);

void print_table(std::ostream& out, const RunReport& report);
void write_json(std::ostream& out, const RunReport& report);

}  // namespace bench
