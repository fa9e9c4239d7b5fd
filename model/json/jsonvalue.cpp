#include "model/json/jsonvalue.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>

namespace mplug2::model {

namespace {
const JsonValue kNull;
const std::string kEmptyString;
const std::vector<JsonValue> kNoItems;
const std::vector<JsonValue::Member> kNoMembers;
} // namespace

class JsonParser {
public:
    JsonParser(std::string_view text, int maxDepth)
        : m_text(text)
        , m_maxDepth(maxDepth)
    { }

    Expected<JsonValue> parseDocument()
    {
        JsonValue value;
        skipSpace();
        if (!parseValue(value, 0))
            return fail();
        skipSpace();
        if (m_pos != m_text.size()) {
            m_error = "unexpected characters after the JSON value";
            return fail();
        }
        return value;
    }

private:
    Error fail() const
    {
        return makeError(ErrorCode::Format, "JSON: " + m_error + " at byte " + std::to_string(m_pos));
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }

    bool expect(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word) {
            m_error = "invalid literal";
            return false;
        }
        m_pos += word.size();
        return true;
    }

    bool parseValue(JsonValue &out, int depth)
    {
        if (depth > m_maxDepth) {
            m_error = "nesting deeper than " + std::to_string(m_maxDepth);
            return false;
        }
        if (m_pos >= m_text.size()) {
            m_error = "unexpected end of input";
            return false;
        }
        switch (m_text[m_pos]) {
        case 'n':
            out = JsonValue();
            return expect("null");
        case 't':
            out = JsonValue(true);
            return expect("true");
        case 'f':
            out = JsonValue(false);
            return expect("false");
        case '"': {
            std::string s;
            if (!parseString(s))
                return false;
            out = JsonValue(std::move(s));
            return true;
        }
        case '[':
            return parseArray(out, depth);
        case '{':
            return parseObject(out, depth);
        default:
            return parseNumber(out);
        }
    }

    bool parseArray(JsonValue &out, int depth)
    {
        out = JsonValue::array();
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            JsonValue item;
            skipSpace();
            if (!parseValue(item, depth + 1))
                return false;
            out.m_items.push_back(std::move(item));
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            m_error = "expected ',' or ']' in array";
            return false;
        }
    }

    bool parseObject(JsonValue &out, int depth)
    {
        out = JsonValue::object();
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"') {
                m_error = "expected a string key in object";
                return false;
            }
            std::string key;
            if (!parseString(key))
                return false;
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':') {
                m_error = "expected ':' after object key";
                return false;
            }
            ++m_pos;
            skipSpace();
            JsonValue value;
            if (!parseValue(value, depth + 1))
                return false;
            // Appending keeps parsing linear; with duplicate keys, find() sees the first.
            out.m_members.emplace_back(std::move(key), std::move(value));
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                ++m_pos;
                return true;
            }
            m_error = "expected ',' or '}' in object";
            return false;
        }
    }

    bool parseHex4(unsigned &out)
    {
        if (m_pos + 4 > m_text.size()) {
            m_error = "truncated \\u escape";
            return false;
        }
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            out <<= 4;
            if (c >= '0' && c <= '9')
                out |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f')
                out |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                out |= unsigned(c - 'A' + 10);
            else {
                m_error = "invalid \\u escape";
                return false;
            }
        }
        return true;
    }

    static void appendUtf8(std::string &s, unsigned cp)
    {
        if (cp < 0x80) {
            s += char(cp);
        } else if (cp < 0x800) {
            s += char(0xC0 | (cp >> 6));
            s += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += char(0xE0 | (cp >> 12));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        } else {
            s += char(0xF0 | (cp >> 18));
            s += char(0x80 | ((cp >> 12) & 0x3F));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        }
    }

    bool parseString(std::string &out)
    {
        ++m_pos; // opening quote
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (static_cast<unsigned char>(c) < 0x20) {
                m_error = "control character in string";
                return false;
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                break;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned cp = 0;
                if (!parseHex4(cp))
                    return false;
                if (cp >= 0xD800 && cp < 0xDC00) {
                    unsigned low = 0;
                    if (m_text.substr(m_pos, 2) == "\\u") {
                        m_pos += 2;
                        if (!parseHex4(low))
                            return false;
                    }
                    cp = (low >= 0xDC00 && low < 0xE000) ? 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
                                                         : 0xFFFD;
                } else if (cp >= 0xDC00 && cp < 0xE000) {
                    cp = 0xFFFD;
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                m_error = "invalid escape in string";
                return false;
            }
        }
        m_error = "unterminated string";
        return false;
    }

    bool parseNumber(JsonValue &out)
    {
        const std::size_t start = m_pos;
        bool integral = true;
        if (m_pos < m_text.size() && m_text[m_pos] == '-')
            ++m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c >= '0' && c <= '9') {
                ++m_pos;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                ++m_pos;
            } else {
                break;
            }
        }
        const char *first = m_text.data() + start;
        const char *last = m_text.data() + m_pos;
        if (first == last || (last - first == 1 && *first == '-')) {
            m_error = "invalid value";
            return false;
        }
        if (integral) {
            std::int64_t v = 0;
            const auto [end, ec] = std::from_chars(first, last, v);
            if (ec == std::errc() && end == last) {
                out = JsonValue(v);
                return true;
            }
        }
        double d = 0.0;
        const auto [end, ec] = std::from_chars(first, last, d);
        if (ec != std::errc() || end != last) {
            m_error = "invalid number";
            return false;
        }
        out = JsonValue(d);
        return true;
    }

    std::string_view m_text;
    int m_maxDepth;
    std::size_t m_pos = 0;
    std::string m_error;
};

JsonValue JsonValue::array()
{
    JsonValue v;
    v.m_type = Type::Array;
    return v;
}

JsonValue JsonValue::object()
{
    JsonValue v;
    v.m_type = Type::Object;
    return v;
}

Expected<JsonValue> JsonValue::parse(std::string_view text, int maxDepth)
{
    return JsonParser(text, maxDepth).parseDocument();
}

Expected<JsonValue> JsonValue::parseFile(const std::string &path, std::size_t maxBytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, "cannot open JSON file " + path);
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0 || static_cast<std::uint64_t>(size) > maxBytes)
        return makeError(ErrorCode::LimitExceeded,
            "JSON file " + path + " is larger than " + std::to_string(maxBytes) + " bytes");
    in.seekg(0);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!in.read(text.data(), size))
        return makeError(ErrorCode::Io, "cannot read JSON file " + path);
    auto value = parse(text);
    if (!value)
        return makeError(value.error().code, path + ": " + value.error().message);
    return value;
}

std::int64_t JsonValue::asInt(std::int64_t fallback) const
{
    if (!isNumber())
        return fallback;
    if (m_isInt)
        return m_int;
    if (!std::isfinite(m_double) || std::fabs(m_double) >= 9.2e18)
        return fallback;
    return static_cast<std::int64_t>(m_double);
}

const std::string &JsonValue::asString() const
{
    return isString() ? m_string : kEmptyString;
}
const std::vector<JsonValue> &JsonValue::items() const
{
    return isArray() ? m_items : kNoItems;
}
const std::vector<JsonValue::Member> &JsonValue::members() const
{
    return isObject() ? m_members : kNoMembers;
}

std::size_t JsonValue::size() const
{
    return isArray() ? m_items.size() : isObject() ? m_members.size() : 0;
}

const JsonValue *JsonValue::find(std::string_view key) const
{
    if (!isObject())
        return nullptr;
    for (const Member &m : m_members) {
        if (m.first == key)
            return &m.second;
    }
    return nullptr;
}

const JsonValue &JsonValue::operator[](std::string_view key) const
{
    const JsonValue *v = find(key);
    return v ? *v : kNull;
}

const JsonValue &JsonValue::operator[](std::size_t index) const
{
    return isArray() && index < m_items.size() ? m_items[index] : kNull;
}

void JsonValue::append(JsonValue value)
{
    if (!isArray())
        *this = array();
    m_items.push_back(std::move(value));
}

void JsonValue::set(std::string key, JsonValue value)
{
    if (!isObject())
        *this = object();
    for (Member &m : m_members) {
        if (m.first == key) {
            m.second = std::move(value);
            return;
        }
    }
    m_members.emplace_back(std::move(key), std::move(value));
}

static void dumpString(std::string &out, const std::string &s)
{
    out += '"';
    for (const char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(
                    buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void JsonValue::dumpTo(std::string &out, int indent, int level) const
{
    const auto newline = [&](int lvl) {
        if (indent >= 0) {
            out += '\n';
            out.append(static_cast<std::size_t>(indent * lvl), ' ');
        }
    };
    switch (m_type) {
    case Type::Null:
        out += "null";
        break;
    case Type::Bool:
        out += m_bool ? "true" : "false";
        break;
    case Type::Number: {
        char buf[40];
        if (m_isInt) {
            const auto r = std::to_chars(buf, buf + sizeof buf, m_int);
            out.append(buf, r.ptr);
        } else if (!std::isfinite(m_double)) {
            out += "null"; // JSON has no NaN/Inf
        } else {
            const auto r = std::to_chars(buf, buf + sizeof buf, m_double);
            out.append(buf, r.ptr);
        }
        break;
    }
    case Type::String:
        dumpString(out, m_string);
        break;
    case Type::Array:
        out += '[';
        for (std::size_t i = 0; i < m_items.size(); ++i) {
            if (i)
                out += indent >= 0 ? "," : ", ";
            newline(level + 1);
            m_items[i].dumpTo(out, indent, level + 1);
        }
        if (!m_items.empty())
            newline(level);
        out += ']';
        break;
    case Type::Object:
        out += '{';
        for (std::size_t i = 0; i < m_members.size(); ++i) {
            if (i)
                out += indent >= 0 ? "," : ", ";
            newline(level + 1);
            dumpString(out, m_members[i].first);
            out += ": ";
            m_members[i].second.dumpTo(out, indent, level + 1);
        }
        if (!m_members.empty())
            newline(level);
        out += '}';
        break;
    }
}

std::string JsonValue::dump(int indent) const
{
    std::string out;
    dumpTo(out, indent, 0);
    return out;
}

} // namespace mplug2::model
