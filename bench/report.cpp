// Medians with min-max over rounds, and the Coda/OpenSSL and Coda/GnuTLS
// ratios of the medians. A ratio below 1 means Coda has less of the metric:
// better for times, allocations and heap, worse for MB/s.
#include "report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace bench {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string format_value(double v) {
  if (std::isnan(v)) return "-";
  char buf[32];
  const double a = std::fabs(v);
  std::snprintf(buf, sizeof buf, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
  return buf;
}

std::string format_summary(const Summary& s) {
  if (std::isnan(s.median)) return "-";
  return format_value(s.median) + " (" + format_value(s.min) + "-" + format_value(s.max) + ")";
}

double ratio(const Summary& num, const Summary& den) {
  if (std::isnan(num.median) || std::isnan(den.median) || den.median == 0) return kNaN;
  return num.median / den.median;
}

std::string format_ratio(double r) {
  if (std::isnan(r)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2fx", r);
  return buf;
}

std::string pad(const std::string& s, size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

// JSON numbers cannot be NaN; a missing value is null.
std::string json_number(double v) {
  if (std::isnan(v) || std::isinf(v)) return "null";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

Summary summarize(std::vector<double> values) {
  if (values.empty()) return {kNaN, kNaN, kNaN};
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  return {median, values.front(), values.back()};
}

void print_table(std::ostream& out, const RunReport& r) {
  constexpr size_t kMetric = 30, kCell = 26, kRatio = 14;
  out << "coda-bench" << (r.quick ? " --quick (numbers only show the workloads run)" : "")
      << "\nload average at start: " << r.load_before << "; at end: " << r.load_after << "\n";
  for (int s = 0; s < kStacks; ++s) {
    out << "  " << pad(stack_name(static_cast<Stack>(s)), 8) << r.stacks[s].version << "  "
        << r.stacks[s].library << "\n";
  }
  out << "median (min-max) over rounds; ratios are of the medians; "
         "_us = CPU or wall microseconds per operation, _mbps = 10^6 bytes/s, "
         "_kib = KiB, _calls = malloc calls\n\n";
  out << pad("workload / metric", kMetric) << pad("OpenSSL", kCell) << pad("GnuTLS", kCell)
      << pad("Coda", kCell) << pad("Coda/OpenSSL", kRatio) << "Coda/GnuTLS\n";
  for (const auto& res : r.results) {
    out << res.workload->id << "  -  " << res.workload->title;
    if (res.status != "ok") out << "  [" << res.status << "]";
    out << "\n";
    for (const auto& name : res.metric_names) {
      const auto& per_stack = res.rounds.at(name);
      Summary s[kStacks];
      for (int i = 0; i < kStacks; ++i) s[i] = summarize(per_stack[i]);
      out << "  " << pad(name, kMetric - 2);
      for (const auto& one : s) out << pad(format_summary(one), kCell);
      out << pad(format_ratio(ratio(s[2], s[0])), kRatio) << format_ratio(ratio(s[2], s[1]))
          << "\n";
    }
  }
}

void write_json(std::ostream& out, const RunReport& r) {
  out << "{\n  \"quick\": " << (r.quick ? "true" : "false")
      << ",\n  \"load_before\": " << json_string(r.load_before)
      << ",\n  \"load_after\": " << json_string(r.load_after) << ",\n  \"stacks\": {";
  for (int s = 0; s < kStacks; ++s) {
    out << (s ? ",\n" : "\n") << "    " << json_string(stack_name(static_cast<Stack>(s)))
        << ": {\"library\": " << json_string(r.stacks[s].library)
        << ", \"version\": " << json_string(r.stacks[s].version) << "}";
  }
  out << "\n  },\n  \"workloads\": [";
  bool first_workload = true;
  for (const auto& res : r.results) {
    out << (first_workload ? "\n" : ",\n") << "    {\"id\": " << json_string(res.workload->id)
        << ", \"title\": " << json_string(res.workload->title)
        << ", \"status\": " << json_string(res.status) << ", \"metrics\": {";
    first_workload = false;
    bool first_metric = true;
    for (const auto& name : res.metric_names) {
      const auto& per_stack = res.rounds.at(name);
      Summary s[kStacks];
      out << (first_metric ? "\n" : ",\n") << "      " << json_string(name) << ": {";
      first_metric = false;
      for (int i = 0; i < kStacks; ++i) {
        s[i] = summarize(per_stack[i]);
        out << json_string(stack_name(static_cast<Stack>(i)))
            << ": {\"median\": " << json_number(s[i].median)
            << ", \"min\": " << json_number(s[i].min) << ", \"max\": " << json_number(s[i].max)
            << ", \"rounds\": [";
        for (size_t k = 0; k < per_stack[i].size(); ++k) {
          out << (k ? ", " : "") << json_number(per_stack[i][k]);
        }
        out << "]}, ";
      }
      out << "\"coda_over_openssl\": " << json_number(ratio(s[2], s[0]))
          << ", \"coda_over_gnutls\": " << json_number(ratio(s[2], s[1])) << "}";
    }
    out << (first_metric ? "}}" : "\n    }}");
  }
  out << "\n  ]\n}\n";
}

}  // namespace bench
