// Long-option parsing for the tools, in the manner of gnutls-cli: "--name
// value", "--name=value", a few one-letter aliases, and positional operands.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace coda::tools {

struct OptionSpec {
  std::string name;     // "port" for --port
  char short_name = 0;  // 'p' for -p; 0 for none
  bool takes_value = false;
  bool repeatable = false;  // may be given more than once (values kept in order)
  std::string value_name;   // "PORT", for --help
  std::string help;
};

class Options {
 public:
  Options(std::string program, std::string operands, std::string summary,
          std::vector<OptionSpec> specs);

  // false on a bad command line; error() then holds one line to print.
  bool parse(int argc, char** argv);
  const std::string& error() const { return error_; }

  bool has(const std::string& name) const { return values_.count(name) != 0; }
  std::string value(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> values(const std::string& name) const;
  const std::vector<std::string>& operands() const { return operands_; }

  std::string help() const;
  const std::string& program() const { return program_; }

 private:
  const OptionSpec* find_long(const std::string& name) const;
  const OptionSpec* find_short(char c) const;
  bool take(const OptionSpec& spec, const std::string& value);

  std::string program_;
  std::string operands_text_;
  std::string summary_;
  std::vector<OptionSpec> specs_;
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> operands_;
  std::string error_;
};

// A TCP port number 0..65535 from text; false if it is not one.
// --help and --version, the same for every tool: prints what was asked for
// and returns true (the tool then exits 0).
bool answered_help_or_version(const Options& opts, const char* program);

bool parse_port(const std::string& text, unsigned& port);
// A non-negative whole number of seconds (at most a day) as milliseconds.
bool parse_seconds(const std::string& text, int& milliseconds);

}  // namespace coda::tools
