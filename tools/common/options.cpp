#include "common/options.hpp"

#include <charconv>
#include <cstdio>
#include <sstream>

namespace coda::tools {

Options::Options(std::string program, std::string operands, std::string summary,
                 std::vector<OptionSpec> specs)
    : program_(std::move(program)),
      operands_text_(std::move(operands)),
      summary_(std::move(summary)),
      specs_(std::move(specs)) {}

const OptionSpec* Options::find_long(const std::string& name) const {
  for (const auto& s : specs_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

const OptionSpec* Options::find_short(char c) const {
  for (const auto& s : specs_) {
    if (s.short_name != 0 && s.short_name == c) return &s;
  }
  return nullptr;
}

bool Options::take(const OptionSpec& spec, const std::string& value) {
  auto& list = values_[spec.name];
  if (!list.empty() && !spec.repeatable) {
    error_ = "option --" + spec.name + " given more than once";
    return false;
  }
  list.push_back(value);
  return true;
}

bool Options::parse(int argc, char** argv) {
  bool only_operands = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (only_operands || arg == "-" || arg.empty() || arg[0] != '-') {
      operands_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_operands = true;
      continue;
    }
    const OptionSpec* spec = nullptr;
    std::string inline_value;
    bool has_inline = false;
    if (arg.rfind("--", 0) == 0) {
      std::string name = arg.substr(2);
      if (auto eq = name.find('='); eq != std::string::npos) {
        inline_value = name.substr(eq + 1);
        has_inline = true;
        name.resize(eq);
      }
      spec = find_long(name);
      if (spec == nullptr) {
        error_ = "unknown option --" + name + " (see --help)";
        return false;
      }
    } else {
      if (arg.size() != 2 || (spec = find_short(arg[1])) == nullptr) {
        error_ = "unknown option " + arg + " (see --help)";
        return false;
      }
    }
    if (!spec->takes_value) {
      if (has_inline) {
        error_ = "option --" + spec->name + " takes no value";
        return false;
      }
      if (!take(*spec, "")) return false;
      continue;
    }
    if (!has_inline) {
      if (i + 1 >= argc) {
        error_ = "option --" + spec->name + " needs a value (" + spec->value_name + ")";
        return false;
      }
      inline_value = argv[++i];
    }
    if (!take(*spec, inline_value)) return false;
  }
  return true;
}

std::string Options::value(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> Options::values(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::string Options::help() const {
  std::ostringstream out;
  out << "Usage: " << program_ << " [options] " << operands_text_ << "\n" << summary_ << "\n\n";
  for (const auto& s : specs_) {
    std::string left = "  ";
    left += s.short_name != 0 ? std::string("-") + s.short_name + ", " : "    ";
    left += "--" + s.name;
    if (s.takes_value) left += " " + s.value_name;
    out << left;
    if (left.size() < 32) {
      out << std::string(32 - left.size(), ' ');
    } else {
      out << "\n" << std::string(32, ' ');
    }
    out << s.help << "\n";
  }
  return out.str();
}

bool parse_port(const std::string& text, unsigned& port) {
  unsigned v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || v > 65535) {
    return false;
  }
  port = v;
  return true;
}

bool parse_seconds(const std::string& text, int& milliseconds) {
  unsigned v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || v > 86400) {
    return false;
  }
  milliseconds = static_cast<int>(v) * 1000;
  return true;
}

bool answered_help_or_version(const Options& opts, const char* program) {
  if (opts.has("help")) {
    std::fputs(opts.help().c_str(), stdout);
    return true;
  }
  if (opts.has("version")) {
    std::printf("%s (Coda) %s\n", program, CODA_VERSION);
    return true;
  }
  return false;
}

}  // namespace coda::tools
