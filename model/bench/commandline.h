#pragma once
/// A small Qt-free command-line reader for mplug2-bench (the Qt CLI uses
/// QCommandLineParser). Options are `--name value`, `--name=value` or bare
/// flags; everything else is positional. Unknown options are reported.
///
///     CommandLine cl(argc, argv, 2);                  // skip "mplug2-bench parity"
///     cl.declareValue("device"); cl.declareFlag("json");
///     if (auto err = cl.parse(); !err.empty()) { ... }
///     std::string device = cl.value("device", "cpu");

#include <map>
#include <set>
#include <string>
#include <vector>

namespace mplug2::model {

class CommandLine {
public:
    CommandLine(int argc, char **argv, int first);

    void declareValue(const std::string &name);
    void declareFlag(const std::string &name);

    /// Empty on success, else a message naming the bad argument.
    std::string parse();

    bool has(const std::string &name) const;
    std::string value(const std::string &name, const std::string &fallback = {}) const;
    /// Integer option; `ok` turns false (and stays false) when it does not parse.
    long long intValue(const std::string &name, long long fallback, bool *ok) const;
    const std::vector<std::string> &positional() const { return m_positional; }

private:
    std::vector<std::string> m_args;
    std::set<std::string> m_valueNames;
    std::set<std::string> m_flagNames;
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_positional;
};

} // namespace mplug2::model
