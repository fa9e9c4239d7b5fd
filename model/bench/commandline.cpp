#include "model/bench/commandline.h"

#include <charconv>

namespace mplug2::model {

CommandLine::CommandLine(int argc, char **argv, int first)
{
    for (int i = first; i < argc; ++i)
        m_args.emplace_back(argv[i]);
}

void CommandLine::declareValue(const std::string &name)
{
    m_valueNames.insert(name);
}
void CommandLine::declareFlag(const std::string &name)
{
    m_flagNames.insert(name);
}

std::string CommandLine::parse()
{
    bool onlyPositional = false;
    for (size_t i = 0; i < m_args.size(); ++i) {
        const std::string &arg = m_args[i];
        if (onlyPositional || arg.size() < 3 || arg.rfind("--", 0) != 0) {
            if (arg == "--") {
                onlyPositional = true;
                continue;
            }
            m_positional.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::string inlineValue;
        const auto eq = name.find('=');
        const bool hasInline = eq != std::string::npos;
        if (hasInline) {
            inlineValue = name.substr(eq + 1);
            name.resize(eq);
        }
        if (m_flagNames.count(name)) {
            if (hasInline)
                return "option --" + name + " takes no value";
            m_values[name] = "1";
        } else if (m_valueNames.count(name)) {
            if (hasInline) {
                m_values[name] = inlineValue;
            } else {
                if (i + 1 >= m_args.size())
                    return "option --" + name + " needs a value";
                m_values[name] = m_args[++i];
            }
        } else {
            return "unknown option --" + name;
        }
    }
    return {};
}

bool CommandLine::has(const std::string &name) const
{
    return m_values.count(name) != 0;
}

std::string CommandLine::value(const std::string &name, const std::string &fallback) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

long long CommandLine::intValue(const std::string &name, long long fallback, bool *ok) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return fallback;
    long long v = 0;
    const std::string &s = it->second;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) {
        if (ok)
            *ok = false;
        return fallback;
    }
    return v;
}

} // namespace mplug2::model
