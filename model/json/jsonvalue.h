#pragma once
/// A small Qt-free JSON value: parse fixture manifests (cases.json,
/// tokenizer.json) and write --json output of Qt-free tools.
///
///     auto doc = JsonValue::parse(text);
///     if (!doc) { std::cerr << doc.error().message << '\n'; return 1; }
///     for (const JsonValue &c : (*doc)["cases"].items())
///         std::cout << c["id"].asString() << '\n';
///     JsonValue out = JsonValue::object();
///     out.set("passed", JsonValue(3));
///     std::cout << out.dump() << '\n';
///
/// Lookups on a missing key or a value of another type return a null value
/// (or the fallback of the as*() accessors), so reading optional fields
/// needs no checks; parse() bounds nesting depth and input size.

#include "base/expected.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mplug2::model {

class JsonValue {
public:
    enum class Type { Null, Bool, Number, String, Array, Object };
    using Member = std::pair<std::string, JsonValue>;

    JsonValue() = default;
    JsonValue(std::nullptr_t) { }
    JsonValue(bool b)
        : m_type(Type::Bool)
        , m_bool(b)
    { }
    JsonValue(int v)
        : JsonValue(static_cast<std::int64_t>(v))
    { }
    JsonValue(std::int64_t v)
        : m_type(Type::Number)
        , m_double(static_cast<double>(v))
        , m_int(v)
        , m_isInt(true)
    { }
    JsonValue(double v)
        : m_type(Type::Number)
        , m_double(v)
    { }
    JsonValue(std::string s)
        : m_type(Type::String)
        , m_string(std::move(s))
    { }
    JsonValue(const char *s)
        : m_type(Type::String)
        , m_string(s)
    { }

    static JsonValue array();
    static JsonValue object();

    /// Parses one JSON document (RFC 8259; depth at most `maxDepth`).
    static Expected<JsonValue> parse(std::string_view text, int maxDepth = 256);
    /// Reads and parses a file; errors name the file and the byte offset.
    static Expected<JsonValue> parseFile(const std::string &path, std::size_t maxBytes = 256u << 20);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isInteger() const { return m_type == Type::Number && m_isInt; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool asBool(bool fallback = false) const { return isBool() ? m_bool : fallback; }
    double asDouble(double fallback = 0.0) const { return isNumber() ? m_double : fallback; }
    /// Integral numbers exactly; other numbers truncated toward zero.
    std::int64_t asInt(std::int64_t fallback = 0) const;
    const std::string &asString() const;

    /// Array elements (empty for non-arrays).
    const std::vector<JsonValue> &items() const;
    /// Object members in document order (empty for non-objects).
    const std::vector<Member> &members() const;
    std::size_t size() const;

    bool contains(std::string_view key) const { return find(key) != nullptr; }
    const JsonValue *find(std::string_view key) const;
    const JsonValue &operator[](std::string_view key) const;
    const JsonValue &operator[](std::size_t index) const;

    void append(JsonValue value);
    /// Replaces an existing member or appends a new one (keeps order).
    void set(std::string key, JsonValue value);

    /// Compact when indent < 0, else pretty-printed with `indent` spaces.
    std::string dump(int indent = -1) const;

private:
    void dumpTo(std::string &out, int indent, int level) const;

    Type m_type = Type::Null;
    bool m_bool = false;
    double m_double = 0.0;
    std::int64_t m_int = 0;
    bool m_isInt = false;
    std::string m_string;
    std::vector<JsonValue> m_items;
    std::vector<Member> m_members;

    friend class JsonParser;
};

} // namespace mplug2::model
