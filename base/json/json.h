#pragma once
/// JSON in the Qt-free layers: nlohmann::ordered_json (Debian's
/// nlohmann-json3-dev) with our limits and our reading manners.
///
///     Expected<json::Json> doc = json::parseFile(path);        // size and depth bounded
///     if (!doc) { std::cerr << doc.error().message << '\n'; return 1; }
///     for (json::View c : json::View(*doc)["cases"].items())  // never throws
///         std::cout << c["id"].asString() << '\n';
///     json::Json out = json::Json::object();                   // writing: nlohmann as is
///     out["passed"] = 3;
///     std::cout << json::dump(out) << '\n';                    // {"passed": 3}
///
/// parse() and parseFile() bound the input's size and nesting depth and turn
/// every failure into an ErrorCode::Format error that says at which byte.
/// A View reads leniently: a missing key, an index out of range or a value
/// of another type reads as null (or the fallback of the as*() accessors), so
/// optional fields need no checks and a hostile file cannot make a lookup
/// throw. dump() writes the compact form with ", " and ": " separators (as
/// Python's json.dumps does), replacing invalid UTF-8 instead of throwing.

#include "base/expected.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mplug2::json {

using Json = nlohmann::ordered_json;

/// Parses one JSON document (RFC 8259; nesting at most `maxDepth`).
Expected<Json> parse(std::string_view text, int maxDepth = 256);
/// Reads and parses a file of at most `maxBytes`; errors name the file.
Expected<Json> parseFile(const std::string &path, std::size_t maxBytes = 256u << 20);

/// Compact (", " and ": " separators) when indent < 0, else pretty-printed.
std::string dump(const Json &value, int indent = -1);

class View {
public:
    View() = default; ///< null
    View(const Json &value)
        : m_value(&value)
    { }

    bool isNull() const;
    bool isBool() const;
    bool isNumber() const;
    bool isInteger() const;
    bool isString() const;
    bool isArray() const;
    bool isObject() const;

    bool asBool(bool fallback = false) const;
    double asDouble(double fallback = 0.0) const;
    /// Integral numbers exactly; other numbers truncated toward zero.
    std::int64_t asInt(std::int64_t fallback = 0) const;
    /// The string, or "" for other values.
    const std::string &asString() const;

    /// Elements of an array, members of an object, else 0.
    std::size_t size() const;
    bool contains(std::string_view key) const;
    View operator[](std::string_view key) const;
    View operator[](std::size_t index) const;
    View operator[](const char *key) const { return (*this)[std::string_view(key)]; }
    View operator[](int index) const { return (*this)[static_cast<std::size_t>(index < 0 ? -1 : index)]; }
    /// Array elements (none for non-arrays).
    std::vector<View> items() const;
    /// Object members in document order (none for non-objects).
    std::vector<std::pair<std::string, View>> members() const;

    /// The value looked at; null when the lookup found nothing.
    const Json *json() const { return m_value; }
    /// A copy of the value (null when the lookup found nothing).
    Json toJson() const;
    std::string dump(int indent = -1) const;

private:
    const Json *m_value = nullptr;
};

} // namespace mplug2::json
